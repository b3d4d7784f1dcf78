import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { parseProjectDate } from '../../domain/parse/project-date.ts';
import { INCOME_TYPES, type ProjectDraft, type ProjectField, type ProjectOutcome } from '../../domain/projects.ts';
import { toUserMessage } from '../../errors.ts';
import type { Texts } from '../../i18n/texts.ts';
import { localParts } from '../../lib/zoned.ts';
import { PROJECT_MODAL_BLOCKS as B } from '../ids.ts';
import { parseJsonText, tenantOfInteraction } from '../payloads.ts';
import type { SlackServices } from '../services.ts';
import { type ProjectFormValues, type ProjectModalMeta, projectModal, projectModalMessage, refusalText } from './blocks.ts';
import { textsFor } from '../person.ts';

const metaSchema = z.object({ t: z.string().min(1), u: z.string().min(1), c: z.string().min(1), mode: z.enum(['new', 'edit']), tz: z.string().min(1), n: z.string() });
const textValue = z.object({ value: z.string().nullish() });
const stateSchema = z.object({
  [B.name]: z.object({ [B.nameAction]: textValue }),
  [B.client]: z.object({ [B.clientAction]: textValue }),
  [B.brief]: z.object({ [B.briefAction]: textValue }),
  [B.start]: z.object({ [B.startAction]: textValue }),
  [B.end]: z.object({ [B.endAction]: textValue }),
  [B.hours]: z.object({ [B.hoursAction]: textValue }),
  [B.income]: z.object({ [B.incomeAction]: z.object({ selected_option: z.object({ value: z.enum(INCOME_TYPES) }).nullish() }) }),
  [B.billable]: z.object({ [B.billableAction]: z.object({ selected_options: z.array(z.object({ value: z.string() })).nullish() }) }),
});
type State = z.infer<typeof stateSchema>;

/** COR gets this long to answer before the form is acknowledged with "saving" (Slack allows 3 s). */
const INLINE_WAIT_MS = 2_200;

const BLOCK_OF: Record<ProjectField, string> = { name: B.name, client: B.client, start: B.start, end: B.end, general: B.name };


function typed(state: State): ProjectFormValues {
  const text = (v: string | null | undefined) => (v?.trim() ? v.trim() : undefined);
  return {
    name: text(state[B.name][B.nameAction].value),
    client: text(state[B.client][B.clientAction].value),
    brief: text(state[B.brief][B.briefAction].value),
    start: text(state[B.start][B.startAction].value),
    end: text(state[B.end][B.endAction].value),
    hours: text(state[B.hours][B.hoursAction].value),
    income: state[B.income][B.incomeAction].selected_option?.value,
    billable: (state[B.billable][B.billableAction].selected_options ?? []).some((o) => o.value === 'on'),
  };
}

/** The form as a project draft, or the field errors to show inline. Dates are read in the person's calendar. */
function checkProjectForm(t: Texts, v: ProjectFormValues, mode: 'new' | 'edit', today: string): { ok: true; draft: ProjectDraft } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (mode === 'new' && !v.name) errors[B.name] = t.t('project.check.noName');
  if (v.name && v.name.length > 200) errors[B.name] = t.t('project.check.longName');
  const start = v.start ? parseProjectDate(v.start, today) : undefined;
  if (v.start && !start) errors[B.start] = t.t('project.check.startUnread');
  const end = v.end ? parseProjectDate(v.end, today) : undefined;
  if (v.end && !end) errors[B.end] = t.t('project.check.endUnread');
  if (start && end && start > end) errors[B.end] = t.t('project.refusal.date_range');
  let hours: number | undefined;
  if (v.hours) {
    hours = Number(v.hours.replace(',', '.').replace(/h$/i, ''));
    if (!Number.isFinite(hours) || hours < 0 || hours > 1_000_000) errors[B.hours] = t.t('project.check.hours');
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    draft: {
      name: v.name,
      clientExternalId: v.client,
      brief: v.brief,
      start,
      end,
      estimatedHours: hours,
      // On edit an unticked box leaves billable as it is (the form cannot tell "untouched" from "no").
      billable: mode === 'new' ? (v.billable ?? false) : v.billable ? true : undefined,
      incomeType: v.income,
    },
  };
}

