import type { KnownBlock } from '@slack/types';
import type { LogParseError } from '../../domain/parse/log-command.ts';
import type { TaskView } from '../../domain/tasks.ts';
import type { DayTotal, Proposal } from '../../domain/time-entries.ts';
import { localParts } from '../../lib/zoned.ts';
import { plain } from './help.ts';
import { ACTIONS } from './ids.ts';
import type { Message } from './linking.ts';
import { formatClock, formatDate, formatHours, formatMinutes, progressBar } from './format.ts';

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function minutesOf(p: { start: Date; stop: Date }): number {
  return Math.round((p.stop.getTime() - p.start.getTime()) / 60_000);
}

function taskLine(task: TaskView): string {
  const where = [task.project, task.client].filter(Boolean).map((s) => plain(s as string)).join(' · ');
  return `*${plain(task.title)}*${where ? ` (${where})` : ''}`;
}

function whenLine(p: { start: Date; stop: Date }, tz: string): string {
  return `${formatDate(localParts(p.start, tz).date)} · ${formatClock(p.start, tz)}–${formatClock(p.stop, tz)}`;
}

export const WORKING: Message = { text: '⏳ Logging…', blocks: [section('⏳ Logging…')] };

export function parseErrorMessage(error: LogParseError): Message {
  const text = (() => {
    switch (error.code) {
      case 'empty':
        return 'What should I log? For example `/cor log 2h30 on Homepage redesign yesterday` or `/cor log 9:00-11:30 #48211`.';
      case 'no_duration':
        return 'How long? Add a duration like `2h`, `45m` or `1.5h`, or a range like `9-11:30`.';
      case 'ambiguous_number':
        return `Is \`${plain(error.value)}\` hours or minutes? Say \`${plain(error.value)}h\` or \`${plain(error.value)}m\`.`;
      case 'zero':
        return 'That is no time at all: give a duration above zero.';
      case 'negative':
        return 'Time cannot be negative: give a duration like `2h`.';
      case 'too_long':
        return `${formatMinutes(error.minutes)} is more than a day in one entry. Split it across days.`;
      case 'future':
        return `That is in the future (${formatDate(error.date)}). I only log time that has already happened.`;
      case 'range_in_future':
        return 'That range ends in the future. Log it once it has happened, or give a duration.';
      case 'since_in_future':
        return 'That start time has not come yet today.';
    }
  })();
  return { text, blocks: [section(text)] };
}

export function loggedMessage(p: { task: TaskView; start: Date; stop: Date; note: string | undefined }, tz: string, total: DayTotal | undefined, taskUrl: string | undefined, adopted = false): Message {
  const head = `✓ Logged *${formatMinutes(minutesOf(p))}* on ${taskLine(p.task)}`;
  const lines = [head, whenLine(p, tz)];
  if (total) lines.push(`That day: ${formatHours(total.logged)} of ${formatHours(total.target)}  ${progressBar(total.logged, total.target)}`);
  const blocks: KnownBlock[] = [section(lines.join('\n'))];
  if (p.note) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Note: ${plain(p.note)} (kept here; COR's hours API takes no note)` }] });
  if (adopted) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: 'COR had already saved it; nothing was written twice.' }] });
  if (taskUrl) blocks.push({ type: 'actions', elements: [{ type: 'button', action_id: ACTIONS.openInCor, text: { type: 'plain_text', text: 'Open in COR' }, url: taskUrl }] });
  return { text: `✓ Logged ${formatMinutes(minutesOf(p))} on ${plain(p.task.title)}`, blocks };
}

export function queuedMessage(p: { task: TaskView; start: Date; stop: Date }, tz: string): Message {
  const text = `COR is not answering right now, so your ${formatMinutes(minutesOf(p))} on ${taskLine(p.task)} (${whenLine(p, tz)}) is saved and will be written as soon as COR is back. I will tell you when it is done.`;
  return { text, blocks: [section(`⏳ ${text}`)] };
}

