import type { KnownBlock } from '@slack/types';
import type { TaskView } from '../domain/tasks.ts';
import { type DayTotal, type Proposal, waitsForRelink, type WriteOutcome } from '../domain/time-entries/model.ts';
import type { Bend } from '../domain/time-entries/placement.ts';
import { localParts } from '../lib/zoned.ts';
import type { UserLinkRecord } from '../store/links.ts';
import type { TimeEntryRequestRecord } from '../store/outbox.ts';
import { formatClock, formatDate, formatHours, formatMinutes, type Message, plain, progressBar, section } from './blocks.ts';
import { ACTIONS } from './ids.ts';
import { postedMessage, storedAnswerPlace } from './respond.ts';
import type { SlackServices } from './services.ts';

// What the bot answers about a time entry it wrote (or queued, or could not write): the same words whether it
// came from `/cor log`, the log form, a reminder's "Log 1h", a timer, or COR coming back later.

/** What placing the entry had to bend, in words (see domain/time-entries/placement.ts). */
export function bendText(bends: readonly Bend[]): string | undefined {
  if (bends.includes('overlap') || bends.includes('pushed_back')) return 'That overlaps time already logged that day.';
  if (bends.includes('midnight')) return 'That runs past midnight, into another day.';
  if (bends.includes('future')) return 'That ends later than now.';
  if (bends.includes('day_unknown')) return 'COR did not tell me what that day already has, so I could not check the times.';
  return undefined;
}

/**
 * A one-click entry (a reminder's Log 1h, hours on the status form) that placing had to bend: not written, since a
 * button cannot ask; the person says when with /cor log.
 */
export function bentNotLoggedMessage(p: Proposal, tz: string): Message {
  const text = `${bendText(p.bends ?? []) ?? 'I am not sure of those times.'} Nothing was logged: say when with \`/cor log\`, like \`/cor log 9-10 #${p.task.id} ${localParts(p.start, tz).date}\`.`;
  return { text, blocks: [section(text)] };
}

export function minutesOf(p: { start: Date; stop: Date }): number {
  return Math.round((p.stop.getTime() - p.start.getTime()) / 60_000);
}

export function taskLine(task: { title: string; project?: string | undefined; client?: string | undefined }): string {
  const where = [task.project, task.client].filter(Boolean).map((s) => plain(s as string)).join(' · ');
  return `*${plain(task.title)}*${where ? ` (${where})` : ''}`;
}

export function whenLine(p: { start: Date; stop: Date }, tz: string): string {
  return `${formatDate(localParts(p.start, tz).date)} · ${formatClock(p.start, tz)}–${formatClock(p.stop, tz)}`;
}

/** The answer to show for a write, with that day's total when COR can tell it. */
export async function outcomeMessage(services: SlackServices, link: UserLinkRecord, proposal: Proposal, outcome: WriteOutcome, tz: string): Promise<Message> {
  switch (outcome.kind) {
    case 'written': {
      const total = proposal.dayTotal ?? (await services.entries.dayTotal(link, proposal.date, tz).catch(() => undefined));
      return loggedMessage(proposal, tz, total, services.corTaskUrl(proposal.task.id), outcome.adopted);
    }
    case 'scheduled':
      return scheduledMessage(proposal, tz, link, [outcome.request.id]);
    case 'queued':
      return waitsForRelink(outcome.request) ? waitingForLinkMessage(proposal, tz) : queuedMessage(proposal, tz);
    case 'duplicate':
      // A repeat while it still waits out its undo window: the same answer, with its Undo.
      if (isWaiting(outcome)) return scheduledMessage(proposal, tz, link, [outcome.request.id]);
      return duplicateMessage(outcome.request.state);
    case 'failed':
      return failedMessage(outcome.request, tz, outcome.reason, outcome.relink);
    case 'abandoned':
      return abandonedMessage(outcome.request, tz);
  }
}

/** The person unlinked while the entry was on its way: what COR has of it, as far as anyone can tell. */
export function abandonedMessage(r: TimeEntryRequestRecord, tz: string | null): Message {
  const what = `${formatMinutes(minutesOf(r))} on task #${r.taskId} (${whenLine(r, tz ?? 'UTC')}${tz ? '' : ' UTC'})`;
  const text =
    r.state === 'unknown'
      ? `You unlinked from COR before it answered: your ${what} may or may not be in COR. Look in COR before logging it again.`
      : `You unlinked from COR before it went out: your ${what} was *not* written.`;
  return { text, blocks: [section(`✗ ${text}`)] };
}

