/**
 * Dates in a person's IANA time zone. Date-only values are `YYYY-MM-DD` strings and never pass through UTC
 * midnight; instants are Dates. DST: a wall time that does not exist (spring forward) moves forward by the gap;
 * one that happens twice (fall back) takes the first.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    formatters.set(tz, f);
  }
  return f;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

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
 * Zone offsets only change on quarter-hour boundaries, so the offset is looked up once per zone and
 * quarter hour and the rest is arithmetic (formatToParts is slow, and this runs for every entry read).
 */
const OFFSET_BUCKET_MS = 15 * 60_000;
const offsetCache = new Map<string, number>();

function cachedOffsetMs(instant: Date, tz: string): number {
  const key = `${tz}|${Math.floor(instant.getTime() / OFFSET_BUCKET_MS)}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    const p = formatParts(instant, tz);
    const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    offset = asUtc - Math.floor(instant.getTime() / 1000) * 1000;
    if (offsetCache.size > 50_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

export function localParts(instant: Date, tz: string): LocalParts {
  const local = new Date(instant.getTime() + cachedOffsetMs(instant, tz));
  const weekday = local.getUTCDay();
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  const day = local.getUTCDate();
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

function formatParts(instant: Date, tz: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const p of formatter(tz).formatToParts(instant)) parts[p.type] = p.value;
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    year,
    month,
    day,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday ?? 'Mon'] ?? 1,
  };
}

/** Minutes the zone is ahead of UTC at `instant`. */
export function offsetMinutes(instant: Date, tz: string): number {
  return Math.round(cachedOffsetMs(instant, tz) / 60_000);
}

/** The instant at which the wall clock in `tz` shows `date` `hour:minute`. */
export function zonedTimeToInstant(date: string, hour: number, minute: number, tz: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, hour, minute);
  // Try the offsets in force just before and just after; keep one whose wall time matches.
  const candidates = [offsetMinutes(new Date(wall - 86_400_000 / 2), tz), offsetMinutes(new Date(wall + 86_400_000 / 2), tz)];
  const matches = candidates
    .map((off) => new Date(wall - off * 60_000))
    .filter((t) => {
      const p = localParts(t, tz);
      return p.date === date && p.hour === hour % 24 && p.minute === minute;
    })
    .sort((a, b) => a.getTime() - b.getTime());
  if (matches[0]) return matches[0];
  // Not a real wall time (spring-forward gap): move forward by the gap.
  return new Date(wall - Math.min(...candidates) * 60_000);
}

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