export function duplicateMessage(state: string): Message {
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

export function relogLine(p: { taskId: number; start: Date; stop: Date }, tz: string): string {
  return `/cor log ${formatClock(p.start, tz)}-${formatClock(p.stop, tz)} #${p.taskId} ${localParts(p.start, tz).date}`;
}

export function failedMessage(p: { taskId: number; start: Date; stop: Date }, tz: string, reason: string, relink: boolean): Message {
  const why = relink ? 'COR no longer accepts my access for you; run `/cor link`, then' : `COR refused the entry (${plain(reason)}). Fix it and`;
  const text = `${why} log it again with:\n\`${relogLine(p, tz)}\``;
  return { text, blocks: [section(`✗ ${text}`)] };
}

/** The value carried by the confirm/choose buttons; checked against the clicker on the way back. */
export interface PendingLog {
  /** Slack user who asked */
  u: string;
  /** tenant */
  t: string;
  /** the original request's id: the idempotency key is derived from it */
  k: string;
  /** task id (absent while choosing) */
  task?: number;
  s: string;
  e: string;
  n?: string;
  q?: string;
}

export function confirmMessage(p: Proposal, tz: string, pending: PendingLog): Message {
  const guessed = p.guesses.includes('task') && p.guesses.includes('date') ? 'the task and the day' : p.guesses.includes('task') ? 'the task' : 'the day';
  const lead = `I guessed ${guessed}. Log *${formatMinutes(minutesOf(p))}* on ${taskLine(p.task)}, ${whenLine(p, tz)}?`;
  const value = JSON.stringify(pending);
  return {
    text: lead,
    blocks: [
      section(lead),
      ...(p.note ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: `Note: ${plain(p.note)}` }] } as KnownBlock] : []),
      {
        type: 'actions',
        elements: [
          { type: 'button', action_id: ACTIONS.logConfirm, text: { type: 'plain_text', text: 'Log it' }, style: 'primary', value },
          { type: 'button', action_id: ACTIONS.logChangeTask, text: { type: 'plain_text', text: 'Change task' }, value },
          { type: 'button', action_id: ACTIONS.logCancel, text: { type: 'plain_text', text: 'Cancel' }, value },
        ],
      },
    ],
  };
}

export function chooseMessage(options: TaskView[], draft: { start: Date; stop: Date }, tz: string, pending: PendingLog, query: string | undefined): Message {
  const lead = `Which task${query ? ` for “${plain(query)}”` : ''}? ${formatMinutes(minutesOf(draft))}, ${whenLine(draft, tz)}.`;
  const blocks: KnownBlock[] = [section(lead)];
  for (const task of options.slice(0, 5)) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: taskLine(task) },
      accessory: { type: 'button', action_id: ACTIONS.logPickTask, text: { type: 'plain_text', text: 'Log here' }, value: JSON.stringify({ ...pending, task: task.id }) },
    });
  }
  blocks.push({ type: 'actions', elements: [{ type: 'button', action_id: ACTIONS.logCancel, text: { type: 'plain_text', text: 'Cancel' }, value: JSON.stringify(pending) }] });
  return { text: lead, blocks };
}

/** A button that opens the log-time form. */
export function logTimeButton(label = 'Log time'): KnownBlock {
  return { type: 'actions', elements: [{ type: 'button', action_id: ACTIONS.openLogModal, text: { type: 'plain_text', text: label } }] };
}

export function noTaskMessage(query: string | undefined): Message {
  const text = query
    ? `I could not find an open task of yours matching “${plain(query)}”. Try other words, the task's \`#id\`, paste its COR link, or pick it in the form.`
    : 'On which task? Add `on <task name>`, a `#id`, or a COR task link, or pick it in the form.';
  return { text, blocks: [section(text), logTimeButton('Open the form')] };
}

export function taskNotFoundMessage(taskId: number): Message {
  const text = `Task #${taskId} does not exist in COR, or you cannot log time on it.`;
  return { text, blocks: [section(text)] };
}

export function cancelledMessage(): Message {
  return { text: 'Cancelled; nothing was logged.', blocks: [section('Cancelled; nothing was logged.')] };
}
