import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { findBareNumber, findDuration } from '../../domain/parse/duration.ts';
import type { ParsedLog } from '../../domain/parse/log-command.ts';
import type { Texts } from '../../i18n/texts.ts';
import { addDays, localParts, zonedTimeToInstant } from '../../lib/zoned.ts';
import { outcomeMessage, rememberAnswer, taskNotFoundMessage } from '../entry-answers.ts';
import type { Accept, AcceptedRun, AcceptedWork } from '../accepted.ts';
import { ACCEPTED, LOG_MODAL_BLOCKS as B } from '../ids.ts';
import { parseJsonText, tenantOfInteraction } from '../payloads.ts';
import { textsFor, textsOfLink } from '../person.ts';
import { DM } from '../respond.ts';
import type { SlackServices } from '../services.ts';
import { modalMetaSchema } from './open-form.ts';

const MAX_MINUTES = 24 * 60;

const stateSchema = z.object({
  [B.task]: z.object({ [B.taskAction]: z.object({ selected_option: z.object({ value: z.string().regex(/^\d+$/) }).nullish() }) }),
  [B.date]: z.object({ [B.dateAction]: z.object({ selected_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullish() }) }),
  [B.duration]: z.object({ [B.durationAction]: z.object({ value: z.string().nullish() }) }),
  [B.from]: z.object({ [B.fromAction]: z.object({ selected_time: z.string().regex(/^\d{2}:\d{2}$/).nullish() }) }),
  [B.to]: z.object({ [B.toAction]: z.object({ selected_time: z.string().regex(/^\d{2}:\d{2}$/).nullish() }) }),
  [B.note]: z.object({ [B.noteAction]: z.object({ value: z.string().nullish() }) }),
});

type Checked = { ok: true; parsed: ParsedLog } | { ok: false; errors: Record<string, string> };

/** Everything that can be checked without COR, so mistakes come back inline on the field. */
function checkLogForm(t: Texts, values: z.infer<typeof stateSchema>, now: Date, tz: string): Checked {
  const errors: Record<string, string> = {};
  const taskId = values[B.task][B.taskAction].selected_option?.value;
  if (!taskId) errors[B.task] = t.t('log.form.pickTask');
  const date = values[B.date][B.dateAction].selected_date ?? undefined;
  const today = localParts(now, tz).date;
  if (!date) errors[B.date] = t.t('log.form.pickDay');
  else if (date > today) errors[B.date] = t.t('log.form.futureDay');
  const durationText = values[B.duration][B.durationAction].value?.trim() ?? '';
  const from = values[B.from][B.fromAction].selected_time ?? undefined;
  const to = values[B.to][B.toAction].selected_time ?? undefined;
  let span: ParsedLog['span'] | undefined;
  if (durationText) {
    const found = findDuration(durationText);
    if (!found) {
      const bare = findBareNumber(durationText);
      errors[B.duration] = bare ? t.t('log.form.hoursOrMinutes', { value: bare.value }) : t.t('log.form.badDuration');
    } else if ('problem' in found) errors[B.duration] = t.t('log.form.negative');
    else if (found.minutes <= 0) errors[B.duration] = t.t('log.form.zero');
    else if (found.minutes > MAX_MINUTES) errors[B.duration] = t.t('log.form.tooLong', { duration: t.minutes(found.minutes) });
    else span = { kind: 'duration', minutes: found.minutes };
  } else if (from || to) {
    if (!from) errors[B.from] = t.t('log.form.noStart');
    if (!to) errors[B.to] = t.t('log.form.noEnd');
    if (from && to && date) {
      const [fh, fm] = from.split(':').map(Number) as [number, number];
      const [th, tm] = to.split(':').map(Number) as [number, number];
      const start = zonedTimeToInstant(date, fh, fm, tz);
      const stop = to > from ? zonedTimeToInstant(date, th, tm, tz) : zonedTimeToInstant(addDays(date, 1), th, tm, tz);
      if (stop.getTime() > now.getTime()) errors[B.to] = t.t('log.form.endsInFuture');
      else span = { kind: 'range', start, stop, from: { hour: fh, minute: fm }, to: { hour: th, minute: tm } };
    }
  } else {
    errors[B.duration] = t.t('log.form.noSpan');
  }
  if (Object.keys(errors).length > 0 || !taskId || !date || !span) return { ok: false, errors };
  const note = values[B.note][B.noteAction].value?.trim() || undefined;
  return { ok: true, parsed: { date, dateSource: 'explicit', span, task: { kind: 'id', id: Number(taskId) }, note, language: 'en' } };
}

/**
 * The log-time modal's submission: field errors inline in the ack; otherwise the modal closes at once and the
 * entry is written after the ack (idempotent on the view id), with the result sent as a DM.
 */
export function logModalSubmission(services: SlackServices, accept: Accept<LogForm>) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const meta = modalMetaSchema.safeParse(parseJsonText(view.private_metadata));
    const values = stateSchema.safeParse(view.state.values);
    // Field errors are said in the ack: the person's language as the store knows it (no Slack call before an ack).
    const t = await textsFor(services, tenantOfInteraction(body), body.user.id, { askSlack: false });
    if (!meta.success || !values.success || meta.data.u !== body.user.id || meta.data.t !== tenantOfInteraction(body)) {
      await ack({ response_action: 'errors', errors: { [B.task]: t.t('log.form.outOfDate') } });
      services.logger.warn({ user: body.user.id, meta: meta.success, values: values.success }, 'refused a log form');
      return;
    }
    const checked = checkLogForm(t, values.data, services.clock.now(), meta.data.tz);
    if (!checked.ok) {
      await ack({ response_action: 'errors', errors: checked.errors });
      return;
    }
    const form = { tenantKey: meta.data.t, userId: meta.data.u, tz: meta.data.tz, values: values.data, viewId: view.id };
    await accept(services, { who: { tenantKey: form.tenantKey, slackUserId: form.userId }, requestId: view.id, payload: form }, () => ack());
  };
}

const logFormSchema = z.object({ tenantKey: z.string().min(1), userId: z.string().min(1), tz: z.string().min(1), values: stateSchema, viewId: z.string().min(1) });
type LogForm = z.infer<typeof logFormSchema>;

/** After a log form closed (right after, or on another instance after a crash): writes the entry and DMs the outcome (a form has no response_url). */
export const logFormWork: AcceptedWork<LogForm> = { kind: ACCEPTED.logForm, payload: logFormSchema, answer: () => DM, run: logForm };

async function logForm(services: SlackServices, { payload, acceptedAt, respond: dm }: AcceptedRun<LogForm>): Promise<void> {
  const { tenantKey, userId, tz, values, viewId } = payload;
  // Checked again from the stored values: the same checks the ack made, and what it parsed.
  const t = await textsFor(services, tenantKey, userId);
  const checked = checkLogForm(t, values, acceptedAt, tz);
  if (!checked.ok) return void (await dm({ text: t.t('log.form.notLogged', { errors: Object.values(checked.errors).join(' ') }) }));
  const link = await services.linking.requireLink(tenantKey, userId);
  const resolution = await services.entries.resolve(link, checked.parsed, tz);
  if (resolution.kind === 'task_not_found') return void (await dm(taskNotFoundMessage(await textsOfLink(services, link), resolution.taskId)));
  if (resolution.kind !== 'ready' && resolution.kind !== 'confirm') return;
  const outcome = await services.entries.submit(link, resolution.proposal, `view:${viewId}`, undefined);
  await rememberAnswer(services, [outcome], await dm(await outcomeMessage(services, link, resolution.proposal, outcome, tz)));
}
