import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { parseProjectDate } from '../../domain/parse/project-date.ts';
import { INCOME_TYPES, type ProjectDraft, type ProjectField, type ProjectOutcome } from '../../domain/projects.ts';
import { toUserMessage } from '../../errors.ts';
import { localParts } from '../../lib/zoned.ts';
import { PROJECT_MODAL_BLOCKS as B } from '../ids.ts';
import { parseJsonText } from '../payloads.ts';
import type { SlackServices } from '../services.ts';
import { type ProjectFormValues, type ProjectModalMeta, projectModal, projectModalMessage } from './blocks.ts';
import { textsOfLink } from '../person.ts';

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
function checkProjectForm(v: ProjectFormValues, mode: 'new' | 'edit', today: string): { ok: true; draft: ProjectDraft } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (mode === 'new' && !v.name) errors[B.name] = 'Give the project a name.';
  if (v.name && v.name.length > 200) errors[B.name] = 'At most 200 characters.';
  const start = v.start ? parseProjectDate(v.start, today) : undefined;
  if (v.start && !start) errors[B.start] = 'I cannot read that date. Try "next monday", "15/01" or "end of march".';
  const end = v.end ? parseProjectDate(v.end, today) : undefined;
  if (v.end && !end) errors[B.end] = 'I cannot read that date. Try "end of march" or "2027-03-31".';
  if (start && end && start > end) errors[B.end] = 'The end comes before the start.';
  let hours: number | undefined;
  if (v.hours) {
    hours = Number(v.hours.replace(',', '.').replace(/h$/i, ''));
    if (!Number.isFinite(hours) || hours < 0 || hours > 1_000_000) errors[B.hours] = 'A number of hours, like 120.';
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

function doneText(outcome: Extract<ProjectOutcome, { ok: true }>, mode: 'new' | 'edit'): string {
  return mode === 'new'
    ? `✓ This channel is now the COR project *${outcome.project.name}*. \`/cor log\` and \`/cor tasks\` here look at its tasks first.`
    : `✓ Saved the COR project *${outcome.project.name}*.`;
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
    if (!meta.success || !state.success || meta.data.u !== body.user.id) {
      await ack({ response_action: 'errors', errors: { [B.name]: 'This form is out of date; close it and open it again.' } });
      services.logger.warn({ user: body.user.id }, 'refused a project form');
      return;
    }
    const m: ProjectModalMeta = meta.data;
    const checked = checkProjectForm(typed(state.data), m.mode, localParts(services.clock.now(), m.tz).date);
    if (!checked.ok) return void (await ack({ response_action: 'errors', errors: checked.errors }));
    const link = await services.linking.requireLink(m.t, m.u).catch(() => undefined);
    if (!link) return void (await ack({ response_action: 'errors', errors: { [B.name]: 'Your Slack account is not linked to COR any more: run /cor link first.' } }));
    const { draft } = checked;
    const work: Promise<ProjectOutcome> = m.mode === 'new' ? services.projects.create(link, m.c, { ...draft, name: draft.name ?? m.n }) : services.projects.update(link, m.c, draft);
    const settled = work.then(
      (outcome) => ({ outcome }),
      (err: unknown) => ({ error: err }),
    );
    const inTime = await Promise.race([settled, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), INLINE_WAIT_MS))]);
    if (inTime && 'outcome' in inTime) {
      const o = inTime.outcome;
      if (o.ok) return void (await ack({ response_action: 'update', view: projectModalMessage(m, doneText(o, m.mode)) }));
      return void (await ack({ response_action: 'errors', errors: { [BLOCK_OF[o.field]]: o.message } }));
    }
    if (inTime && 'error' in inTime) return void (await ack({ response_action: 'errors', errors: { [B.name]: toUserMessage(inTime.error, await textsOfLink(services, link)) } }));
    // COR is slow: the form says so, and shows the outcome when it comes.
    await ack({ response_action: 'update', view: projectModalMessage(m, '⏳ Saving in COR…') });
    const late = await settled;
    const text = 'outcome' in late ? (late.outcome.ok ? doneText(late.outcome, m.mode) : `⚠️ ${late.outcome.message}\nRun \`/cor project ${m.mode}\` again to fix it.`) : `⚠️ ${toUserMessage(late.error, await textsOfLink(services, link))}`;
    await client.views.update({ view_id: view.id, view: projectModalMessage(m, text) });
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
    await client.views.update({ view_id: view.id, hash: view.hash, view: projectModal(meta.data, values, { start: read(values.start), end: read(values.end) }) });
  };
}
