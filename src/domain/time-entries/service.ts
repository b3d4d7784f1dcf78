import { LRUCache } from 'lru-cache';
import type { CorApi } from '../../cor/client.ts';
import { CorError } from '../../cor/errors.ts';
import { DEFAULT_RETRY } from '../../cor/retry.ts';
import type { CorHour, CorLeave, CorWorkingTime } from '../../cor/schemas.ts';
import { cacheOptions, PER_PERSON_MAX, PER_TENANT_MAX } from '../../lib/cache.ts';
import type { Clock } from '../../lib/clock.ts';
import { addDays, localParts, weekdayOf, zonedTimeToInstant } from '../../lib/zoned.ts';
import type { Logger } from '../../logger.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import type { Claim, OutboxRepository, TimeEntryRequestRecord } from '../../store/outbox.ts';
import type { ReminderRepository } from '../../store/reminders.ts';
import type { ParsedLog } from '../parse/log-command.ts';
import { matchTask } from '../task-match.ts';
import { DEFAULT_TZ } from '../linking.ts';
import { dailyTarget, NO_FACTS, type TargetFacts } from '../targets.ts';
import type { TaskDirectory, TaskView } from '../tasks.ts';
import { corInstant, type CorTimes, sameMinute, sameWallMinute } from './cor-times.ts';
import { type DayTotal, type EntryNotifier, hoursOf, isTransient, placeholderTask, type Proposal, type Resolution, type Summary, type WriteOutcome, type WrittenEntry } from './model.ts';
import { type LineResolution, type LineRow, lineKeyOf, rowTask, spansOfDay } from './lines.ts';
import { type Bend, type DayBusy, type NewSpan, placeSpans } from './placement.ts';
import { summarize } from './summary.ts';

export interface TimeEntryDeps {
  outbox: OutboxRepository;
  /** a person's own target and workdays (`/cor remind target`, `days`): part of the one target rule */
  settings: Pick<ReminderRepository, 'getSetting'>;
  tasks: TaskDirectory;
  apiFor: (link: UserLinkRecord) => CorApi;
  findLink: (linkId: string) => Promise<UserLinkRecord | undefined>;
  notifier: EntryNotifier;
  /** how each workspace's COR writes its times: learned from the answers to writes, used by every read */
  times: CorTimes;
  clock: Clock;
  logger: Logger;
  /** waits between outbox attempts; the last one failing ends the request */
  retrySchedule?: number[];
  /** how long a claim lasts (see attemptLeaseMs); 5 minutes unless said */
  leaseMs?: number;
  /**
   * told once a flow has written its entries (one entry, a line's Log all, a stopped timer's days, an outbox pass),
   * with each written entry's start: reminder DMs about those days and App Home redraw once, not once per entry
   */
  afterWrite?: (link: UserLinkRecord, starts: Date[]) => void;
  /** how long each entry waits in the outbox before it is written, for the person to undo it; 0: written at once */
  undoMs?: number;
}

interface DayFacts extends DayBusy {
  /** COR's entries of the day, read with the workspace's reading; undefined when COR could not say */
  entries: CorHour[] | undefined;
}

/** A person's entries (read with the workspace's reading) that start on their local `date` (COR files them by its own date: a day either side is read). */
function entriesOn(hours: CorHour[], date: string, tz: string): CorHour[] {
  const from = zonedTimeToInstant(date, 0, 0, tz).getTime();
  const to = zonedTimeToInstant(addDays(date, 1), 0, 0, tz).getTime();
  return hours.filter((h) => {
    const at = corInstant(h.start).getTime();
    return at >= from && at < to;
  });
}

/** What the words left to ask: a bare weekday, and what the parser was unsure of (a workday-long span, a likely day). */
function guessesOf(parsed: ParsedLog): ('date' | 'span')[] {
  return [...new Set([...(parsed.dateSource === 'weekday' ? (['date'] as const) : []), ...(parsed.doubts ?? [])])];
}

/** A parsed entry as the placement rule takes it. */
function newSpanOf(parsed: ParsedLog): NewSpan {
  return parsed.span.kind === 'duration' ? { date: parsed.date, kind: 'duration', minutes: parsed.span.minutes } : { date: parsed.date, kind: 'range', start: parsed.span.start, stop: parsed.span.stop };
}

