import { z } from 'zod';
import type { Clock } from '../../lib/clock.ts';
import type { LogDraftRepository } from '../../store/drafts.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import type { OutboxRepository, TimeEntryRequestRecord } from '../../store/outbox.ts';
import type { TaskView } from '../tasks.ts';
import type { Proposal, WriteOutcome } from './model.ts';
import { type DayBusy, type NewSpan, placeSpans } from './placement.ts';

const BENDS = ['overlap', 'pushed_back', 'midnight', 'future', 'day_unknown'] as const;
const spanSchema = z.object({ start: z.iso.datetime(), stop: z.iso.datetime() });

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
  /** what placing it bent (see placement.ts): asked, with the 'span' guess */
  bends: z.array(z.enum(BENDS)).optional(),
});
export type LineRow = z.infer<typeof rowSchema>;

/** The day's hours before the line (undefined when COR could not say), and the target, for each day the line touches. */
const daySchema = z.object({
  date: z.string(),
  logged: z.number().optional(),
  target: z.number(),
  /** where a day with no entries starts, and what the day had (absent when COR could not say): a duration changed on the card is placed again from these */
  dayStart: z.iso.datetime().optional(),
  busy: z.array(spanSchema).optional(),
});
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

/** What a draft keeps of a day for placing it again: where it starts, and what it had (when COR said). */
export function spansOfDay(day: DayBusy): Pick<LineDay, 'dayStart' | 'busy'> {
  return { dayStart: day.dayStart.toISOString(), ...(day.busy ? { busy: day.busy.map((s) => ({ start: s.start.toISOString(), stop: s.stop.toISOString() })) } : {}) };
}

/**
 * Changes one row's duration. Its day is placed again by the one placement rule (placement.ts): the day's durations
 * follow one another after what the day had and the line's ranges, ending by `now`; whatever that bends is asked.
 */
