import type { CorHour } from '../../cor/schemas.ts';
import { addDays, clockText, localParts, weekdayOf } from '../../lib/zoned.ts';
import type { ReportGroupBy, ReportPeriod } from '../parse/report-words.ts';
import { corInstant, entryHours } from '../time-entries/cor-times.ts';
import type { Report, ReportAsk, ReportEntry, ReportRow } from './model.ts';

/*
 * From COR's hours to a Report: pure. Durations are summed in whole milliseconds and turned into hours only at the
 * end, so the entries, the chart and the totals add up to the same number whatever the order they are summed in.
 */

/** Periods up to this many days are charted day by day; longer ones week by week. */
const DAILY_CHART_DAYS = 31;
/** Asked "by day": day by day up to this many days (two months); longer ones still week by week. */
const BY_DAY_CHART_DAYS = 62;
/** Rows of each top table. */
const TOP = 5;
const MS_PER_HOUR = 3_600_000;

/** What a report is built from, read by the service. */
export interface ReportInput {
  ask: ReportAsk;
  scope: Report['scope'];
  people: string[];
  /** the hours of the previous period and the period (COR's dates a day wider each side), read through CorTimes */
  hours: CorHour[];
  /** COR's clients the asker sees, by id: an entry's client when its answer names none */
  clients: ReadonlyMap<number, string>;
  /** COR's users, by id: a person's name when the entry carries none */
  users: ReadonlyMap<number, string>;
  targetHours: number | undefined;
}

/** The day count of an inclusive period of local dates. */
function daysIn(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
}

/**
 * The date a month before, its day clamped to that month's length (31 March → 28 February); `end`: the last day of
 * a month is the last day of the month before (28 February → 31 January).
 */
function monthBefore(date: string, end: boolean): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const lastOfBefore = new Date(Date.UTC(y, m - 1, 0)).getUTCDate();
  const lastOfThis = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const day = end && d === lastOfThis ? lastOfBefore : Math.min(d, lastOfBefore);
  return new Date(Date.UTC(y, m - 2, day)).toISOString().slice(0, 10);
}

/**
 * The period a report is compared with: a week's days a week earlier (Monday to Wednesday against last Monday to
 * Wednesday), a month's the same days of the month before (clamped to its length: the 1st to the 31st against the
 * whole of February; a whole month against the whole month before), a day the day before, a range the same number
 * of days just before it.
 */
export function previousPeriod(period: ReportPeriod): { from: string; to: string } {
  const { from, to } = period;
  switch (period.unit) {
    case 'week':
      return { from: addDays(from, -7), to: addDays(to, -7) };
    case 'month':
      return { from: monthBefore(from, false), to: monthBefore(to, true) };
    case 'day':
    case 'range':
      return { from: addDays(from, -daysIn(from, to)), to: addDays(from, -1) };
  }
}

/** How a report is cut when the ask says nothing: by project for one person, by person for several. */
function groupByOf(ask: ReportAsk): ReportGroupBy {
  if (ask.groupBy) return ask.groupBy;
  return ask.people.kind === 'me' || (ask.people.kind === 'people' && ask.people.corUserIds.length === 1) ? 'project' : 'person';
}

/** The Monday of a date's ISO week. */
const mondayOf = (date: string) => addDays(date, 1 - weekdayOf(date));


function personOf(h: CorHour, users: ReadonlyMap<number, string>): string {
  const named = [h.user?.first_name, h.user?.last_name].filter((s) => s).join(' ');
  if (named) return named;
  const id = h.user_id;
  return (id !== undefined && id !== null ? users.get(id) : undefined) ?? `#${id ?? '?'}`;
}

/** An entry's project: its COR id and name; none (no id): id null, name empty. */
function projectOf(h: CorHour): { id: number | null; name: string } {
  const id = h.task?.project?.id ?? h.task?.project_id ?? h.project_id ?? null;
  return id === null ? { id: null, name: h.task?.project?.name ?? '' } : { id, name: h.task?.project?.name ?? `#${id}` };
}

function clientOf(h: CorHour, clients: ReadonlyMap<number, string>): string {
  const id = h.task?.project?.client_id ?? h.client_id;
  return h.task?.project?.client?.name ?? (id !== undefined && id !== null ? clients.get(id) : undefined) ?? '';
}

/** A project, task or person of an entry: COR's id (null: none) and its name. */
interface Keyed {
  id: number | null;
  name: string;
}

/** A task, with its project's name (a label when two tasks share a title). */
type TaskKey = Keyed & { project: string };

/** An entry counted in the period, with its length exact and what it is counted under. */
interface Counted {
  entry: ReportEntry;
  startMs: number;
  ms: number;
  project: Keyed;
  task: TaskKey;
  person: Keyed;
}

