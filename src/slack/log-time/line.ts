import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { ParsedLog } from '../../domain/parse/log-command.ts';
import { isComplete, type LineDraft, needsAsking, rowTask, withDuration, withTask } from '../../domain/time-entries/lines.ts';
import type { Texts } from '../../i18n/texts.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import type { Accept, AcceptedRun, AcceptedWork } from '../accepted.ts';
import { type Message, section } from '../blocks.ts';
import { rememberAnswer } from '../entry-answers.ts';
import { ACCEPTED } from '../ids.ts';
import { tenantOfInteraction } from '../payloads.ts';
import { textsOfLink, zoneOf } from '../person.ts';
import { type AnswerPlace, inPlaceOf, storedAnswerPlace } from '../respond.ts';
import type { SlackServices } from '../services.ts';
import { lineCancelledMessage, lineCard, lineOutcomeMessage, rowStateOf } from './line-blocks.ts';

/** Where a line was asked, for its draft's key and for telling later outcomes. */
export interface LineRequest {
  tenantKey: string;
  key: string;
  answer?: AnswerPlace | undefined;
}

/**
 * Several entries from one line: resolved together, kept as a draft, then logged at once when nothing had to be
 * guessed, else shown on one card to check, fix and log.
 */
export async function logLineFor(
  services: SlackServices,
  link: UserLinkRecord,
  t: Texts,
  request: LineRequest,
  entries: ParsedLog[],
  respond: (m: Message) => Promise<unknown>,
  tz: string,
  preferred: { projectId: number; name: string } | undefined,
): Promise<void> {
  const line = await services.entries.resolveLine(link, entries, tz, preferred);
  const { draft, created } = await services.lines.keep(link, request.key, line);
  // A repeat of the request finds its draft as the person left it: an open one is shown, never logged unasked.
  if (draft.state === 'cancelled') return void (await respond(closedMessage(t, 'cancelled')));
  if (draft.state === 'open' && (!created || needsAsking(draft.rows))) return void (await respond(lineCard(t, draft.id, draft.rows, draft.days, tz)));
  await logAllAndAnswer(services, link, t, draft, request.answer, respond, tz);
}

/** Writes the line (each row once) and answers with each row's state; a posted answer is remembered for later. */
async function logAllAndAnswer(services: SlackServices, link: UserLinkRecord, t: Texts, draft: LineDraft, answer: AnswerPlace | undefined, respond: (m: Message) => Promise<unknown>, tz: string): Promise<void> {
  const result = await services.lines.logAll(link, draft, storedAnswerPlace(answer));
  if (result.kind === 'cancelled') return void (await respond(closedMessage(t, 'cancelled')));
  const posted = await respond(lineOutcomeMessage(t, result.draft.rows, result.outcomes.map(rowStateOf), result.draft.days, tz, link));
  await rememberAnswer(services, result.outcomes, posted);
}

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

const rowPickSchema = z.object({
  block_id: z.string().regex(/^[\w-]+:\d{1,2}$/),
  selected_option: z.object({ value: z.string().regex(/^\d{1,12}$/) }),
});

/** The card a click came from, its row and the picked value; undefined (logged) when it is not the clicker's. */
async function pickOf(services: SlackServices, args: ActionArgs): Promise<{ link: UserLinkRecord; t: Texts; draft: LineDraft; index: number; value: number } | undefined> {
  const pick = rowPickSchema.safeParse(args.action);
  const link = pick.success ? await services.linking.requireLink(tenantOfInteraction(args.body), args.body.user.id).catch(() => undefined) : undefined;
  const [draftId = '', index = ''] = pick.success ? pick.data.block_id.split(':') : [];
  const draft = link ? await services.lines.get(link, draftId) : undefined;
  if (!pick.success || !link || !draft || !draft.rows[Number(index)]) {
    services.logger.warn({ user: args.body.user.id, action: (args.action as { action_id?: string }).action_id }, 'refused a line card pick');
    if (link) await redraw(args, outOfDate(await textsOfLink(services, link)));
    return undefined;
  }
  return { link, t: await textsOfLink(services, link), draft, index: Number(index), value: Number(pick.data.selected_option.value) };
}

/** Redraws the card where it is (an ephemeral answer or a DM message), through the click's response_url. */
function redraw(args: ActionArgs, message: Message): Promise<unknown> {
  return args.respond({ response_type: 'ephemeral', replace_original: true, ...message });
}

/** A row's task picked on the card. */
function pickTask(services: SlackServices) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const pick = await pickOf(services, args);
    if (!pick) return;
    const { tz } = await zoneOf(services, pick.link);
    const task = await services.tasks.task(pick.link, services.linking.apiFor(pick.link), pick.value).catch(() => undefined);
    if (!task) return void (await redraw(args, lineCard(pick.t, pick.draft.id, pick.draft.rows, pick.draft.days, tz, pick.t.t('log.line.badTask', { taskId: String(pick.value) }))));
    await redrawChanged(services, args, pick.link, pick.t, pick.draft, (line) => withTask(line.rows, pick.index, rowTask(task)), tz);
  };
}

