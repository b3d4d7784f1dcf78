import type { KnownBlock } from '@slack/types';
import type { TaskView } from '../domain/tasks.ts';
import { type DayTotal, type Proposal, waitsForRelink, type WriteOutcome } from '../domain/time-entries/model.ts';
import type { Bend } from '../domain/time-entries/placement.ts';
import type { Texts } from '../i18n/texts.ts';
import { localParts } from '../lib/zoned.ts';
import type { UserLinkRecord } from '../store/links.ts';
import type { TimeEntryRequestRecord } from '../store/outbox.ts';
import { type Message, plain, progressBar, section } from './blocks.ts';
import { ACTIONS } from './ids.ts';
import { textsOfLink } from './person.ts';
import { postedMessage, storedAnswerPlace } from './respond.ts';
import type { SlackServices } from './services.ts';
import { reasonWords } from '../errors.ts';

// What the bot answers about a time entry it wrote (or queued, or could not write): the same words whether it
// came from `/cor log`, the log form, a reminder's "Log 1h", a timer, or COR coming back later.

/** What placing the entry had to bend, in words (see domain/time-entries/placement.ts). */
export function bendText(t: Texts, bends: readonly Bend[]): string | undefined {
  if (bends.includes('overlap') || bends.includes('pushed_back')) return t.t('log.bend.overlap');
  if (bends.includes('midnight')) return t.t('log.bend.midnight');
  if (bends.includes('future')) return t.t('log.bend.future');
  if (bends.includes('day_unknown')) return t.t('log.bend.dayUnknown');
  return undefined;
}

/**
 * A one-click entry (a reminder's Log 1h, hours on the status form) that placing had to bend: not written, since a
 * button cannot ask; the person says when with /cor log.
 */
export function bentNotLoggedMessage(t: Texts, p: Proposal, tz: string): Message {
  const text = `${bendText(t, p.bends ?? []) ?? t.t('log.bent.unsure')} ${t.t('log.bent.notLogged', { taskId: String(p.task.id), date: localParts(p.start, tz).date })}`;
  return { text, blocks: [section(text)] };
}

export function minutesOf(p: { start: Date; stop: Date }): number {
  return Math.round((p.stop.getTime() - p.start.getTime()) / 60_000);
}

export function taskLine(task: { title: string; project?: string | undefined; client?: string | undefined }): string {
  const where = [task.project, task.client].filter(Boolean).map((s) => plain(s as string)).join(' · ');
  return `*${plain(task.title)}*${where ? ` (${where})` : ''}`;
}

export function whenLine(t: Texts, p: { start: Date; stop: Date }, tz: string): string {
  return `${t.day(localParts(p.start, tz).date)} · ${t.clock(p.start, tz)}–${t.clock(p.stop, tz)}`;
}

/** The answer to show for a write, with that day's total when COR can tell it. */
export async function outcomeMessage(services: SlackServices, link: UserLinkRecord, proposal: Proposal, outcome: WriteOutcome, tz: string): Promise<Message> {
  const t = await textsOfLink(services, link);
  switch (outcome.kind) {
    case 'written': {
      const total = proposal.dayTotal ?? (await services.entries.dayTotal(link, proposal.date, tz).catch(() => undefined));
      return loggedMessage(t, proposal, tz, total, services.corTaskUrl(proposal.task.id), outcome.adopted);
    }
    case 'scheduled':
      return scheduledMessage(t, proposal, tz, link, [outcome.request.id]);
    case 'queued':
      return waitsForRelink(outcome.request) ? waitingForLinkMessage(t, proposal, tz) : queuedMessage(t, proposal, tz);
    case 'duplicate':
      // A repeat while it still waits out its undo window: the same answer, with its Undo.
      if (isWaiting(outcome)) return scheduledMessage(t, proposal, tz, link, [outcome.request.id]);
      return duplicateMessage(t, outcome.request.state);
    case 'failed':
      return failedMessage(t, outcome.request, tz, outcome.reason, outcome.relink);
    case 'abandoned':
      return abandonedMessage(t, outcome.request, tz);
  }
}

/** The person unlinked while the entry was on its way: what COR has of it, as far as anyone can tell. */
export function abandonedMessage(t: Texts, r: TimeEntryRequestRecord, tz: string | null): Message {
  const what = { duration: t.minutes(minutesOf(r)), taskId: String(r.taskId), when: `${whenLine(t, r, tz ?? 'UTC')}${tz ? '' : ' UTC'}` };
  const text = r.state === 'unknown' ? t.t('log.abandoned.unknown', what) : t.t('log.abandoned.notWritten', what);
  return { text, blocks: [section(`✗ ${text}`)] };
}

