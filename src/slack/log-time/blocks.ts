import type { KnownBlock } from '@slack/types';
import { type LogParseError, WORKDAY_MINUTES } from '../../domain/parse/log-command.ts';
import type { TaskView } from '../../domain/tasks.ts';
import type { Proposal } from '../../domain/time-entries/model.ts';
import type { Bend } from '../../domain/time-entries/placement.ts';
import { formatDate, formatMinutes, type Message, plain, section } from '../blocks.ts';
import { bendText, minutesOf, taskLine, whenLine } from '../entry-answers.ts';
import { ACTIONS } from '../ids.ts';

export const WORKING: Message = { text: '⏳ Logging…', blocks: [section('⏳ Logging…')] };

/** What could not be read, and how to say it; `part`: the words of the entry that failed, when the line had several. */
export function parseErrorMessage(error: LogParseError, part?: string): Message {
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
      case 'no_such_date':
        return `There is no day “${plain(error.words)}” to log on. Which day do you mean? Say \`yesterday\`, \`friday\` or \`30/11\`, for example.`;
      case 'unclear_date':
        return `Which day is “${plain(error.words)}”? Say \`yesterday\`, \`friday\`, \`3 days ago\` or \`13/11\`, for example.`;
      case 'too_many':
        return `That is ${error.count} entries; I log up to 10 at a time. Split it in two messages.`;
      case 'two_spans':
        return `I see more than one time in “${plain(error.words)}”. One entry or several? Give each entry its own time and task, like \`2h #48211, 30m #48212\`, or keep the one you mean.`;
      case 'reversed_range':
        return `“${plain(error.words)}” ends before it starts. Did you mean it the other way round? Write the start first, like \`2pm-4pm\`.`;
      case 'start_time':
        return `“${plain(error.words)}” looks like a time of day. Did it start then? Write it as a range, like \`10am-12pm\` or \`de 10 a 12\`, or leave the time out.`;
      case 'too_wordy':
        return 'That is more words than one entry has. Put a long note after `--`, like `/cor log 2h QA -- what was done`.';
    }
  })();
  // Slack escapes &, < and > in what people type: shown as typed.
  const said = part?.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const full = said ? `In “${plain(said)}”: ${text}` : text;
  return { text: full, blocks: [section(full)] };
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

/** What is doubtful about the times read, said first: a long span, times that had to be bent, or that may be read wrong. */
function spanDoubt(p: { start: Date; stop: Date; guesses: readonly string[]; bends?: readonly Bend[] | undefined }): string {
  if (!p.guesses.includes('span')) return '';
  const minutes = minutesOf(p);
  if (minutes > WORKDAY_MINUTES) return `That is ${formatMinutes(minutes)} — longer than a workday.`;
  return bendText(p.bends ?? []) ?? 'I am not sure I read the times right.';
}

export function confirmMessage(p: Proposal, tz: string, pending: PendingLog): Message {
  const guessed = p.guesses.includes('task') && p.guesses.includes('date') ? 'the task and the day' : p.guesses.includes('task') ? 'the task' : 'the day';
  const minutes = minutesOf(p);
  const why = [spanDoubt(p), p.guesses.some((g) => g !== 'span') ? `I guessed ${guessed}.` : ''].filter(Boolean).join(' ');
  const lead = `${why} Log *${formatMinutes(minutes)}* on ${taskLine(p.task)}, ${whenLine(p, tz)}?`;
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

/**
 * Which task, with the span it will log: picking one logs it, so a doubt about the times is said first
 * (the pick answers both questions, with the hours in view).
 */
export function chooseMessage(options: TaskView[], draft: { start: Date; stop: Date; guesses?: readonly string[]; bends?: readonly Bend[] | undefined }, tz: string, pending: PendingLog, query: string | undefined): Message {
  const doubt = spanDoubt({ ...draft, guesses: draft.guesses ?? [] });
  const lead = `${doubt ? `${doubt} ` : ''}Which task${query ? ` for “${plain(query)}”` : ''}? ${formatMinutes(minutesOf(draft))}, ${whenLine(draft, tz)}.`;
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
function logTimeButton(label = 'Log time'): KnownBlock {
  return { type: 'actions', elements: [{ type: 'button', action_id: ACTIONS.openLogModal, text: { type: 'plain_text', text: label } }] };
}

export function noTaskMessage(query: string | undefined): Message {
  const text = query
    ? `I could not find an open task of yours matching “${plain(query)}”. Try other words, the task's \`#id\`, paste its COR link, or pick it in the form.`
    : 'On which task? Add `on <task name>`, a `#id`, or a COR task link, or pick it in the form.';
  return { text, blocks: [section(text), logTimeButton('Open the form')] };
}

export function cancelledMessage(): Message {
  return { text: 'Cancelled; nothing was logged.', blocks: [section('Cancelled; nothing was logged.')] };
}