/** What to confirm: the words' guesses, and the times when placing them bent anything. */
function guessesWith(parsed: ParsedLog, bends: Bend[]): ('date' | 'span')[] {
  return [...new Set([...guessesOf(parsed), ...(bends.length > 0 ? (['span'] as const) : [])])];
}

/** Queued entries retried at once in one outbox pass: a backlog after an outage clears several times faster. */
const DRAIN_CONCURRENCY = 4;

/** Waits between the outbox's attempts: with the first one, 10 attempts over about an hour. */
const DEFAULT_RETRY_SCHEDULE = [5_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000];
/**
 * How long a claimed request stays its holder's: longer than the longest attempt, so that no one else can take it
 * over (and write it a second time) while the holder is still at it; a crash lets another instance take it after.
 * The longest attempt: a look-first GET with every retry (each up to the COR timeout, waits up to the largest
 * Retry-After), then the POST, twice over for margin; at least 5 minutes.
 */
export function attemptLeaseMs(corTimeoutMs: number): number {
  const { maxAttempts, maxRetryAfterMs } = DEFAULT_RETRY;
  return Math.max(5 * 60_000, 2 * ((maxAttempts + 1) * corTimeoutMs + (maxAttempts - 1) * maxRetryAfterMs));
}
const DEFAULT_DAY_START = { hour: 9, minute: 0 };
const PROFILE_TTL_MS = 10 * 60_000;

/** Logging time: resolve task and span, write through the outbox once, retry what COR could not take. */
export class TimeEntryService {
  readonly #d: TimeEntryDeps;
  readonly #schedule: number[];
  readonly #leaseMs: number;
  /** Slow-changing COR facts, reused for a while: a person's daily hours and leaves (by link), a company's working times (by tenant). */
  readonly #profiles: LRUCache<string, { dailyHours: number | null | undefined; leaves: CorLeave[] }, CorApi>;
  readonly #workingTimes: LRUCache<string, Map<number, CorWorkingTime[]>, CorApi>;

