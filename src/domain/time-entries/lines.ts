import { z } from 'zod';
import type { Clock } from '../../lib/clock.ts';
import type { LogDraftRepository } from '../../store/drafts.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import type { TaskView } from '../tasks.ts';
import type { Proposal, WriteOutcome } from './model.ts';

/** The task a row is on, as the card shows it. */
const rowTaskSchema = z.object({ id: z.number().int().positive(), title: z.string(), project: z.string().optional(), client: z.string().optional() });
export type RowTask = z.infer<typeof rowTaskSchema>;

const rowSchema = z.object({
  /** absent until picked: several tasks fit, none did, or the id is not theirs */
  task: rowTaskSchema.optional(),
  /** why the task is still to pick, in the person's words */
  taskProblem: z.object({ kind: z.enum(['choose', 'no_task', 'task_not_found']), words: z.string() }).optional(),
  /** up to 5 tasks that fit, to pick from */
  options: z.array(rowTaskSchema).max(5),
  start: z.iso.datetime(),
  stop: z.iso.datetime(),
  /** the person's local date */
  date: z.string(),
  note: z.string().optional(),
  guesses: z.array(z.enum(['task', 'date', 'span'])),
  /** a duration (placed after the day's entries, and moved when rows change) or an exact range */
  placed: z.boolean(),
});
export type LineRow = z.infer<typeof rowSchema>;

/** The day's hours before the line (undefined when COR could not say), and the target, for each day the line touches. */
const daySchema = z.object({ date: z.string(), logged: z.number().optional(), target: z.number() });
export type LineDay = z.infer<typeof daySchema>;

const resolutionSchema = z.object({ rows: z.array(rowSchema).min(1).max(10), days: z.array(daySchema) });
export type LineResolution = z.infer<typeof resolutionSchema>;

export function rowTask(task: TaskView): RowTask {
  return { id: task.id, title: task.title, ...(task.project ? { project: task.project } : {}), ...(task.client ? { client: task.client } : {}) };
}

/** What a draft keeps, checked; undefined when it does not parse (an older or damaged draft). */
function lineFromJson(json: string): LineResolution | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  const parsed = resolutionSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Every row has its task: the line can be logged. */
export function isComplete(rows: LineRow[]): boolean {
  return rows.every((r) => r.task !== undefined);
}

/** What the card must ask before logging: a guess or a task to pick. */
export function needsAsking(rows: LineRow[]): boolean {
  return rows.some((r) => r.task === undefined || r.guesses.length > 0);
}

const MINUTE = 60_000;

/**
 * Changes one row's duration: its stop moves, and on that day every placed row after it moves along so that
 * the line's entries still follow one another.
 */
export function withDuration(rows: LineRow[], index: number, minutes: number): LineRow[] {
  const row = rows[index];
  if (!row) return rows;
  const shift = minutes * MINUTE - (Date.parse(row.stop) - Date.parse(row.start));
  return rows.map((r, i) => {
    if (i === index) return { ...r, stop: new Date(Date.parse(r.start) + minutes * MINUTE).toISOString(), guesses: r.guesses.filter((g) => g !== 'span') };
    if (i > index && r.placed && r.date === row.date) return { ...r, start: new Date(Date.parse(r.start) + shift).toISOString(), stop: new Date(Date.parse(r.stop) + shift).toISOString() };
    return r;
  });
}

/** Puts one row on a task the person picked: no longer a guess. */
export function withTask(rows: LineRow[], index: number, task: RowTask): LineRow[] {
  return rows.map((r, i) => (i === index ? { ...r, task, taskProblem: undefined, guesses: r.guesses.filter((g) => g !== 'task') } : r));
}

/** What one row writes. */
function proposalOf(row: LineRow & { task: RowTask }): Proposal {
  const task: TaskView = { id: row.task.id, title: row.task.title, status: undefined, priority: undefined, deadline: undefined, projectId: undefined, project: row.task.project, client: row.task.client };
  return { task, start: new Date(row.start), stop: new Date(row.stop), date: row.date, note: row.note, guesses: [] };
}