/** A row's duration picked on the card: the rows after it that day move along. */
function pickDuration(services: SlackServices) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const pick = await pickOf(services, args);
    if (!pick || pick.value <= 0 || pick.value > 24 * 60) return;
    const { tz } = await zoneOf(services, pick.link);
    await redrawChanged(services, args, pick.link, pick.t, pick.draft, (line) => withDuration(line, pick.index, pick.value, services.clock.now(), tz), tz);
  };
}

async function redrawChanged(services: SlackServices, args: ActionArgs, link: UserLinkRecord, t: Texts, draft: LineDraft, edit: Parameters<SlackServices['lines']['change']>[2], tz: string): Promise<void> {
  const changed = await services.lines.change(link, draft.id, edit);
  if (!changed) return;
  // Logged meanwhile: Log all's answer stays where it is (with its Undo).
  if (changed.state === 'logged') return;
  if (changed.state !== 'open') return void (await redraw(args, closedMessage(t, changed.state)));
  await redraw(args, lineCard(t, changed.id, changed.rows, changed.days, tz));
}

function closedMessage(t: Texts, state: 'logged' | 'cancelled'): Message {
  const text = state === 'cancelled' ? t.t('log.line.closedCancelled') : t.t('log.line.closedLogged');
  return { text, blocks: [section(text)] };
}

/** A card whose draft is gone (kept a week) or not the clicker's. */
function outOfDate(t: Texts): Message {
  const text = t.t('log.line.outOfDate');
  return { text, blocks: [section(text)] };
}

const draftIdSchema = z.string().regex(/^[\w-]{1,64}$/);

/** Log all: recorded before the ack (a crash leaves it to another instance), then every row written once. */
function logAll(services: SlackServices, accept: Accept<LogLine>) {
  return async (args: ActionArgs): Promise<void> => {
    const draftId = draftIdSchema.safeParse((args.action as { value?: string }).value);
    const responseUrl = args.body.response_url;
    if (!draftId.success || !responseUrl) return void (await args.ack());
    const tenantKey = tenantOfInteraction(args.body);
    const payload = { tenantKey, userId: args.body.user.id, draftId: draftId.data, responseUrl };
    await accept(services, { who: { tenantKey, slackUserId: args.body.user.id }, requestId: draftId.data, payload }, () => args.ack());
  };
}

const logLineSchema = z.object({ tenantKey: z.string().min(1), userId: z.string().min(1), draftId: draftIdSchema, responseUrl: z.string().url() });
type LogLine = z.infer<typeof logLineSchema>;

/** After Log all was acknowledged (right after, or on another instance after a crash): answered in place of the card. */
export const logLineWork: AcceptedWork<LogLine> = {
  kind: ACCEPTED.logLine,
  payload: logLineSchema,
  answer: ({ responseUrl }, acceptedAt) => inPlaceOf(responseUrl, acceptedAt),
  run: logLine,
};

async function logLine(services: SlackServices, { payload, place, respond }: AcceptedRun<LogLine>): Promise<void> {
  const { tenantKey, userId, draftId } = payload;
  const link = await services.linking.requireLink(tenantKey, userId);
  const t = await textsOfLink(services, link);
  const draft = await services.lines.get(link, draftId);
  if (!draft) {
    services.logger.warn({ user: userId }, 'refused a Log all');
    return void (await respond(outOfDate(t)));
  }
  const { tz } = await zoneOf(services, link);
  if (draft.state === 'cancelled') return void (await respond(closedMessage(t, 'cancelled')));
  if (!isComplete(draft.rows)) return void (await respond(lineCard(t, draft.id, draft.rows, draft.days, tz, t.t('log.line.pickAllFirst'))));
  // Logged already (a second click): written again under the same keys, which writes nothing and shows where each stands.
  await logAllAndAnswer(services, link, t, draft, place, respond, tz);
}

function cancel(services: SlackServices) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const draftId = draftIdSchema.safeParse((args.action as { value?: string }).value);
    const link = draftId.success ? await services.linking.requireLink(tenantOfInteraction(args.body), args.body.user.id).catch(() => undefined) : undefined;
    const draft = link && draftId.success ? await services.lines.get(link, draftId.data) : undefined;
    if (!draft || !link) {
      services.logger.warn({ user: args.body.user.id }, 'refused a line Cancel');
      if (link) await redraw(args, outOfDate(await textsOfLink(services, link)));
      return;
    }
    const t = await textsOfLink(services, link);
    if (await services.lines.cancel(draft.id)) return void (await redraw(args, lineCancelledMessage(t)));
    const now = await services.lines.get(link, draft.id);
    // Logged meanwhile: Log all's answer stays where it is (with its Undo).
    if (now?.state === 'cancelled') await redraw(args, closedMessage(t, now.state));
  };
}

export const lineActions = { pickTask, pickDuration, logAll, cancel };
