import { LRUCache } from 'lru-cache';
import { Temporal } from 'temporal-polyfill';

/**
 * Dates in a person's IANA time zone, on Temporal. Date-only values are `YYYY-MM-DD` strings and never pass
 * through UTC midnight; instants are Dates. DST: a wall time that does not exist (spring forward) moves forward
 * by the gap; one that happens twice (fall back) takes the first (Temporal's 'compatible' disambiguation).
 */

export interface LocalParts {
  /** YYYY-MM-DD */
  date: string;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday */
  weekday: number;
}

/**
 * A stretch of time over which a zone keeps one UTC offset: from one of Temporal's transitions (inclusive)
 * to the next (exclusive).
 */
interface Span {
  start: number;
  end: number;
  offsetMs: number;
}

/**
 * localParts runs for every entry read and Temporal takes ~10 µs a call, so each zone keeps the spans it was
 * asked about (newest first) and the rest is arithmetic. Bounded: zones by LRU, spans per zone by count.
 */
const SPANS_PER_ZONE = 32;
const spansByZone = new LRUCache<string, Span[]>({ max: 1_000 });

function spanAt(ms: number, tz: string): Span {
  const instant = Temporal.Instant.fromEpochMilliseconds(ms);
  const here = instant.toZonedDateTimeISO(tz);
  // 'previous' is strictly before; a millisecond later it also finds a transition at `ms` itself (they are on whole seconds).
  const previous = instant.add({ milliseconds: 1 }).toZonedDateTimeISO(tz).getTimeZoneTransition('previous');
  const next = here.getTimeZoneTransition('next');
  return {
    start: previous ? previous.epochMilliseconds : -Infinity,
    end: next ? next.epochMilliseconds : Infinity,
    offsetMs: here.offsetNanoseconds / 1_000_000,
  };
}

/** Milliseconds the zone is ahead of UTC at `ms`. Throws a RangeError for an unknown zone or an invalid Date. */
function offsetMsAt(ms: number, tz: string): number {
  let spans = spansByZone.get(tz);
  if (spans) {
    for (const s of spans) if (ms >= s.start && ms < s.end) return s.offsetMs;
  }
  const span = spanAt(ms, tz);
  if (!spans) spansByZone.set(tz, (spans = []));
  if (spans.length >= SPANS_PER_ZONE) spans.pop();
  spans.unshift(span);
  return span.offsetMs;
}

/** The wall clock and date in `tz` at `instant`. */
export function localParts(instant: Date, tz: string): LocalParts {
  const ms = instant.getTime();
  // The local wall time written as if it were UTC: plain calendar arithmetic from here on.
  const local = new Date(ms + offsetMsAt(ms, tz));
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  const day = local.getUTCDate();
  const weekday = local.getUTCDay();
  return {
    date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    year,
    month,
    day,
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    weekday: weekday === 0 ? 7 : weekday,
  };
}

/** Zones asked about lately, known or not (an unknown one is asked about again on every read of old data). */
const knownZones = new LRUCache<string, boolean>({ max: 1_000 });

/**
 * The zone when the runtime knows it, else undefined ("no zone": the bot asks, never guesses). Every zone that
 * comes in (a Slack profile, a profile change, a stored link or digest) passes here first: one unknown zone must
 * not make every date computed with it throw.
 */
export function validZone(tz: string | null | undefined): string | undefined {
  if (!tz) return undefined;
  let known = knownZones.get(tz);
  if (known === undefined) {
    try {
      Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(tz);
      known = true;
    } catch {
      known = false;
    }
    knownZones.set(tz, known);
  }
  return known ? tz : undefined;
}

/** Sweeps ask for the same midnights and reminder times for many people: answers by zone, date and time. */
const instants = new LRUCache<string, number>({ max: 10_000 });

/**
 * The instant at which the wall clock in `tz` shows `date` `hour:minute`. An hour or minute out of range
 * carries into the next (or previous) day: 24:00 is midnight at the end of `date`.
 */
export function zonedTimeToInstant(date: string, hour: number, minute: number, tz: string): Date {
  const key = `${tz}|${date}|${hour}|${minute}`;
  let ms = instants.get(key);
  if (ms === undefined) {
    const total = hour * 60 + minute;
    const days = Math.floor(total / 1440);
    const inDay = total - days * 1440;
    const plainTime = new Temporal.PlainTime(Math.floor(inDay / 60), inDay % 60);
    ms = Temporal.PlainDate.from(days === 0 ? date : addDays(date, days))
      .toZonedDateTime({ timeZone: tz, plainTime })
      .toInstant().epochMilliseconds;
    instants.set(key, ms);
  }
  return new Date(ms);
}

/*
 * Date-only arithmetic involves no zone. Date.UTC serves as a proleptic-Gregorian day counter here: the same
 * answers as Temporal.PlainDate (the tests compare them), about ten times faster, and these run in loops.
 */

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** ISO weekday of a date string: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const w = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** "09:00": the wall-clock time of an instant in a zone (24 h, the same in every language). */
export function clockText(instant: Date, tz: string): string {
  const p = localParts(instant, tz);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}
