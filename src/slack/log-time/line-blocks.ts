import type { KnownBlock, PlainTextOption } from '@slack/types';
import { isComplete, type LineDay, type LineRow } from '../../domain/time-entries/lines.ts';
import { waitsForRelink, type WriteOutcome } from '../../domain/time-entries/model.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import type { TimeEntryRequestRecord } from '../../store/outbox.ts';
import { formatDate, formatHours, formatMinutes, type Message, plain, section } from '../blocks.ts';
import { minutesOf, taskLine, undoButton, whenLine } from '../entry-answers.ts';
import { ACTIONS } from '../ids.ts';
import { taskOption } from './form-blocks.ts';

/** Durations a row can be set to from the card: every quarter hour up to 10h. */
const DURATION_CHOICES = Array.from({ length: 40 }, (_, i) => (i + 1) * 15);

function spanOf(row: LineRow): { start: Date; stop: Date } {
  return { start: new Date(row.start), stop: new Date(row.stop) };
}

function minutesOfRow(row: LineRow): number {
  return minutesOf(spanOf(row));
}

function spanText(row: LineRow, tz: string): string {
  return whenLine(spanOf(row), tz);
}

/** What is unsure about a row, said beside it. */
function doubts(row: LineRow): string {
  const said = [row.guesses.includes('task') ? 'task guessed' : '', row.guesses.includes('date') ? 'day guessed' : '', row.guesses.includes('span') ? 'check the time' : ''].filter(Boolean);
  return said.length > 0 ? ` ❓ _${said.join(', ')}_` : '';
}

function rowLine(row: LineRow, i: number, tz: string): string {
  const head = `*${i + 1}.* *${formatMinutes(minutesOfRow(row))}*`;
  if (!row.task) {
    const words = plain(row.taskProblem?.words ?? '');
    const why =
      row.taskProblem?.kind === 'choose'
        ? `which task for “${words}”?`
        : row.taskProblem?.kind === 'task_not_found'
          ? `${words} is not a task I can log on for you: pick one`
          : words
            ? `no open task of yours matches “${words}”: pick one`
            : 'on which task? Pick one';
    return `${head} · ${spanText(row, tz)} · ❓ ${why}`;
  }
  return `${head} on ${taskLine(row.task)} · ${spanText(row, tz)}${doubts(row)}`;
}

/** Each day the line touches: what it comes to with these entries, against the day's target. */
function dayLines(rows: LineRow[], days: LineDay[], counted: (row: LineRow, i: number) => boolean): string {
  return days
    .map((d) => {
      const added = rows.reduce((sum, r, i) => (r.date === d.date && counted(r, i) ? sum + minutesOfRow(r) / 60 : sum), 0);
      const total = d.logged === undefined ? `${formatHours(added)} from this message` : `${formatHours(d.logged + added)}`;
      return `${formatDate(d.date)}: ${total}${d.target > 0 ? ` of ${formatHours(d.target)}` : ''}`;
    })
    .join(' · ');
}

function durationOption(minutes: number): PlainTextOption {
  return { text: { type: 'plain_text', text: formatMinutes(minutes) }, value: String(minutes) };
}

/** The row's pickers: its task (from the tasks that fit, or type-ahead over their open tasks) and its duration. */
function rowControls(draftId: string, row: LineRow, i: number): KnownBlock {
  const blockId = `${draftId}:${i}`;
  const current = row.task ? taskOption({ id: row.task.id, title: row.task.title, project: row.task.project }) : undefined;
  const label = row.task ? 'Change task' : 'Pick a task';
  // The tasks that fit, when several did; and always a search over all their open tasks.
  const matches = row.options.length > 0 ? [{ type: 'static_select' as const, action_id: ACTIONS.lineTask, placeholder: { type: 'plain_text' as const, text: label }, options: row.options.map((t) => taskOption({ id: t.id, title: t.title, project: t.project })) }] : [];
  const search = {
    type: 'external_select' as const,
    action_id: ACTIONS.lineTaskSearch,
    min_query_length: 0,
    placeholder: { type: 'plain_text' as const, text: matches.length > 0 ? 'Search all tasks' : label },
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
        placeholder: { type: 'plain_text', text: 'Duration' },
        options: DURATION_CHOICES.map(durationOption),
        ...(DURATION_CHOICES.includes(minutes) ? { initial_option: durationOption(minutes) } : {}),
      },
    ],
  };
}

