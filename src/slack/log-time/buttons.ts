import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { matchTask } from '../../domain/task-match.ts';
import type { Proposal } from '../../domain/time-entries/model.ts';
import { AppError } from '../../errors.ts';
import { localParts } from '../../lib/zoned.ts';
import type { Message } from '../blocks.ts';
import { outcomeMessage, taskNotFoundMessage } from '../entry-answers.ts';
import { tenantOfInteraction, parseJsonText } from '../payloads.ts';
import { textsFor, textsOfLink, zoneOf } from '../person.ts';
import type { Accept, AcceptedRun, AcceptedWork } from '../accepted.ts';
import { ACCEPTED } from '../ids.ts';
import { inPlaceOf, storedAnswerPlace } from '../respond.ts';
import type { SlackServices } from '../services.ts';
import { cancelledMessage, chooseMessage, type PendingLog } from './blocks.ts';
import { idempotencyKey } from './command.ts';
import { openLogModal } from './open-form.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

const pendingSchema = z.object({
  u: z.string().min(1),
  t: z.string().min(1),
  k: z.string().min(1).max(200),
  task: z.number().int().positive().optional(),
  s: z.iso.datetime(),
  e: z.iso.datetime(),
  n: z.string().max(2000).optional(),
  q: z.string().max(500).optional(),
});

/**
 * The button's value, checked: it must parse and belong to the person clicking, in their own workspace.
 * A value naming someone else (forged or forwarded) is refused.
 */
function pendingFrom(args: ActionArgs): PendingLog {
  const action = args.action as ButtonAction;
  const parsed = pendingSchema.safeParse(parseJsonText(action.value));
  if (!parsed.success) throw new AppError('bad_request', 'button value failed validation');
  const body = args.body;
  const tenant = tenantOfInteraction(body);
  if (parsed.data.u !== body.user.id || parsed.data.t !== tenant) throw new AppError('forbidden_action', 'button belongs to someone else');
  return parsed.data;
}

/** The button's value, or undefined (logged) when it is malformed or someone else's: nothing is answered. */
function checkedPending(services: SlackServices, args: ActionArgs): PendingLog | undefined {
  try {
    return pendingFrom(args);
  } catch (err) {
    services.logger.warn({ err, user: args.body.user.id, action: (args.action as ButtonAction).action_id }, 'refused a log button');
    return undefined;
  }
}

async function respondWith(args: ActionArgs, message: Message): Promise<void> {
  await args.respond({ response_type: 'ephemeral', replace_original: true, ...message });
}

/** Log it / a task picked from the list: write the entry with the key of the original request. */
function writePending(services: SlackServices, accept: Accept<LogPending>) {
  return async (args: ActionArgs): Promise<void> => {
    const pending = checkedPending(services, args);
    const responseUrl = args.body.response_url;
    if (!pending?.task || !responseUrl) return void (await args.ack());
    await accept(services, { who: { tenantKey: pending.t, slackUserId: pending.u }, requestId: pending.k, payload: { pending, responseUrl } }, () => args.ack());
  };
}

const logPendingSchema = z.object({ pending: pendingSchema, responseUrl: z.string().url() });
type LogPending = z.infer<typeof logPendingSchema>;

/** After Log it was acknowledged (right after, or on another instance after a crash): writes and answers in place of the question. */
export const logPendingWork: AcceptedWork<LogPending> = {
  kind: ACCEPTED.logPending,
  payload: logPendingSchema,
  answer: ({ responseUrl }, acceptedAt) => inPlaceOf(responseUrl, acceptedAt),
  run: logPending,
};

async function logPending(services: SlackServices, { payload: { pending }, place, respond }: AcceptedRun<LogPending>): Promise<void> {
  if (!pending.task) return;
  const link = await services.linking.requireLink(pending.t, pending.u);
  const { tz } = await zoneOf(services, link);
  const api = services.linking.apiFor(link);
  let task;
  try {
    task = await services.tasks.task(link, api, pending.task);
  } catch {
    return void (await respond(taskNotFoundMessage(await textsOfLink(services, link), pending.task)));
  }
  const start = new Date(pending.s);
  const proposal: Proposal = { task, start, stop: new Date(pending.e), date: localParts(start, tz).date, note: pending.n, guesses: [] };
  const outcome = await services.entries.submit(link, proposal, idempotencyKey(pending), storedAnswerPlace(place));
  await respond(await outcomeMessage(services, link, proposal, outcome, tz));
}

function changeTask(services: SlackServices) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const pending = checkedPending(services, args);
    if (!pending) return;
    const link = await services.linking.requireLink(pending.t, pending.u);
    const { tz } = await zoneOf(services, link);
    const open = await services.tasks.openTasks(link, services.linking.apiFor(link));
    const matched = pending.q ? matchTask(pending.q, open, 5) : { kind: 'none' as const };
    const options = matched.kind === 'several' ? matched.options.map((o) => o.task) : matched.kind === 'clear' ? [matched.task, ...open.filter((t) => t.id !== matched.task.id)] : open;
    const choices = options.filter((t) => t.id !== pending.task).slice(0, 5);
    const { task: _current, ...rest } = pending;
    await respondWith(args, chooseMessage(await textsOfLink(services, link), choices, { start: new Date(pending.s), stop: new Date(pending.e) }, tz, rest, pending.q));
  };
}

function cancel(services: SlackServices) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const pending = checkedPending(services, args);
    if (!pending) return;
    await respondWith(args, cancelledMessage(await textsFor(services, pending.t, pending.u)));
  };
}

/** A "Log time" button anywhere: the log-time modal (with the button's task, when it names one). */
function openModal(services: SlackServices) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const body = args.body;
    const value = (args.action as ButtonAction).value;
    const taskId = value && /^\d+$/.test(value) ? Number(value) : undefined;
    // "date:YYYY-MM-DD": the form opens on that day (a reminder about yesterday).
    const date = value ? /^date:(\d{4}-\d{2}-\d{2})$/.exec(value)?.[1] : undefined;
    const tenantKey = tenantOfInteraction(body);
    await openLogModal(services, args.client, { triggerId: body.trigger_id, tenantKey, userId: body.user.id, taskId, date });
  };
}

export const logActions = { writePending, changeTask, cancel, openModal };