export function loggedMessage(p: { task: TaskView; start: Date; stop: Date; note: string | undefined }, tz: string, total: DayTotal | undefined, taskUrl: string | undefined, adopted = false): Message {
  const head = `✓ Logged *${formatMinutes(minutesOf(p))}* on ${taskLine(p.task)}`;
  const lines = [head, whenLine(p, tz)];
  // A day with no target (a day off, a leave) shows what was logged, not "of 0h".
  if (total) lines.push(total.target > 0 ? `That day: ${formatHours(total.logged)} of ${formatHours(total.target)}  ${progressBar(total.logged, total.target)}` : `That day: ${formatHours(total.logged)}`);
  const blocks: KnownBlock[] = [section(lines.join('\n'))];
  if (p.note) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Note: ${plain(p.note)} (kept here; COR's hours API takes no note)` }] });
  if (adopted) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: 'COR had already saved it; nothing was written twice.' }] });
  if (taskUrl) blocks.push({ type: 'actions', elements: [{ type: 'button', action_id: ACTIONS.openInCor, text: { type: 'plain_text', text: 'Open in COR' }, url: taskUrl }] });
  return { text: `✓ Logged ${formatMinutes(minutesOf(p))} on ${plain(p.task.title)}`, blocks };
}

/** An entry still in its undo window: just scheduled, or a repeat of one that is. */
function isWaiting(o: WriteOutcome): boolean {
  return o.kind === 'scheduled' || (o.kind === 'duplicate' && o.request.state === 'pending' && o.request.attempts === 0);
}

/**
 * The answer about entries still to be written was posted as a message (a DM, a thread reply): kept on their
 * requests, so that the message itself turns into "✓ Logged" when they are written.
 */
export async function rememberAnswer(services: SlackServices, outcomes: WriteOutcome[], posted: unknown): Promise<void> {
  const at = postedMessage(posted);
  // Still to be written (in its window, or queued): its answer is updated when it is.
  const ids = outcomes.flatMap((o) => (o.kind === 'scheduled' || o.kind === 'queued' || (o.kind === 'duplicate' && o.request.state === 'pending') ? [o.request.id] : []));
  const kept = storedAnswerPlace(at);
  if (kept && ids.length > 0) await services.entries.answerIn(ids, kept);
}

/** The Undo button of entries waiting out their undo window; it names their owner, checked on the click. */
export function undoButton(owner: Pick<UserLinkRecord, 'tenantKey' | 'slackUserId'>, requestIds: string[]): KnownBlock {
  return {
    type: 'actions',
    elements: [{ type: 'button', action_id: ACTIONS.undoEntries, text: { type: 'plain_text', text: 'Undo' }, value: JSON.stringify({ t: owner.tenantKey, u: owner.slackUserId, r: requestIds }) }],
  };
}

/** "Logging …" while the entry waits out its undo window; it turns into "✓ Logged" when written. */
export function scheduledMessage(p: { task: TaskView; start: Date; stop: Date; note: string | undefined }, tz: string, owner: Pick<UserLinkRecord, 'tenantKey' | 'slackUserId'>, requestIds: string[]): Message {
  const text = `⏳ Logging *${formatMinutes(minutesOf(p))}* on ${taskLine(p.task)}\n${whenLine(p, tz)}`;
  return { text: `⏳ Logging ${formatMinutes(minutesOf(p))} on ${plain(p.task.title)}`, blocks: [section(text), undoButton(owner, requestIds)] };
}

function queuedMessage(p: { task: TaskView; start: Date; stop: Date }, tz: string): Message {
  const text = `COR is not answering right now, so your ${formatMinutes(minutesOf(p))} on ${taskLine(p.task)} (${whenLine(p, tz)}) is saved and will be written as soon as COR is back. I will tell you when it is done.`;
  return { text, blocks: [section(`⏳ ${text}`)] };
}

/** COR refused the person's access for good: the entry waits for them to link again (a DM with the button is on its way). */
export function waitingForLinkMessage(p: { task: TaskView; start: Date; stop: Date }, tz: string): Message {
  const text = `COR no longer accepts my access for you, so your ${formatMinutes(minutesOf(p))} on ${taskLine(p.task)} (${whenLine(p, tz)}) is saved and waits for you: run \`/cor link\` and it will be written as soon as you link again.`;
  return { text, blocks: [section(`⏳ ${text}`)] };
}

function duplicateMessage(state: string): Message {
  const text =
    state === 'written'
      ? 'That entry is already logged; I did not write it again.'
      : state === 'pending'
        ? 'That entry is already on its way to COR; I did not send it twice.'
        : state === 'cancelled'
          ? 'That entry was cancelled.'
          : 'That entry already failed; log it again with a new command.';
  return { text, blocks: [section(text)] };
}

function relogLine(p: { taskId: number; start: Date; stop: Date }, tz: string): string {
  return `/cor log ${formatClock(p.start, tz)}-${formatClock(p.stop, tz)} #${p.taskId} ${localParts(p.start, tz).date}`;
}

export function failedMessage(p: { taskId: number; start: Date; stop: Date }, tz: string, reason: string, relink: boolean): Message {
  const why = relink ? 'COR no longer accepts my access for you; run `/cor link`, then' : `COR refused the entry (${plain(reason)}). Fix it and`;
  const text = `${why} log it again with:\n\`${relogLine(p, tz)}\``;
  return { text, blocks: [section(`✗ ${text}`)] };
}

export function taskNotFoundMessage(taskId: number): Message {
  const text = `Task #${taskId} does not exist in COR, or you cannot log time on it.`;
  return { text, blocks: [section(text)] };
}
