import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { findDuration } from '../../domain/parse/duration.ts';
import type { ReminderSettingRecord } from '../../store/reminders.ts';
import type { Texts } from '../../i18n/texts.ts';
import { REMINDER_MODAL_BLOCKS as B } from '../ids.ts';
import { parseJsonText, tenantOfInteraction } from '../payloads.ts';
import { textsFor } from '../person.ts';
import type { SlackServices } from '../services.ts';

/** Who opened the form (the Settings button puts it in private_metadata); checked against the submitter. */
const settingsMetaSchema = z.object({ t: z.string().min(1), u: z.string().min(1) });
const checkbox = z.object({ selected_options: z.array(z.object({ value: z.string() })).nullish() });
const time = z.object({ selected_time: z.string().regex(/^\d{2}:\d{2}$/).nullish() });

const stateSchema = z.object({
  [B.enabled]: z.object({ [B.enabledAction]: checkbox }),
  [B.time]: z.object({ [B.timeAction]: time }),
  [B.weekdays]: z.object({ [B.weekdaysAction]: checkbox }),
  [B.target]: z.object({ [B.targetAction]: z.object({ value: z.string().nullish() }) }),
  [B.morning]: z.object({ [B.morningAction]: checkbox }),
  [B.morningTime]: z.object({ [B.morningTimeAction]: time }),
  [B.away]: z.object({ [B.awayAction]: checkbox }),
});

type Form = z.infer<typeof stateSchema>;

/** The form's values as settings, or the field errors to show inline. */
function checkSettingsForm(t: Texts, v: Form, current: ReminderSettingRecord): { ok: true; setting: ReminderSettingRecord } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const on = (c: z.infer<typeof checkbox>) => (c.selected_options ?? []).some((o) => o.value === 'on');
  const localTime = v[B.time][B.timeAction].selected_time;
  if (!localTime) errors[B.time] = t.t('remind.form.pickTime');
  const morningTime = v[B.morningTime][B.morningTimeAction].selected_time;
  if (!morningTime) errors[B.morningTime] = t.t('remind.form.pickTime');
  if (localTime && morningTime && on(v[B.morning][B.morningAction]) && morningTime >= localTime) errors[B.morningTime] = t.t('remind.form.morningFirst');
  const days = (v[B.weekdays][B.weekdaysAction].selected_options ?? []).map((o) => Number(o.value)).filter((d) => d >= 1 && d <= 7);
  const targetText = v[B.target][B.targetAction].value?.trim() ?? '';
  let targetHours: number | null = null;
  if (targetText) {
    const bare = /^(\d+(?:[.,]\d+)?)$/.exec(targetText);
    const found = bare ? { minutes: Number((bare[1] ?? '0').replace(',', '.')) * 60 } : findDuration(targetText);
    if (!found || !('minutes' in found) || found.minutes <= 0 || found.minutes > 24 * 60) errors[B.target] = t.t('remind.form.badTarget');
    else targetHours = Math.round(found.minutes) / 60;
  }
  if (Object.keys(errors).length > 0 || !localTime || !morningTime) return { ok: false, errors };
  return {
    ok: true,
    setting: {
      ...current,
      enabled: on(v[B.enabled][B.enabledAction]),
      localTime,
      weekdays: days.length > 0 ? [...new Set(days)].sort((a, b) => a - b) : undefined,
      targetHours,
      morningRecap: on(v[B.morning][B.morningAction]),
      morningTime,
      respectAway: on(v[B.away][B.awayAction]),
    },
  };
}

/** The reminder settings form: errors inline; saved, then confirmed by DM-free close. */
export function reminderSettingsSubmission(services: SlackServices) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const meta = settingsMetaSchema.safeParse(parseJsonText(view.private_metadata));
    // Answered in the ack: no Slack call before it.
    const t = await textsFor(services, tenantOfInteraction(body), body.user.id, { askSlack: false });
    const values = stateSchema.safeParse(view.state.values);
    if (!meta.success || !values.success || meta.data.u !== body.user.id) {
      await ack({ response_action: 'errors', errors: { [B.time]: t.t('remind.form.stale') } });
      services.logger.warn({ user: body.user.id }, 'refused a reminder settings form');
      return;
    }
    const link = await services.linking.requireLink(meta.data.t, meta.data.u).catch(() => undefined);
    if (!link) {
      await ack({ response_action: 'errors', errors: { [B.time]: t.t('remind.form.notLinked') } });
      return;
    }
    const checked = checkSettingsForm(t, values.data, await services.reminders.settings(link));
    if (!checked.ok) {
      await ack({ response_action: 'errors', errors: checked.errors });
      return;
    }
    await services.reminders.saveSettings(link, checked.setting);
    await ack();
    services.home.refresh(services, link);
  };
}