/** A line as its card shows it: the draft's id and state with its rows and days. */
export interface LineDraft extends LineResolution {
  id: string;
  key: string;
  state: 'open' | 'logged' | 'cancelled';
}

interface LogLinesDeps {
  drafts: LogDraftRepository;
  /** the time-entry service's write (TimeEntryService.submit) */
  entries: { submit(link: UserLinkRecord, proposal: Proposal, idempotencyKey: string, responseUrl: string | undefined): Promise<WriteOutcome> };
  clock: Clock;
}

/** Drafts nobody logged or cancelled are dropped after this. */
const KEEP_DRAFTS_MS = 7 * 24 * 60 * 60_000;
const FORGET_EVERY_MS = 60 * 60_000;

/**
 * Lines of several entries between being read and being logged: kept as a draft (so the card's pickers and
 * buttons work on any instance, and a repeat of the request finds the same one), fixed row by row, then each
 * row written once under its own key.
 */
export class LogLines {
  readonly #d: LogLinesDeps;
  #forgotAt = Number.NEGATIVE_INFINITY;
  constructor(deps: LogLinesDeps) {
    this.#d = deps;
  }

  /** Keeps a resolved line for its card; `key` is the request's (a repeat of it gets the same draft). */
  async keep(link: UserLinkRecord, key: string, line: LineResolution): Promise<LineDraft> {
    const record = await this.#d.drafts.create({ key, tenantKey: link.tenantKey, slackUserId: link.slackUserId, rows: JSON.stringify(line) }, this.#d.clock.now());
    return { id: record.id, key: record.key, state: record.state, ...(lineFromJson(record.rows) ?? line) };
  }

  /** That person's draft, or undefined (someone else's, forgotten, or unreadable). */
  async get(link: UserLinkRecord, id: string): Promise<LineDraft | undefined> {
    const record = await this.#d.drafts.get(id);
    if (!record || record.tenantKey !== link.tenantKey || record.slackUserId !== link.slackUserId) return undefined;
    const line = lineFromJson(record.rows);
    return line ? { id: record.id, key: record.key, state: record.state, ...line } : undefined;
  }

  /** One row changed (its task or its duration) while the draft is open; undefined once it is not. */
  async change(link: UserLinkRecord, id: string, edit: (rows: LineRow[]) => LineRow[]): Promise<LineDraft | undefined> {
    const draft = await this.get(link, id);
    if (!draft || draft.state !== 'open') return draft;
    const next = { rows: edit(draft.rows), days: draft.days };
    if (!(await this.#d.drafts.updateRows(id, JSON.stringify(next)))) return this.get(link, id);
    return { ...draft, ...next };
  }

  /**
   * Writes every row, each once under its own key (a second Log all, or one finished after a crash, writes
   * nothing twice), then marks the draft logged.
   */
  async logAll(link: UserLinkRecord, draft: LineDraft, responseUrl: string | undefined): Promise<WriteOutcome[]> {
    const outcomes: WriteOutcome[] = [];
    for (const [i, row] of draft.rows.entries()) {
      if (!row.task) throw new Error('a line is logged only once every row has its task');
      outcomes.push(await this.#d.entries.submit(link, proposalOf({ ...row, task: row.task }), `${draft.key}:${i}`, responseUrl));
    }
    await this.#d.drafts.close(draft.id, 'logged');
    return outcomes;
  }

  /** Cancelled while open: true; false when it was logged or cancelled already. */
  cancel(id: string): Promise<boolean> {
    return this.#d.drafts.close(id, 'cancelled');
  }

  /** Drops old drafts, at most once an hour (called from the outbox worker's pass). */
  async forgetOld(): Promise<void> {
    const now = this.#d.clock.now().getTime();
    if (now - this.#forgotAt < FORGET_EVERY_MS) return;
    this.#forgotAt = now;
    await this.#d.drafts.forgetBefore(new Date(now - KEEP_DRAFTS_MS));
  }
}