export function withDuration(line: LineResolution, index: number, minutes: number, now: Date, tz: string): LineRow[] {
  const row = line.rows[index];
  if (!row) return line.rows;
  const rows = line.rows.map((r, i) => (i === index ? { ...r, stop: new Date(Date.parse(r.start) + minutes * MINUTE).toISOString(), guesses: r.guesses.filter((g) => g !== 'span'), bends: undefined } : r));
  const day = line.days.find((d) => d.date === row.date);
  // A draft kept before days were kept with it: only the row's own length changes.
  if (!day?.dayStart) return rows;
  const ofDay = rows.flatMap((r, i) => (r.date === row.date ? [i] : []));
  const news = ofDay.map((i): NewSpan => {
    const r = rows[i] as LineRow;
    return r.placed ? { date: r.date, kind: 'duration', minutes: (Date.parse(r.stop) - Date.parse(r.start)) / MINUTE } : { date: r.date, kind: 'range', start: new Date(r.start), stop: new Date(r.stop) };
  });
  const busy = day.busy?.map((s) => ({ start: new Date(s.start), stop: new Date(s.stop) }));
  const placed = placeSpans(news, new Map([[row.date, { busy, dayStart: new Date(day.dayStart) }]]), now, tz);
  ofDay.forEach((i, k) => {
    const r = rows[i] as LineRow;
    const { bends, start, stop } = placed[k] as (typeof placed)[number];
    // A row the person just set is no longer a guess, unless placing it again bent something: that is asked anew.
    const guesses = bends.length > 0 ? [...new Set([...r.guesses, 'span' as const])] : r.guesses;
    rows[i] = { ...r, start: start.toISOString(), stop: stop.toISOString(), guesses, bends: bends.length > 0 ? bends : undefined };
  });
  return rows;
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

/** Entry i of a line is written under "<line key>:<i>"; the line key starts so. */
const LINE_KEY_PREFIX = 'line:';

/** The key of the line an entry's idempotency key belongs to, if it is one of a line's. */
export function lineKeyOf(idempotencyKey: string): string | undefined {
  return idempotencyKey.startsWith(LINE_KEY_PREFIX) ? idempotencyKey.slice(0, idempotencyKey.lastIndexOf(':')) : undefined;
}

/** A line as its card shows it: the draft's id and state with its rows and days. */
export interface LineDraft extends LineResolution {
  id: string;
  key: string;
  state: 'open' | 'logged' | 'cancelled';
}

interface LogLinesDeps {
  drafts: LogDraftRepository;
  /** the entries of a line, by the start of their keys */
  outbox: Pick<OutboxRepository, 'withKeys'>;
  /** the time-entry service's write of one flow's entries (TimeEntryService.submitAll) */
  entries: { submitAll(link: UserLinkRecord, items: { proposal: Proposal; idempotencyKey: string; answerTo: string | undefined }[]): Promise<WriteOutcome[]> };
  clock: Clock;
}

/** Log all: every row's outcome, in order; or the line was cancelled first. */
export type LogAllResult = { kind: 'logged'; draft: LineDraft; outcomes: WriteOutcome[] } | { kind: 'cancelled' };

/** Drafts nobody logged or cancelled are dropped after this. */
const KEEP_DRAFTS_MS = 7 * 24 * 60 * 60_000;

/**
 * Lines of several entries between being read and being logged: kept as a draft (so the card's pickers and
 * buttons work on any instance, and a repeat of the request finds the same one), fixed row by row, then each
 * row written once under its own key.
 */
export class LogLines {
  readonly #d: LogLinesDeps;
  constructor(deps: LogLinesDeps) {
    this.#d = deps;
  }

  /** Keeps a resolved line for its card; `requestKey` is the Slack request's (a repeat of it gets the same draft). */
  async keep(link: UserLinkRecord, requestKey: string, line: LineResolution): Promise<{ draft: LineDraft; created: boolean }> {
    const key = `${LINE_KEY_PREFIX}${link.tenantKey}:${requestKey}`;
    const { record, created } = await this.#d.drafts.create({ key, tenantKey: link.tenantKey, slackUserId: link.slackUserId, rows: JSON.stringify(line) }, this.#d.clock.now());
    return { draft: { id: record.id, key: record.key, state: record.state, ...(lineFromJson(record.rows) ?? line) }, created };
  }

  /** That person's draft, or undefined (someone else's, forgotten, or unreadable). */
  async get(link: UserLinkRecord, id: string): Promise<LineDraft | undefined> {
    const record = await this.#d.drafts.get(id);
    if (!record || record.tenantKey !== link.tenantKey || record.slackUserId !== link.slackUserId) return undefined;
    const line = lineFromJson(record.rows);
    return line ? { id: record.id, key: record.key, state: record.state, ...line } : undefined;
  }

  /** One row changed (its task or its duration) while the draft is open; undefined once it is not. */
  async change(link: UserLinkRecord, id: string, edit: (line: LineResolution) => LineRow[]): Promise<LineDraft | undefined> {
    const draft = await this.get(link, id);
    if (!draft || draft.state !== 'open') return draft;
    const next = { rows: edit(draft), days: draft.days };
    if (!(await this.#d.drafts.updateRows(id, JSON.stringify(next)))) return this.get(link, id);
    return { ...draft, ...next };
  }

  /**
   * Closes the draft as logged first (no row edit or Cancel can land after that), then writes every row as it
   * stands, each once under its own key: a second Log all, or one finished after a crash, writes nothing twice.
   */
  async logAll(link: UserLinkRecord, draft: LineDraft, answerTo: string | undefined): Promise<LogAllResult> {
    if (draft.state === 'open') await this.#d.drafts.close(draft.id, 'logged');
    const final = await this.get(link, draft.id);
    if (!final || final.state === 'cancelled') return { kind: 'cancelled' };
    const items = final.rows.map((row, i) => {
      if (!row.task) throw new Error('a line is logged only once every row has its task');
      return { proposal: proposalOf({ ...row, task: row.task }), idempotencyKey: `${final.key}:${i}`, answerTo };
    });
    // One flow: written one after another, and what follows a write (App Home, reminder DMs) told once.
    return { kind: 'logged', draft: final, outcomes: await this.#d.entries.submitAll(link, items) };
  }

  /** A line and the entries written from it so far (its requests in row order), by its key. */
  async progress(lineKey: string): Promise<{ draft: LineDraft; requests: (TimeEntryRequestRecord | undefined)[] } | undefined> {
    const record = await this.#d.drafts.getByKey(lineKey);
    const line = record ? lineFromJson(record.rows) : undefined;
    if (!record || !line) return undefined;
    const keys = line.rows.map((_r, i) => `${lineKey}:${i}`);
    const byKey = new Map((await this.#d.outbox.withKeys(keys)).map((r) => [r.idempotencyKey, r]));
    return { draft: { id: record.id, key: record.key, state: record.state, ...line }, requests: keys.map((k) => byKey.get(k)) };
  }

  /** Cancelled while open: true; false when it was logged or cancelled already. */
  cancel(id: string): Promise<boolean> {
    return this.#d.drafts.close(id, 'cancelled');
  }

  /** Drops drafts nobody finished within a week (the hourly housekeeping). */
  async forgetOld(): Promise<void> {
    await this.#d.drafts.forgetBefore(new Date(this.#d.clock.now().getTime() - KEEP_DRAFTS_MS));
  }
}
