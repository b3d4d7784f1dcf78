import type { KnownBlock, PlainTextOption } from '@slack/types';
import { isComplete, type LineDay, type LineRow } from '../../domain/time-entries/lines.ts';
import { waitsForRelink, type WriteOutcome } from '../../domain/time-entries/model.ts';
import type { Texts } from '../../i18n/texts.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import type { TimeEntryRequestRecord } from '../../store/outbox.ts';
import { type Message, plain, section } from '../blocks.ts';
import { minutesOf, taskLine, undoButton, whenLine } from '../entry-answers.ts';
import { ACTIONS } from '../ids.ts';
import { taskOption } from './form-blocks.ts';
import { reasonWords } from '../../errors.ts';

/** Durations a row can be set to from the card: every quarter hour up to 10h. */
const DURATION_CHOICES = Array.from({ length: 40 }, (_, i) => (i + 1) * 15);

function spanOf(row: LineRow): { start: Date; stop: Date } {
  return { start: new Date(row.start), stop: new Date(row.stop) };
}

function minutesOfRow(row: LineRow): number {
  return minutesOf(spanOf(row));
}

function spanText(t: Texts, row: LineRow, tz: string): string {
  return whenLine(t, spanOf(row), tz);
}

/** What is unsure about a row, said beside it. */
function doubts(t: Texts, row: LineRow): string {
  const said = [row.guesses.includes('task') ? t.t('log.line.doubt.task') : '', row.guesses.includes('date') ? t.t('log.line.doubt.day') : '', row.guesses.includes('span') ? t.t('log.line.doubt.span') : ''].filter(Boolean);
  return said.length > 0 ? ` ❓ _${said.join(', ')}_` : '';
}

function rowLine(t: Texts, row: LineRow, i: number, tz: string): string {
  const at = { n: i + 1, duration: t.minutes(minutesOfRow(row)), when: spanText(t, row, tz) };
  if (!row.task) {
    const words = plain(row.taskProblem?.words ?? '');
    const why =
      row.taskProblem?.kind === 'choose'
        ? t.t('log.line.why.choose', { words })
        : row.taskProblem?.kind === 'task_not_found'
          ? t.t('log.line.why.notFound', { words })
          : words
            ? t.t('log.line.why.noMatch', { words })
            : t.t('log.line.why.none');
    return t.t('log.line.rowNoTask', { ...at, why });
  }
  return `${t.t('log.line.row', { ...at, task: taskLine(row.task) })}${doubts(t, row)}`;
}

/** Each day the line touches: what it comes to with these entries, against the day's target. */
function dayLines(t: Texts, rows: LineRow[], days: LineDay[], counted: (row: LineRow, i: number) => boolean): string {
  return days
    .map((d) => {
      const added = rows.reduce((sum, r, i) => (r.date === d.date && counted(r, i) ? sum + minutesOfRow(r) / 60 : sum), 0);
      const day = t.day(d.date);
      const target = t.hours(d.target);
      if (d.logged === undefined) return d.target > 0 ? t.t('log.line.dayFromMessageOf', { day, hours: t.hours(added), target }) : t.t('log.line.dayFromMessage', { day, hours: t.hours(added) });
      return d.target > 0 ? t.t('log.line.dayOf', { day, hours: t.hours(d.logged + added), target }) : t.t('log.line.day', { day, hours: t.hours(d.logged + added) });
    })
    .join(' · ');
}

function durationOption(t: Texts, minutes: number): PlainTextOption {
  return { text: { type: 'plain_text', text: t.minutes(minutes) }, value: String(minutes) };
}

/** The row's pickers: its task (from the tasks that fit, or type-ahead over their open tasks) and its duration. */
function rowControls(t: Texts, draftId: string, row: LineRow, i: number): KnownBlock {
  const blockId = `${draftId}:${i}`;
  const current = row.task ? taskOption({ id: row.task.id, title: row.task.title, project: row.task.project }) : undefined;
  const label = row.task ? t.t('log.button.changeTask') : t.t('log.line.pickTask');
  // The tasks that fit, when several did; and always a search over all their open tasks.
  const matches = row.options.length > 0 ? [{ type: 'static_select' as const, action_id: ACTIONS.lineTask, placeholder: { type: 'plain_text' as const, text: label }, options: row.options.map((t) => taskOption({ id: t.id, title: t.title, project: t.project })) }] : [];
  const search = {
    type: 'external_select' as const,
    action_id: ACTIONS.lineTaskSearch,
    min_query_length: 0,
    placeholder: { type: 'plain_text' as const, text: matches.length > 0 ? t.t('log.line.searchAll') : label },
    ...(current ? { initial_option: current } : {}),
  };
  const minutes = minutesOfRow(row);
  return {
    type: 'actions',
    block_id: blockId,
    elements: [
      ...matches,
      search,
      {
        type: 'static_select',
        action_id: ACTIONS.lineDuration,
        placeholder: { type: 'plain_text', text: t.t('log.line.duration') },
        options: DURATION_CHOICES.map((m) => durationOption(t, m)),
        ...(DURATION_CHOICES.includes(minutes) ? { initial_option: durationOption(t, minutes) } : {}),
      },
    ],
  };
}

/**
 * The card of several entries: every row (task with project · client, span in the person's zone, day), what was
 * guessed marked, each day's total against the target, pickers to fix a row, Log all (once every row has a
 * task) and Cancel.
 */