/**
 * The card of several entries: every row (task with project · client, span in the person's zone, day), what was
 * guessed marked, each day's total against the target, pickers to fix a row, Log all (once every row has a
 * task) and Cancel.
 */
export function lineCard(draftId: string, rows: LineRow[], days: LineDay[], tz: string, note?: string): Message {
  const complete = isComplete(rows);
  const lead = !complete
    ? `${rows.length} entries: pick the task of the rows marked ❓, then log them.`
    : rows.some((r) => r.guesses.length > 0)
      ? `Log these ${rows.length} entries? I guessed what is marked ❓: check it, or fix a row below.`
      : `Log these ${rows.length} entries? Fix a row below if needed.`;
  const blocks: KnownBlock[] = [section(note ? `${note}\n${lead}` : lead)];
  rows.forEach((row, i) => {
    blocks.push(section(rowLine(row, i, tz)));
    blocks.push(rowControls(draftId, row, i));
  });
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: dayLines(rows, days, () => true) }] });
  blocks.push({
    type: 'actions',
    elements: [
      ...(complete ? [{ type: 'button' as const, action_id: ACTIONS.lineLogAll, text: { type: 'plain_text' as const, text: `Log all ${rows.length}` }, style: 'primary' as const, value: draftId }] : []),
      { type: 'button', action_id: ACTIONS.lineCancel, text: { type: 'plain_text', text: 'Cancel' }, value: draftId },
    ],
  });
  const text = [lead, ...rows.map((r, i) => rowLine(r, i, tz))].join('\n');
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

function outcomeLine(row: LineRow, i: number, state: RowState, tz: string): string {
  const what = `${formatMinutes(minutesOfRow(row))} on ${row.task ? taskLine(row.task) : 'its task'} · ${spanText(row, tz)}`;
  switch (state.kind) {
    case 'logged':
      return `✓ ${i + 1}. Logged ${what}`;
    case 'logging':
    case 'writing':
      return `⏳ ${i + 1}. Logging ${what}`;
    case 'queued':
      return `⏳ ${i + 1}. Queued ${what}: COR is not answering, I will log it as soon as it does`;
    case 'relink':
      return `⏳ ${i + 1}. Waiting for you to link again: ${what} — run \`/cor link\`, and I will log it then`;
    case 'failed':
      return `⚠️ ${i + 1}. Not logged: ${what} — ${plain(state.reason)}`;
    case 'undone':
      return `↩︎ ${i + 1}. Undone: ${what}`;
    case 'unknown':
      return `⚠️ ${i + 1}. Maybe in COR (its answer was lost): ${what} — look in COR`;
  }
}

/**
 * A line being logged, or logged: each row's state (one section each: ten long rows stay under Slack's limits),
 * each day's total with what was (or is being) written, and one Undo for the rows still in their undo window.
 */
export function lineOutcomeMessage(rows: LineRow[], states: RowState[], days: LineDay[], tz: string, owner: Pick<UserLinkRecord, 'tenantKey' | 'slackUserId'>): Message {
  const lines = rows.map((r, i) => outcomeLine(r, i, states[i] ?? { kind: 'queued' }, tz));
  const counted = (_r: LineRow, i: number) => ['logged', 'logging', 'writing', 'queued', 'relink'].includes(states[i]?.kind ?? '');
  const waiting = states.flatMap((s) => (s.kind === 'logging' ? [s.requestId] : []));
  const blocks: KnownBlock[] = [...lines.map((l) => section(l)), { type: 'context', elements: [{ type: 'mrkdwn', text: dayLines(rows, days, counted) }] }];
  if (waiting.length > 0) blocks.push(undoButton(owner, waiting));
  return { text: lines.join('\n'), blocks };
}

export function lineCancelledMessage(): Message {
  const text = 'Cancelled; none of these entries was logged.';
  return { text, blocks: [section(text)] };
}
