import { LRUCache } from 'lru-cache';
import type { CorApi } from '../../cor/client.ts';
import { CorError } from '../../cor/errors.ts';
import type { CorHour, CorLeave, CorWorkingTime } from '../../cor/schemas.ts';
import { cacheOptions, PER_PERSON_MAX, PER_TENANT_MAX } from '../../lib/cache.ts';
import type { Clock } from '../../lib/clock.ts';
import { addDays, weekdayOf, zonedTimeToInstant } from '../../lib/zoned.ts';
import type { Logger } from '../../logger.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import type { OutboxRepository } from '../../store/outbox.ts';
import type { ReminderRepository } from '../../store/reminders.ts';
import type { ParsedLog } from '../parse/log-command.ts';
import { matchTask } from '../task-match.ts';
import { dailyTarget, NO_FACTS, type TargetFacts } from '../targets.ts';
import type { TaskDirectory, TaskView } from '../tasks.ts';
import { corInstant, type CorTimes } from './cor-times.ts';
import { type DayTotal, hoursOf, isTransient, placeholderTask, type Proposal, type Resolution, type Summary } from './model.ts';
import { type LineResolution, type LineRow, rowTask, spansOfDay } from './lines.ts';
import { type Bend, type DayBusy, type NewSpan, placeSpans } from './placement.ts';
import { summarize } from './summary.ts';

/** What reading a person's time needs: COR as them, their tasks and settings, and what waits in the outbox. */
export interface ReaderDeps {
  outbox: OutboxRepository;
  /** a person's own target and workdays (`/cor remind target`, `days`): part of the one target rule */
  settings: Pick<ReminderRepository, 'getSetting'>;
  tasks: TaskDirectory;
  apiFor: (link: UserLinkRecord) => CorApi;
  /** how each workspace's COR writes its times: learned from the answers to writes, used by every read */
  times: CorTimes;
  clock: Clock;
  logger: Logger;
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

const DEFAULT_DAY_START = { hour: 9, minute: 0 };
const PROFILE_TTL_MS = 10 * 60_000;

/**
 * Reading time: a person's words resolved against COR (the task, the day's entries, the workday start, the target)
 * into something to write or a question, and what they logged (a day's total, a summary).
 */
export class EntryReader {
  readonly #d: ReaderDeps;
  /** Slow-changing COR facts, reused for a while: a person's daily hours and leaves (by link), a company's working times (by tenant). */
  readonly #profiles: LRUCache<string, { dailyHours: number | null | undefined; leaves: CorLeave[] }, CorApi>;
  readonly #workingTimes: LRUCache<string, Map<number, CorWorkingTime[]>, CorApi>;

  constructor(deps: ReaderDeps) {
    this.#d = deps;
    this.#profiles = new LRUCache({
      ...cacheOptions(deps.clock, PER_PERSON_MAX, PROFILE_TTL_MS),
      fetchMethod: async (_linkId, _stale, { context: api }) => {
        const me = await api.me();
        return { dailyHours: me.daily_hours, leaves: me.leaves ?? [] };
      },
    });
    this.#workingTimes = new LRUCache({ ...cacheOptions(deps.clock, PER_TENANT_MAX, PROFILE_TTL_MS), fetchMethod: (_tenantKey, _stale, { context: api }) => api.workingTimes() });
  }

  /** Entries of the person's local `date` (COR is asked for a day either side: it files by its own date). */
  async #dayEntries(link: UserLinkRecord, api: CorApi, date: string, tz: string): Promise<CorHour[]> {
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

  /** What a person logged from `from` to `to` (local dates, inclusive), day by day and task by task, against each day's target. */
  async summary(link: UserLinkRecord, tz: string, from: string, to: string): Promise<Summary> {
    const api = this.#d.apiFor(link);
    const [hours, facts] = await Promise.all([api.allHours({ users: [link.corUserId], dateStart: addDays(from, -1), dateDeadline: addDays(to, 1) }), this.#targetFacts(link, api)]);
    return summarize(this.#read(link, hours, tz), facts, from, to, tz);
  }

  /** That day's total against the person's target for it. */
  async dayTotal(link: UserLinkRecord, date: string, tz: string): Promise<DayTotal> {
    const api = this.#d.apiFor(link);
    const [entries, facts] = await Promise.all([this.#dayEntries(link, api, date, tz), this.#targetFacts(link, api)]);
    return { logged: hoursOf(entries), target: dailyTarget(date, tz, facts).hours };
  }
}