function doneText(t: Texts, outcome: Extract<ProjectOutcome, { ok: true }>, mode: 'new' | 'edit'): string {
  return mode === 'new' ? t.t('project.done.created', { name: outcome.project.name }) : t.t('project.done.saved', { name: outcome.project.name });
}

/**
 * The project form's submission. Mistakes in what was typed come back on their field at once. COR is then
 * given a little over 2 s: its named errors come back on their field too; if it is slower, the form says
 * "saving" and shows the outcome when COR answers.
 */
export function projectSubmission(services: SlackServices) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const meta = metaSchema.safeParse(parseJsonText(view.private_metadata));
    const state = stateSchema.safeParse(view.state.values);
    // Before the ack: what the store knows of their language, no Slack call.
    const t = await textsFor(services, tenantOfInteraction(body), body.user.id, { askSlack: false });
    if (!meta.success || !state.success || meta.data.u !== body.user.id) {
      await ack({ response_action: 'errors', errors: { [B.name]: t.t('project.check.outOfDate') } });
      services.logger.warn({ user: body.user.id }, 'refused a project form');
      return;
    }
    const m: ProjectModalMeta = meta.data;
    const checked = checkProjectForm(t, typed(state.data), m.mode, localParts(services.clock.now(), m.tz).date);
    if (!checked.ok) return void (await ack({ response_action: 'errors', errors: checked.errors }));
    const link = await services.linking.requireLink(m.t, m.u).catch(() => undefined);
    if (!link) return void (await ack({ response_action: 'errors', errors: { [B.name]: t.t('project.check.unlinked') } }));
    const { draft } = checked;
    const work: Promise<ProjectOutcome> = m.mode === 'new' ? services.projects.create(link, m.c, { ...draft, name: draft.name ?? m.n }) : services.projects.update(link, m.c, draft);
    const settled = work.then(
      (outcome) => ({ outcome }),
      (err: unknown) => ({ error: err }),
    );
    const inTime = await Promise.race([settled, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), INLINE_WAIT_MS))]);
    if (inTime && 'outcome' in inTime) {
      const o = inTime.outcome;
      if (o.ok) return void (await ack({ response_action: 'update', view: projectModalMessage(t, m, doneText(t, o, m.mode)) }));
      return void (await ack({ response_action: 'errors', errors: { [BLOCK_OF[o.field]]: refusalText(t, o) } }));
    }
    if (inTime && 'error' in inTime) return void (await ack({ response_action: 'errors', errors: { [B.name]: toUserMessage(inTime.error, t) } }));
    // COR is slow: the form says so, and shows the outcome when it comes.
    await ack({ response_action: 'update', view: projectModalMessage(t, m, t.t('project.saving')) });
    const late = await settled;
    const text =
      'outcome' in late
        ? late.outcome.ok
          ? doneText(t, late.outcome, m.mode)
          : t.t('project.lateRefusal', { refusal: refusalText(t, late.outcome), mode: m.mode })
        : `⚠️ ${toUserMessage(late.error, t)}`;
    await client.views.update({ view_id: view.id, view: projectModalMessage(t, m, text) });
  };
}

/** Enter in a date field: the form shows the date it read (or that it could not), keeping what was typed. */
export function projectDatePreview(services: SlackServices) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const view = body.view;
    if (!view) return;
    const meta = metaSchema.safeParse(parseJsonText(view.private_metadata));
    const state = stateSchema.safeParse(view.state?.values);
    if (!meta.success || !state.success || meta.data.u !== body.user.id) return;
    const values = typed(state.data);
    const today = localParts(services.clock.now(), meta.data.tz).date;
    const read = (text: string | undefined) => (text ? (parseProjectDate(text, today) ?? null) : undefined);
    const t = await textsFor(services, meta.data.t, meta.data.u);
    await client.views.update({ view_id: view.id, hash: view.hash, view: projectModal(t, meta.data, values, { start: read(values.start), end: read(values.end) }) });
  };
}