  constructor(deps: TimeEntryDeps) {
    this.#d = deps;
    this.#profiles = new LRUCache({
      ...cacheOptions(deps.clock, PER_PERSON_MAX, PROFILE_TTL_MS),
      fetchMethod: async (_linkId, _stale, { context: api }) => {
        const me = await api.me();
        return { dailyHours: me.daily_hours, leaves: me.leaves ?? [] };
      },
    });
    this.#workingTimes = new LRUCache({ ...cacheOptions(deps.clock, PER_TENANT_MAX, PROFILE_TTL_MS), fetchMethod: (_tenantKey, _stale, { context: api }) => api.workingTimes() });
    this.#schedule = deps.retrySchedule ?? DEFAULT_RETRY_SCHEDULE;
    this.#leaseMs = deps.leaseMs ?? 5 * 60_000;
  }

  /** Entries of the person's local `date` (COR is asked for a day either side: it files by its own date). */
  async dayEntries(link: UserLinkRecord, api: CorApi, date: string, tz: string): Promise<CorHour[]> {
    return entriesOn(this.#read(link, await api.allHours({ users: [link.corUserId], dateStart: addDays(date, -1), dateDeadline: addDays(date, 1) }), tz), date, tz);
  }

  /** COR's entries of this person, their times read the way their workspace's COR writes them. */
  #read(link: UserLinkRecord, hours: CorHour[], tz: string): CorHour[] {
    return this.#d.times.read(hours, link.tenantKey, tz);
  }

  /** The COR working-time start for that weekday, else 09:00, in the person's zone. */
  async #workdayStart(link: UserLinkRecord, api: CorApi, date: string, tz: string): Promise<Date> {
    let dayStart = DEFAULT_DAY_START;
    try {
      const all = await this.#workingTimes.forceFetch(link.tenantKey, { context: api });
      const corWeekday = (weekdayOf(date) % 7) + 1; // COR: 1 = Sunday … 7 = Saturday
      const today = (all.get(link.corUserId) ?? []).find((d) => d.day_of_week === corWeekday);
      const m = today?.start_at ? /^(\d{1,2}):(\d{2})/.exec(today.start_at) : null;
      if (m) dayStart = { hour: Number(m[1]), minute: Number(m[2]) };
    } catch (err) {
      this.#d.logger.debug({ err }, 'working time unavailable; using 09:00');
    }
    return zonedTimeToInstant(date, dayStart.hour, dayStart.minute, tz);
  }

  async #lookup(
    link: UserLinkRecord,
    api: CorApi,
    parsed: ParsedLog,
    preferred: { projectId: number; name: string } | undefined,
    open?: TaskView[],
  ): Promise<{ task: TaskView; guessed: boolean } | { options: TaskView[]; query: string } | Resolution> {
    if (parsed.task?.kind === 'id') {
      const id = parsed.task.id;
      // Among their open tasks already read (a line of several entries): no read of its own.
      const known = open?.find((t) => t.id === id);
      if (known) return { task: known, guessed: false };
      try {
        return { task: await this.#d.tasks.task(link, api, parsed.task.id), guessed: false };
      } catch (err) {
        if (err instanceof CorError && (err.code === 'not_found' || err.code === 'forbidden')) return { kind: 'task_not_found', taskId: parsed.task.id };
        // COR is down but the task is named exactly: queue the entry rather than lose it.
        if (!isTransient(err)) throw err;
        return { task: placeholderTask(parsed.task.id), guessed: false };
      }
    }
    if (preferred) {
      // In a channel that is a COR project, that project's tasks come first.
      const inProject = (await this.#d.tasks.openTasks(link, api)).filter((t) => t.projectId === preferred.projectId);
      if (parsed.task?.kind === 'query') {
        const match = matchTask(parsed.task.text, inProject);
        if (match.kind === 'clear') return { task: match.task, guessed: !match.exact };
      } else if (inProject.length === 1 && inProject[0]) return { task: inProject[0], guessed: true };
      else if (inProject.length > 1) return { options: inProject.slice(0, 5), query: preferred.name };
    }
    if (parsed.task?.kind !== 'query') return { kind: 'no_task', query: undefined };
    const match = matchTask(parsed.task.text, await this.#d.tasks.openTasks(link, api));
    if (match.kind === 'none') return { kind: 'no_task', query: parsed.task.text };
    if (match.kind === 'several') return { options: match.options.map((o) => o.task), query: parsed.task.text };
    return { task: match.task, guessed: !match.exact };
  }

  /**
   * Turns a parsed line into something to write, or into the question to ask. The task, the day's entries,
   * the workday start and the daily target are read from COR at the same time (one wait, not four).
   */
  async resolve(link: UserLinkRecord, parsed: ParsedLog, tz: string, preferred?: { projectId: number; name: string }): Promise<Resolution> {
    const api = this.#d.apiFor(link);
    const [found, days, facts] = await Promise.all([this.#lookup(link, api, parsed, preferred), this.#days(link, api, [parsed.date], tz, parsed.span.kind === 'duration'), this.#targetFacts(link, api)]);
    const target = dailyTarget(parsed.date, tz, facts).hours;
    if ('kind' in found) return found;
    // The one placement rule, as for a line: whatever it bent (over the day's entries, past midnight...) is asked.
    const [placed] = placeSpans([newSpanOf(parsed)], days, this.#d.clock.now(), tz);
    const { bends, ...span } = placed as NonNullable<typeof placed>;
    const minutes = Math.round((span.stop.getTime() - span.start.getTime()) / 60_000);
    const entries = days.get(parsed.date)?.entries;
    const draft = {
      ...span,
      minutes,
      date: parsed.date,
      note: parsed.note,
      guesses: guessesWith(parsed, bends),
      bends,
      ...(entries === undefined ? {} : { dayTotal: { logged: hoursOf(entries) + minutes / 60, target } }),
    };
    if ('options' in found) return { kind: 'choose', options: found.options, query: found.query, draft };
    const proposal: Proposal = { task: found.task, ...draft, guesses: found.guessed ? ['task', ...draft.guesses] : draft.guesses };
    return proposal.guesses.length > 0 ? { kind: 'confirm', proposal } : { kind: 'ready', proposal };
  }

  /**
   * Several entries read from one line, resolved together: the person's open tasks, each day's entries and the
   * target are read once for the whole line (ten entries cost COR what one does), and durations are placed one
   * after another after the day's last entry. Rows whose task is unclear keep the tasks that fit, to pick from.
   */
  async resolveLine(link: UserLinkRecord, lines: ParsedLog[], tz: string, preferred?: { projectId: number; name: string }): Promise<LineResolution> {
    const api = this.#d.apiFor(link);
    const dates = [...new Set(lines.map((l) => l.date))].sort();
    const openRead = this.#d.tasks.openTasks(link, api).then(
      (tasks) => ({ tasks }),
      (err: unknown) => ({ err }),
    );
    const [open, days, facts] = await Promise.all([openRead, this.#days(link, api, dates, tz), this.#targetFacts(link, api)]);
    // Without their open tasks, words cannot be matched: said once for the line, not tried again per entry.
    if ('err' in open && (!isTransient(open.err) || preferred || lines.some((l) => l.task?.kind === 'query'))) throw open.err;
    const known = 'tasks' in open ? open.tasks : undefined;
    const found = await Promise.all(lines.map((parsed) => this.#lookup(link, api, parsed, preferred, known)));
    // The one placement rule, as for one entry: whatever it bent is asked on the row.
    const spans = placeSpans(lines.map(newSpanOf), days, this.#d.clock.now(), tz);
    const rows = lines.map((parsed, i): LineRow => {
      const f = found[i] as (typeof found)[number];
      const { bends, ...span } = spans[i] as (typeof spans)[number];
      const placed = parsed.span.kind === 'duration';
      const guesses = guessesWith(parsed, bends);
      const base = { start: span.start.toISOString(), stop: span.stop.toISOString(), date: parsed.date, ...(parsed.note ? { note: parsed.note } : {}), placed, ...(bends.length > 0 ? { bends } : {}) };
      if ('task' in f) return { ...base, task: rowTask(f.task), options: [], guesses: f.guessed ? ['task', ...guesses] : guesses };
      if ('options' in f) return { ...base, taskProblem: { kind: 'choose', words: f.query }, options: f.options.slice(0, 5).map(rowTask), guesses };
      if (f.kind === 'task_not_found') return { ...base, taskProblem: { kind: 'task_not_found', words: `#${f.taskId}` }, options: [], guesses };
      return { ...base, taskProblem: { kind: 'no_task', words: f.kind === 'no_task' ? (f.query ?? '') : '' }, options: [], guesses };
    });
    return {
      rows,
      days: dates.map((date) => {
        const day = days.get(date);
        // What the day has, kept with the draft: a duration changed on the card is placed again by the same rule.
        return { date, ...(day?.entries === undefined ? {} : { logged: hoursOf(day.entries) }), target: dailyTarget(date, tz, facts).hours, ...(day ? spansOfDay(day) : {}) };
      }),
    };
  }

  /**
   * The days of a line, read together: COR's entries in one request for the whole span (split per local day),
   * what is still on its way there, and each day's workday start.
   */
  async #days(link: UserLinkRecord, api: CorApi, dates: string[], tz: string, needsPending = true): Promise<Map<string, DayFacts>> {
    const first = dates[0] as string;
    const last = dates[dates.length - 1] as string;
    const [hours, pending, starts] = await Promise.all([
      api.allHours({ users: [link.corUserId], dateStart: addDays(first, -1), dateDeadline: addDays(last, 1) }).catch((err: unknown) => {
        if (isTransient(err)) return undefined;
        throw err;
      }),
      // Only a duration is placed after what waits in the outbox: a range alone needs no read of it.
      Promise.all(dates.map((date) => (needsPending ? this.#d.outbox.pendingBetween(link.id, zonedTimeToInstant(date, 0, 0, tz), zonedTimeToInstant(addDays(date, 1), 0, 0, tz)) : []))),
      Promise.all(dates.map((date) => this.#workdayStart(link, api, date, tz))),
    ]);
    const read = hours && this.#read(link, hours, tz);
    return new Map(
      dates.map((date, i) => {
        const entries = read && entriesOn(read, date, tz);
        // What the day has: COR's finished entries and what waits in the outbox for it.
        const busy = entries && [...entries.flatMap((h) => (h.stop ? [{ start: corInstant(h.start), stop: corInstant(h.stop) }] : [])), ...(pending[i] ?? [])];
        return [date, { entries, busy, dayStart: starts[i] as Date }];
      }),
    );
  }

  /** What the one target rule (see targets.ts) needs: their own settings and COR's facts; COR trouble leaves the defaults. */
  async #targetFacts(link: UserLinkRecord, api: CorApi): Promise<TargetFacts> {
    const [own, profile, workingTimes] = await Promise.all([
      this.#d.settings.getSetting(link.id),
      this.#profiles.forceFetch(link.id, { context: api }).catch(() => undefined),
      this.#workingTimes.forceFetch(link.tenantKey, { context: api }).catch(() => undefined),
    ]);
    return {
      ...NO_FACTS,
      ownHours: own.targetHours,
      ownWeekdays: own.weekdays,
      workingDays: workingTimes?.get(link.corUserId) ?? [],
      dailyHours: profile?.dailyHours,
      leaves: profile?.leaves ?? [],
    };
  }

  /**
   * Records the request under its idempotency key. With an undo window it waits there (the outbox worker writes
   * it when the window ends, on whichever instance, after a restart too); without one it is written at once.
   */
  async submit(link: UserLinkRecord, proposal: Proposal, idempotencyKey: string, answerTo: string | undefined): Promise<WriteOutcome> {
    const outcome = await this.#submit(link, proposal, idempotencyKey, answerTo);
    this.#told(link, [outcome]);
    return outcome;
  }

  /**
   * The entries of one flow (a line's Log all, a stopped timer's days), each submitted in turn as `submit` does;
   * `afterWrite` is told once, after the last.
   */
  async submitAll(link: UserLinkRecord, items: { proposal: Proposal; idempotencyKey: string; answerTo: string | undefined }[]): Promise<WriteOutcome[]> {
    const outcomes: WriteOutcome[] = [];
    try {
      for (const item of items) outcomes.push(await this.#submit(link, item.proposal, item.idempotencyKey, item.answerTo));
    } finally {
      this.#told(link, outcomes);
    }
    return outcomes;
  }

  /** `afterWrite`, once for what a flow wrote (nothing written: not told). */
  #told(link: UserLinkRecord, outcomes: WriteOutcome[]): void {
    const starts = outcomes.flatMap((o) => (o.kind === 'written' ? [o.entry.start] : []));
    if (starts.length > 0) this.#d.afterWrite?.(link, starts);
  }

  async #submit(link: UserLinkRecord, proposal: Proposal, idempotencyKey: string, answerTo: string | undefined): Promise<WriteOutcome> {
    const now = this.#d.clock.now();
    const undoMs = this.#d.undoMs ?? 0;
    const writeAt = new Date(now.getTime() + undoMs);
    const { request, created, claim } = await this.#d.outbox.enqueue(
      { idempotencyKey, linkId: link.id, tenantKey: link.tenantKey, slackUserId: link.slackUserId, taskId: proposal.task.id, start: proposal.start, stop: proposal.stop, note: proposal.note ?? null, answerTo: answerTo ?? null },
      now,
      undoMs > 0 ? undefined : this.#leaseMs,
      writeAt,
    );
    if (!created) return { kind: 'duplicate', request };
    if (undoMs > 0) return { kind: 'scheduled', request, writeAt };
    if (!claim) return { kind: 'duplicate', request };
    return this.#post(link, request, claim, proposal.task, false);
  }

  /** How long entries wait before they are written (0: the undo window is off). */
  get undoWindowMs(): number {
    return this.#d.undoMs ?? 0;
  }

  /** Where the answer about these requests was posted (see TimeEntryRequestRecord.answerTo). */
  async answerIn(requestIds: string[], answerTo: string): Promise<void> {
    await this.#d.outbox.setAnswerTo(requestIds, answerTo);
  }

  /**
   * Undo inside the window: each of these requests of theirs that no attempt has touched is cancelled, and
   * nothing reaches COR. Those already being written or written are returned as `kept` (COR keeps them).
   */
  async undo(link: UserLinkRecord, requestIds: string[]): Promise<{ undone: TimeEntryRequestRecord[]; kept: TimeEntryRequestRecord[] }> {
    const undone: TimeEntryRequestRecord[] = [];
    const kept: TimeEntryRequestRecord[] = [];
    for (const id of requestIds) {
      const cancelled = await this.#d.outbox.cancelUnwritten(id, link.id, this.#d.clock.now());
      const request = await this.#d.outbox.get(id);
      if (!request || request.linkId !== link.id) continue;
      (cancelled || (request.state === 'cancelled' && request.lastError === 'undone') ? undone : kept).push(request);
    }
    if (undone.length > 0) this.#d.logger.info({ undone: undone.length }, 'entries undone in their undo window');
    return { undone, kept };
  }

  /**
   * One attempt at a request: claim it, look for it in COR if an earlier attempt's outcome is unknown, post
   * it otherwise. Never posts a request someone else holds, and never twice for one claim.
   */
  async #attempt(link: UserLinkRecord, request: TimeEntryRequestRecord): Promise<WriteOutcome> {
    const claim = await this.#d.outbox.claim(request.id, this.#d.clock.now(), this.#leaseMs);
    if (!claim) return { kind: 'duplicate', request: (await this.#d.outbox.get(request.id)) ?? request };
    return this.#post(link, { ...request, attempts: request.attempts + 1 }, claim, undefined, request.outcomeUnknown);
  }

  /** Writes a request this caller holds (`claim`); `lookFirst` after an attempt whose outcome is unknown. */
  async #post(link: UserLinkRecord, request: TimeEntryRequestRecord, claim: Claim, knownTask: TaskView | undefined, lookFirst: boolean): Promise<WriteOutcome> {
    const api = this.#d.apiFor(link);
    const task = knownTask ?? placeholderTask(request.taskId);
    const entry = (corHourId: number): WrittenEntry => ({
      corHourId,
      task,
      start: request.start,
      stop: request.stop,
      note: request.note ?? undefined,
    });
    // Whether COR may have this entry if the attempt fails: an earlier attempt left it unknown, or this POST went out.
    let mayBeInCor = lookFirst;
    try {
      if (lookFirst) {
        const existing = await this.#findWritten(link, api, request);
        mayBeInCor = false;
        if (existing) {
          await this.#markWritten(request, existing.id, claim);
          this.#d.logger.info({ requestId: request.id, corHourId: existing.id }, 'adopted an entry an earlier attempt had written');
          return { kind: 'written', entry: entry(existing.id), adopted: true };
        }
      }
      if (lookFirst) {
        // The look-first read may have taken long: post only while still holding the request, for another lease.
        const renewed = await this.#d.outbox.renewClaim(request.id, claim, this.#d.clock.now(), this.#leaseMs);
        if (!renewed) return await this.#lost(request);
        claim = renewed;
      }
      const hour = await api.createHour({ task_log_id: request.taskId, start: request.start.toISOString(), stop: request.stop.toISOString() }).catch((err: unknown) => {
        // Turned away at the door (429) is the one answer that shows COR did not take it.
        mayBeInCor = !(err instanceof CorError && err.code === 'rate_limited');
        throw err;
      });
      this.#d.times.learn(link.tenantKey, hour, request.start, link.tz ?? DEFAULT_TZ);
      await this.#markWritten(request, hour.id, claim);
      this.#d.tasks.invalidate(link);
      return { kind: 'written', entry: entry(hour.id), adopted: false };
    } catch (err) {
      return this.#afterFailure(request, claim, err, mayBeInCor);
    }
  }

  /** The entry is in COR either way; a holder that lost its claim says so (whoever holds it now adopts the entry). */
  async #markWritten(request: TimeEntryRequestRecord, corHourId: number, claim: Claim): Promise<void> {
    if (!(await this.#d.outbox.markWritten(request.id, corHourId, this.#d.clock.now(), claim))) {
      this.#d.logger.warn({ requestId: request.id, corHourId }, 'wrote an entry after losing its claim: the holder adopts it');
    }
  }

  /**
   * The entry an earlier attempt wrote: same task and start, and not another request's entry. COR's documents
   * don't say whether its zone-less times are UTC or the person's COR zone, so the start matches under either
   * reading (the zone COR gives with the entry, else the person's Slack zone).
   */
  async #findWritten(link: UserLinkRecord, api: CorApi, request: TimeEntryRequestRecord): Promise<CorHour | undefined> {
    const day = request.start.toISOString().slice(0, 10);
    const hours = await api.allHours({ users: [link.corUserId], dateStart: addDays(day, -1), dateDeadline: addDays(day, 1) });
    // Start and stop under one reading (an entry one UTC offset away is another entry), the UTC reading first.
    const asUtc = (h: CorHour) => sameMinute(corInstant(h.start), request.start) && (!h.stop || sameMinute(corInstant(h.stop), request.stop));
    const asZone = (h: CorHour) => {
      const tz = h.user?.timezone ?? link.tz ?? DEFAULT_TZ;
      return sameWallMinute(h.start, request.start, tz) && (!h.stop || sameWallMinute(h.stop, request.stop, tz));
    };
    const ofTask = hours.filter((h) => (h.task_log_id ?? h.task?.id) === request.taskId);
    // Once COR's own answers told which reading it uses (see CorTimes.learn), only that one.
    const reading = this.#d.times.reading(link.tenantKey);
    const alike = reading === 'utc' ? ofTask.filter(asUtc) : reading === 'zone' ? ofTask.filter(asZone) : [...ofTask.filter(asUtc), ...ofTask.filter((h) => !asUtc(h) && asZone(h))];
    const taken = await this.#d.outbox.hourIdsTaken(alike.map((h) => h.id));
    return alike.find((h) => !taken.has(h.id));
  }

  /** `request.attempts` counts the attempt that just failed. */
  async #afterFailure(request: TimeEntryRequestRecord, claim: Claim, err: unknown, mayBeInCor: boolean): Promise<WriteOutcome> {
    const attempts = request.attempts;
    const current = request;
    if (isTransient(err)) {
      const wait = this.#schedule[attempts - 1];
      if (wait !== undefined) {
        const delay = Math.max(wait, err.retryAfterMs ?? 0);
        if (!(await this.#d.outbox.scheduleRetry(request.id, err.code, new Date(this.#d.clock.now().getTime() + delay), mayBeInCor, claim))) {
          return this.#abandonIfUnlinked(request, claim, mayBeInCor);
        }
        this.#d.logger.warn({ requestId: request.id, code: err.code, attempts, retryInMs: delay }, 'time entry queued for retry');
        return { kind: 'queued', request: current, reason: err.code };
      }
      if (!(await this.#d.outbox.markFailed(request.id, err.code, claim))) return this.#lost(request);
      return { kind: 'failed', request: current, reason: err.code, relink: false };
    }
    const relink = (err instanceof CorError && err.code === 'unauthorized') || (err instanceof Error && 'code' in err && (err as { code: string }).code === 'not_linked');
    const reason = err instanceof CorError ? (err.corMessage ?? err.code) : err instanceof Error ? err.message : 'unknown error';
    if (!(await this.#d.outbox.markFailed(request.id, reason, claim))) return this.#lost(request);
    this.#d.logger.warn({ requestId: request.id, reason }, 'time entry refused');
    return { kind: 'failed', request: current, reason, relink };
  }

  /**
   * A retry needs the person's link: when they unlinked during the attempt, the request ends here instead, as
   * `unknown` when COR may have the entry. Otherwise the claim was lost (see #lost).
   */
  async #abandonIfUnlinked(request: TimeEntryRequestRecord, claim: Claim, mayBeInCor: boolean): Promise<WriteOutcome> {
    const now = await this.#d.outbox.get(request.id);
    if (now?.linkId !== null) return this.#lost(request);
    const state = mayBeInCor ? 'unknown' : 'cancelled';
    if (!(await this.#d.outbox.abandon(request.id, state, 'unlinked', this.#d.clock.now(), claim))) return this.#lost(request);
    this.#d.logger.info({ requestId: request.id, state }, 'time entry ended by an unlink during its attempt');
    return { kind: 'abandoned', request: { ...now, state, lastError: 'unlinked' } };
  }

  /** Someone else holds the request now: its outcome is theirs to record and to tell. */
  async #lost(request: TimeEntryRequestRecord): Promise<WriteOutcome> {
    this.#d.logger.warn({ requestId: request.id }, 'lost the claim of a time entry during an attempt');
    return { kind: 'duplicate', request: (await this.#d.outbox.get(request.id)) ?? request };
  }

  /**
   * The outbox worker's pass: every due request gets one attempt; final outcomes are told to the person, and
   * `afterWrite` once per person for all the pass wrote of theirs (a line's entries whose undo window ended together).
   */
  async drainDue(limit = 20, concurrency = DRAIN_CONCURRENCY): Promise<number> {
    const due = await this.#d.outbox.due(this.#d.clock.now(), limit);
    const written = new Map<string, { link: UserLinkRecord; outcomes: WriteOutcome[] }>();
    let handled = 0;
    let next = 0;
    const lane = async () => {
      for (let request = due[next++]; request !== undefined; request = due[next++]) {
        const link = request.linkId === null ? undefined : await this.#d.findLink(request.linkId);
        if (!link) {
          // Unlinked while its retry was being scheduled: it ends now, and the person is told.
          const state = request.outcomeUnknown ? 'unknown' : 'cancelled';
          if (!(await this.#d.outbox.abandon(request.id, state, 'unlinked', this.#d.clock.now()))) continue;
          handled++;
          await this.#d.notifier.abandoned({ tenantKey: request.tenantKey, slackUserId: request.slackUserId, tz: null }, { ...request, state }).catch((err: unknown) => this.#d.logger.warn({ err }, 'could not tell about an ended entry'));
          continue;
        }
        const outcome = await this.#attempt(link, request);
        if (outcome.kind === 'duplicate') continue; // another worker holds it
        handled++;
        const mine = written.get(link.id);
        if (mine) mine.outcomes.push(outcome);
        else written.set(link.id, { link, outcomes: [outcome] });
        await this.#tellLater(link, request, outcome).catch((err: unknown) => this.#d.logger.warn({ err }, 'could not tell about an entry written later'));
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, lane));
    } finally {
      for (const { link, outcomes } of written.values()) this.#told(link, outcomes);
    }
    return handled;
  }

  /**
   * What the person hears of an attempt the outbox made: written, refused for good, or (its first try, after the
   * undo window) queued because COR is not answering. The entries of one line are told together, once none of
   * them waits out its window any more.
   */
  async #tellLater(link: UserLinkRecord, request: TimeEntryRequestRecord, outcome: WriteOutcome): Promise<void> {
    const firstTry = request.attempts === 0;
    const told = outcome.kind === 'written' || outcome.kind === 'failed' || (outcome.kind === 'queued' && firstTry);
    if (!told) return;
    const line = lineKeyOf(request.idempotencyKey);
    if (line) return this.#d.notifier.lineProgress(link, line, firstTry);
    if (outcome.kind === 'written') return this.#writtenLater(link, request, outcome.entry);
    if (outcome.kind === 'failed') return this.#d.notifier.failedForGood(link, request, outcome.reason);
    if (outcome.kind === 'queued') return this.#d.notifier.queuedLater(link, request);
  }

  /** Tells the person: with the task's name and the day's total, as when an entry is written at once. */
  async #writtenLater(link: UserLinkRecord, request: TimeEntryRequestRecord, entry: WrittenEntry): Promise<void> {
    const api = this.#d.apiFor(link);
    const tz = link.tz ?? DEFAULT_TZ;
    const date = localParts(request.start, tz).date;
    const [task, total] = await Promise.all([this.#d.tasks.task(link, api, request.taskId).catch(() => entry.task), this.dayTotal(link, date, tz).catch(() => undefined)]);
    await this.#d.notifier.writtenLater(link, request, { entry: { ...entry, task }, total, firstTry: request.attempts === 0 });
  }

  /** What a person logged from `from` to `to` (local dates, inclusive), day by day and task by task, against each day's target. */
  async summary(link: UserLinkRecord, tz: string, from: string, to: string): Promise<Summary> {
    const api = this.#d.apiFor(link);
    const [hours, facts] = await Promise.all([api.allHours({ users: [link.corUserId], dateStart: addDays(from, -1), dateDeadline: addDays(to, 1) }), this.#targetFacts(link, api)]);
    return summarize(this.#read(link, hours, tz), facts, from, to, tz);
  }

  /** That day's total against the person's target for it. */
  async dayTotal(link: UserLinkRecord, date: string, tz: string): Promise<DayTotal> {
    const api = this.#d.apiFor(link);
    const [entries, facts] = await Promise.all([this.dayEntries(link, api, date, tz), this.#targetFacts(link, api)]);
    return { logged: hoursOf(entries), target: dailyTarget(date, tz, facts).hours };
  }
}
