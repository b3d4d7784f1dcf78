import type { KnownBlock } from '@slack/types';
import { type LogParseError, WORKDAY_MINUTES } from '../../domain/parse/log-command.ts';
import type { TaskView } from '../../domain/tasks.ts';
import type { Proposal } from '../../domain/time-entries/model.ts';
import type { Bend } from '../../domain/time-entries/placement.ts';
import type { Texts } from '../../i18n/texts.ts';
import { type Message, plain, section } from '../blocks.ts';
import { bendText, minutesOf, taskLine, whenLine } from '../entry-answers.ts';
import { ACTIONS } from '../ids.ts';

/** The first answer of `/cor log <words>`, in the ack. */
export function working(t: Texts): Message {
  return { text: t.t('log.working'), blocks: [section(t.t('log.working'))] };
}

/** What could not be read, and how to say it; `part`: the words of the entry that failed, when the line had several. */
export function parseErrorMessage(t: Texts, error: LogParseError, part?: string): Message {
  const text = (() => {
    switch (error.code) {
      case 'ambiguous_number':
        return t.t('log.parse.ambiguous_number', { value: plain(error.value) });
      case 'too_long':
        return t.t('log.parse.too_long', { duration: t.minutes(error.minutes) });
      case 'future':
        return t.t('log.parse.future', { day: t.day(error.date) });
      case 'no_such_date':
      case 'unclear_date':
      case 'two_spans':
      case 'reversed_range':
      case 'start_time':
        return t.t(`log.parse.${error.code}`, { words: plain(error.words) });
      case 'too_many':
        return t.t('log.parse.too_many', { count: error.count });
      case 'empty':
      case 'no_duration':
      case 'zero':
      case 'negative':
      case 'range_in_future':
      case 'since_in_future':
      case 'too_wordy':
        return t.t(`log.parse.${error.code}`);
    }
  })();
  // Slack escapes &, < and > in what people type: shown as typed.
  const said = part?.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const full = said ? t.t('log.parse.inPart', { part: plain(said), problem: text }) : text;
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
function spanDoubt(t: Texts, p: { start: Date; stop: Date; guesses: readonly string[]; bends?: readonly Bend[] | undefined }): string {
  if (!p.guesses.includes('span')) return '';
  const minutes = minutesOf(p);
  if (minutes > WORKDAY_MINUTES) return t.t('log.doubt.long', { duration: t.minutes(minutes) });
  return bendText(t, p.bends ?? []) ?? t.t('log.doubt.times');
}

export function confirmMessage(t: Texts, p: Proposal, tz: string, pending: PendingLog): Message {
  const guessed = p.guesses.includes('task') && p.guesses.includes('date') ? 'both' : p.guesses.includes('task') ? 'task' : 'day';
  const why = [spanDoubt(t, p), p.guesses.some((g) => g !== 'span') ? t.t('log.confirm.guessed', { what: guessed }) : ''].filter(Boolean);
  const lead = [...why, t.t('log.confirm.ask', { duration: t.minutes(minutesOf(p)), task: taskLine(p.task), when: whenLine(t, p, tz) })].join(' ');
  const value = JSON.stringify(pending);
  return {
    text: lead,
    blocks: [
      section(lead),
      ...(p.note ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: t.t('log.note', { note: plain(p.note) }) }] } as KnownBlock] : []),
      {
        type: 'actions',
        elements: [
          { type: 'button', action_id: ACTIONS.logConfirm, text: { type: 'plain_text', text: t.t('log.button.logIt') }, style: 'primary', value },
          { type: 'button', action_id: ACTIONS.logChangeTask, text: { type: 'plain_text', text: t.t('log.button.changeTask') }, value },
          { type: 'button', action_id: ACTIONS.logCancel, text: { type: 'plain_text', text: t.t('log.button.cancel') }, value },
        ],
      },
    ],
  };
}

/**
 * Which task, with the span it will log: picking one logs it, so a doubt about the times is said first
 * (the pick answers both questions, with the hours in view).
 */
export function chooseMessage(t: Texts, options: TaskView[], draft: { start: Date; stop: Date; guesses?: readonly string[]; bends?: readonly Bend[] | undefined }, tz: string, pending: PendingLog, query: string | undefined): Message {
  const doubt = spanDoubt(t, { ...draft, guesses: draft.guesses ?? [] });
  const span = { duration: t.minutes(minutesOf(draft)), when: whenLine(t, draft, tz) };
  const which = query ? t.t('log.choose.leadFor', { query: plain(query), ...span }) : t.t('log.choose.lead', span);
  const lead = doubt ? `${doubt} ${which}` : which;
  const blocks: KnownBlock[] = [section(lead)];
  for (const task of options.slice(0, 5)) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: taskLine(task) },
      accessory: { type: 'button', action_id: ACTIONS.logPickTask, text: { type: 'plain_text', text: t.t('log.button.logHere') }, value: JSON.stringify({ ...pending, task: task.id }) },
    });
  }
  blocks.push({ type: 'actions', elements: [{ type: 'button', action_id: ACTIONS.logCancel, text: { type: 'plain_text', text: t.t('log.button.cancel') }, value: JSON.stringify(pending) }] });
  return { text: lead, blocks };
}

export function noTaskMessage(t: Texts, query: string | undefined): Message {
  const text = query ? t.t('log.noTask.query', { query: plain(query) }) : t.t('log.noTask.none');
  const openForm: KnownBlock = { type: 'actions', elements: [{ type: 'button', action_id: ACTIONS.openLogModal, text: { type: 'plain_text', text: t.t('log.button.openForm') } }] };
  return { text, blocks: [section(text), openForm] };
}

export function cancelledMessage(t: Texts): Message {
  const text = t.t('log.cancelled');
  return { text, blocks: [section(text)] };
}