export function lineCard(t: Texts, draftId: string, rows: LineRow[], days: LineDay[], tz: string, note?: string): Message {
  const complete = isComplete(rows);
  const count = rows.length;
  const lead = !complete ? t.t('log.line.pickFirst', { count }) : rows.some((r) => r.guesses.length > 0) ? t.t('log.line.askGuessed', { count }) : t.t('log.line.ask', { count });
  const blocks: KnownBlock[] = [section(note ? `${note}\n${lead}` : lead)];
  rows.forEach((row, i) => {
    blocks.push(section(rowLine(t, row, i, tz)));
    blocks.push(rowControls(t, draftId, row, i));
  });
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: dayLines(t, rows, days, () => true) }] });
  blocks.push({
    type: 'actions',
    elements: [
      ...(complete ? [{ type: 'button' as const, action_id: ACTIONS.lineLogAll, text: { type: 'plain_text' as const, text: t.t('log.line.logAll', { count }) }, style: 'primary' as const, value: draftId }] : []),
      { type: 'button', action_id: ACTIONS.lineCancel, text: { type: 'plain_text', text: t.t('log.button.cancel') }, value: draftId },
    ],
  });
  const text = [lead, ...rows.map((r, i) => rowLine(t, r, i, tz))].join('\n');
  return { text, blocks };
}

/** Where one row of a line stands: from the answer of its write, or from its request in the outbox. */
export type RowState =
  | { kind: 'logged' }
  /** waiting out its undo window */
  | { kind: 'logging'; requestId: string }
  /** its first attempt is under way */
  | { kind: 'writing' }
  | { kind: 'queued' }
  /** waits for the person to link again (COR refused their access for good) */
  | { kind: 'relink' }
  | { kind: 'failed'; reason: string }
  | { kind: 'undone' }
  | { kind: 'unknown' };

export function rowStateOfRequest(r: TimeEntryRequestRecord): RowState {
  switch (r.state) {
    case 'written':
      return { kind: 'logged' };
    case 'pending':
      // No attempt yet (a claim counts one): still in its undo window; one with no error yet is being written.
      if (r.attempts === 0) return { kind: 'logging', requestId: r.id };
      return r.lastError === null ? { kind: 'writing' } : waitsForRelink(r) ? { kind: 'relink' } : { kind: 'queued' };
    case 'failed':
      return { kind: 'failed', reason: r.lastError ?? 'refused' };
    case 'cancelled':
      return { kind: 'undone' };
    case 'unknown':
      return { kind: 'unknown' };
  }
}

export function rowStateOf(outcome: WriteOutcome): RowState {
  switch (outcome.kind) {
    case 'written':
      return { kind: 'logged' };
    case 'scheduled':
      return { kind: 'logging', requestId: outcome.request.id };
    case 'queued':
      return waitsForRelink(outcome.request) ? { kind: 'relink' } : { kind: 'queued' };
    case 'failed':
      return { kind: 'failed', reason: outcome.reason };
    case 'duplicate':
    case 'abandoned':
      return rowStateOfRequest(outcome.request);
  }
}

function outcomeLine(t: Texts, row: LineRow, i: number, state: RowState, tz: string): string {
  const what = { n: i + 1, duration: t.minutes(minutesOfRow(row)), task: row.task ? taskLine(row.task) : t.t('log.line.itsTask'), when: spanText(t, row, tz) };
  switch (state.kind) {
    case 'logged':
      return t.t('log.line.out.logged', what);
    case 'logging':
    case 'writing':
      return t.t('log.line.out.logging', what);
    case 'queued':
      return t.t('log.line.out.queued', what);
    case 'relink':
      return t.t('log.line.out.relink', what);
    case 'failed':
      return t.t('log.line.out.failed', { ...what, reason: plain(reasonWords(state.reason, t)) });
    case 'undone':
      return t.t('log.line.out.undone', what);
    case 'unknown':
      return t.t('log.line.out.unknown', what);
  }
}

/**
 * A line being logged, or logged: each row's state (one section each: ten long rows stay under Slack's limits),
 * each day's total with what was (or is being) written, and one Undo for the rows still in their undo window.
 */
export function lineOutcomeMessage(t: Texts, rows: LineRow[], states: RowState[], days: LineDay[], tz: string, owner: Pick<UserLinkRecord, 'tenantKey' | 'slackUserId'>): Message {
  const lines = rows.map((r, i) => outcomeLine(t, r, i, states[i] ?? { kind: 'queued' }, tz));
  const counted = (_r: LineRow, i: number) => ['logged', 'logging', 'writing', 'queued', 'relink'].includes(states[i]?.kind ?? '');
  const waiting = states.flatMap((s) => (s.kind === 'logging' ? [s.requestId] : []));
  const blocks: KnownBlock[] = [...lines.map((l) => section(l)), { type: 'context', elements: [{ type: 'mrkdwn', text: dayLines(t, rows, days, counted) }] }];
  if (waiting.length > 0) blocks.push(undoButton(t, owner, waiting));
  return { text: lines.join('\n'), blocks };
}

export function lineCancelledMessage(t: Texts): Message {
  const text = t.t('log.line.cancelled');
  return { text, blocks: [section(text)] };
}