export function loggedMessage(t: Texts, p: { task: TaskView; start: Date; stop: Date; note: string | undefined }, tz: string, total: DayTotal | undefined, taskUrl: string | undefined, adopted = false): Message {
  const duration = t.minutes(minutesOf(p));
  const lines = [t.t('log.logged.head', { duration, task: taskLine(p.task) }), whenLine(t, p, tz)];
  // A day with no target (a day off, a leave) shows what was logged, not "of 0h".
  if (total) lines.push(total.target > 0 ? `${t.t('log.logged.dayOf', { logged: t.hours(total.logged), target: t.hours(total.target) })}  ${progressBar(total.logged, total.target)}` : t.t('log.logged.day', { logged: t.hours(total.logged) }));
  const blocks: KnownBlock[] = [section(lines.join('\n'))];
  if (p.note) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: t.t('log.logged.note', { note: plain(p.note) }) }] });
  if (adopted) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: t.t('log.logged.adopted') }] });
  if (taskUrl) blocks.push({ type: 'actions', elements: [{ type: 'button', action_id: ACTIONS.openInCor, text: { type: 'plain_text', text: t.t('log.button.openInCor') }, url: taskUrl }] });
  return { text: t.t('log.logged.text', { duration, title: plain(p.task.title) }), blocks };
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
export function undoButton(t: Texts, owner: Pick<UserLinkRecord, 'tenantKey' | 'slackUserId'>, requestIds: string[]): KnownBlock {
  return {
    type: 'actions',
    elements: [{ type: 'button', action_id: ACTIONS.undoEntries, text: { type: 'plain_text', text: t.t('log.button.undo') }, value: JSON.stringify({ t: owner.tenantKey, u: owner.slackUserId, r: requestIds }) }],
  };
}

/** "Logging …" while the entry waits out its undo window; it turns into "✓ Logged" when written. */
export function scheduledMessage(t: Texts, p: { task: TaskView; start: Date; stop: Date; note: string | undefined }, tz: string, owner: Pick<UserLinkRecord, 'tenantKey' | 'slackUserId'>, requestIds: string[]): Message {
  const duration = t.minutes(minutesOf(p));
  const text = `${t.t('log.scheduled.head', { duration, task: taskLine(p.task) })}\n${whenLine(t, p, tz)}`;
  return { text: t.t('log.scheduled.text', { duration, title: plain(p.task.title) }), blocks: [section(text), undoButton(t, owner, requestIds)] };
}

function queuedMessage(t: Texts, p: { task: TaskView; start: Date; stop: Date }, tz: string): Message {
  const text = t.t('log.queued', { duration: t.minutes(minutesOf(p)), task: taskLine(p.task), when: whenLine(t, p, tz) });
  return { text, blocks: [section(`⏳ ${text}`)] };
}

/** COR refused the person's access for good: the entry waits for them to link again (a DM with the button is on its way). */
export function waitingForLinkMessage(t: Texts, p: { task: TaskView; start: Date; stop: Date }, tz: string): Message {
  const text = t.t('log.waitingForLink', { duration: t.minutes(minutesOf(p)), task: taskLine(p.task), when: whenLine(t, p, tz) });
  return { text, blocks: [section(`⏳ ${text}`)] };
}

function duplicateMessage(t: Texts, state: string): Message {
  const text =
    state === 'written'
      ? t.t('log.duplicate.written')
      : state === 'pending'
        ? t.t('log.duplicate.pending')
        : state === 'cancelled'
          ? t.t('log.duplicate.cancelled')
          : t.t('log.duplicate.failed');
  return { text, blocks: [section(text)] };
}

function relogLine(t: Texts, p: { taskId: number; start: Date; stop: Date }, tz: string): string {
  return `/cor log ${t.clock(p.start, tz)}-${t.clock(p.stop, tz)} #${p.taskId} ${localParts(p.start, tz).date}`;
}

export function failedMessage(t: Texts, p: { taskId: number; start: Date; stop: Date }, tz: string, reason: string, relink: boolean): Message {
  const line = relogLine(t, p, tz);
  const text = relink ? t.t('log.failed.relink', { line }) : t.t('log.failed.refused', { reason: plain(reasonWords(reason, t)), line });
  return { text, blocks: [section(`✗ ${text}`)] };
}

export function taskNotFoundMessage(t: Texts, taskId: number): Message {
  const text = t.t('log.taskNotFound', { taskId: String(taskId) });
  return { text, blocks: [section(text)] };
}