/** Hours summed per id (two tasks of the same title in two projects are two rows). */
class Totals<K extends Keyed> {
  readonly #byId = new Map<number | null, { key: K; ms: number }>();
  add(key: K, ms: number): void {
    const total = this.#byId.get(key.id);
    if (total) total.ms += ms;
    else this.#byId.set(key.id, { key, ms });
  }
  /** Most first; ties by name. */
  sorted(): { key: K; ms: number }[] {
    return [...this.#byId.values()].sort((a, b) => b.ms - a.ms || a.key.name.localeCompare(b.key.name));
  }
}

const rowsOf = <K extends Keyed>(totals: Totals<K>, label: (key: K) => string = (k) => k.name): ReportRow[] =>
  totals
    .sorted()
    .slice(0, TOP)
    .map(({ key, ms }) => ({ id: key.id, name: label(key), hours: ms / MS_PER_HOUR }));

/** A task's label: its title, and its project's name after it when another task of the report has the same title. */
function taskLabels(tasks: Totals<TaskKey>): (key: TaskKey) => string {
  const titles = new Map<string, number>();
  for (const { key } of tasks.sorted()) titles.set(key.name, (titles.get(key.name) ?? 0) + 1);
  return (key) => ((titles.get(key.name) ?? 0) > 1 && key.project ? `${key.name} · ${key.project}` : key.name);
}

/** The report of `input.hours`: each entry counted on the day it starts in the asker's zone; one outside both periods dropped. */
export function buildReport(input: ReportInput): Report {
  const { ask, hours } = input;
  const tz = ask.tz;
  const { from, to } = ask.period;
  const previous = previousPeriod(ask.period);
  const groupBy = groupByOf(ask);
  const unit = daysIn(from, to) <= (groupBy === 'day' ? BY_DAY_CHART_DAYS : DAILY_CHART_DAYS) ? 'day' : 'week';
  const firstBucket = unit === 'day' ? from : mondayOf(from);
  const buckets: string[] = [];
  for (let b = firstBucket; b <= to; b = addDays(b, unit === 'day' ? 1 : 7)) buckets.push(b);
  const bucketOf = (date: string) => (unit === 'day' ? daysIn(from, date) - 1 : Math.floor((daysIn(firstBucket, date) - 1) / 7));

  let previousMs = 0;
  const counted: Counted[] = [];
  for (const h of hours) {
    const start = corInstant(h.start);
    // In whole milliseconds: sums are exact whatever their order.
    const ms = Math.round(entryHours(h) * MS_PER_HOUR);
    if (!(ms > 0)) continue;
    const date = localParts(start, tz).date;
    if (date >= previous.from && date <= previous.to) previousMs += ms;
    if (date < from || date > to) continue;
    const project = projectOf(h);
    const taskId = h.task_log_id ?? h.task?.id ?? null;
    const task = { id: taskId, name: h.task?.title ?? `#${taskId ?? '?'}`, project: project.name };
    const person = { id: h.user_id ?? null, name: personOf(h, input.users) };
    const entry: ReportEntry = {
      date,
      person: person.name,
      project: project.name,
      client: clientOf(h, input.clients),
      task: task.name,
      start: clockText(start, tz),
      stop: h.stop ? clockText(corInstant(h.stop), tz) : '',
      hours: ms / MS_PER_HOUR,
    };
    counted.push({ entry, startMs: start.getTime(), ms, project, task, person });
  }
  counted.sort((a, b) => (a.entry.date < b.entry.date ? -1 : a.entry.date > b.entry.date ? 1 : a.startMs - b.startMs));

  let totalMs = 0;
  const projects = new Totals<Keyed>();
  const tasks = new Totals<TaskKey>();
  const people = new Totals<Keyed>();
  // By day: one series, the day's total (id null, name empty).
  const series = new Map<number | null, { key: Keyed; task: TaskKey | undefined; values: number[] }>();
  const total: Keyed = { id: null, name: '' };
  for (const c of counted) {
    totalMs += c.ms;
    projects.add(c.project, c.ms);
    tasks.add(c.task, c.ms);
    people.add(c.person, c.ms);
    const key = groupBy === 'person' ? c.person : groupBy === 'task' ? c.task : groupBy === 'day' ? total : c.project;
    let s = series.get(key.id);
    if (!s) series.set(key.id, (s = { key, task: groupBy === 'task' ? c.task : undefined, values: buckets.map(() => 0) }));
    const bucket = bucketOf(c.entry.date);
    s.values[bucket] = (s.values[bucket] as number) + c.ms;
  }
  const taskLabel = taskLabels(tasks);
  const seriesTotal = (values: number[]) => values.reduce((n, v) => n + v, 0);
  return {
    ask,
    scope: input.scope,
    people: input.people,
    groupBy,
    totalHours: totalMs / MS_PER_HOUR,
    previous: { ...previous, totalHours: previousMs / MS_PER_HOUR },
    targetHours: input.targetHours,
    chart: {
      unit,
      buckets,
      series: [...series.values()]
        .sort((a, b) => seriesTotal(b.values) - seriesTotal(a.values) || a.key.name.localeCompare(b.key.name))
        .map(({ key, task, values }) => ({ id: key.id, name: task ? taskLabel(task) : key.name, values: values.map((ms) => ms / MS_PER_HOUR) })),
    },
    top: { projects: rowsOf(projects), tasks: rowsOf(tasks, taskLabel), people: rowsOf(people) },
    entries: counted.map((c) => c.entry),
  };
}
