import { addDays, localParts, zonedTimeToInstant } from '../../lib/zoned.ts';

/*
 * The one placement rule, for a single entry and for a line of several alike: where a day's new spans go, and
 * what had to be bent to put them there. Pure: the day's entries are read (and their times converted) by the caller.
 */

export interface Span {
  start: Date;
  stop: Date;
}

/**
 * What placing had to bend, each a reason to ask before writing:
 * - `overlap`: the span overlaps an entry the day has (in COR or on its way there) or another new one;
 * - `pushed_back`: durations that would end after now were moved back, before the end of what the day has;
 * - `midnight`: a duration runs over into another day than the one it is for;
 * - `future`: the span ends after now;
 * - `day_unknown`: a duration placed without knowing what the day has (COR did not say).
 */
export type Bend = 'overlap' | 'pushed_back' | 'midnight' | 'future' | 'day_unknown';

/** A new entry for a local date: a range as said, or a duration to place. */
export type NewSpan = { date: string } & ({ kind: 'range'; start: Date; stop: Date } | { kind: 'duration'; minutes: number });

/** What a day has: its entries (undefined when COR could not say), and where a day with none starts. */
export interface DayBusy {
  busy: Span[] | undefined;
  dayStart: Date;
}

export interface Placed extends Span {
  bends: Bend[];
}

const MINUTE = 60_000;
const DEFAULT_DAY_START_HOUR = 9;

/**
 * Places new spans. Ranges stay as said. A day's durations follow one another after everything the day has (its
 * entries, the day's new ranges), else from the day's start; a block that would end after now ends at now instead.
 * Every span says what that bent; a span that bent nothing overlaps nothing and ends by now.
 */
export function placeSpans(items: NewSpan[], days: ReadonlyMap<string, DayBusy>, now: Date, tz: string): Placed[] {
  const placed: Placed[] = items.map((it) => (it.kind === 'range' ? { start: it.start, stop: it.stop, bends: [] } : { start: now, stop: now, bends: [] }));
  for (const date of new Set(items.map((it) => it.date))) {
    const ofDay = items.flatMap((it, i) => (it.date === date ? [i] : []));
    const durations = ofDay.filter((i) => items[i]?.kind === 'duration');
    if (durations.length === 0) continue;
    const day = days.get(date) ?? { busy: undefined, dayStart: zonedTimeToInstant(date, DEFAULT_DAY_START_HOUR, 0, tz) };
    const ends = [...(day.busy ?? []).map((s) => s.stop.getTime()), ...ofDay.filter((i) => items[i]?.kind === 'range').map((i) => (placed[i] as Placed).stop.getTime())];
    const after = ends.length > 0 ? Math.max(...ends) : day.dayStart.getTime();
    const total = durations.reduce((sum, i) => sum + minutesOf(items[i] as NewSpan), 0) * MINUTE;
    let start = Math.min(after, now.getTime() - total);
    const pushed = ends.length > 0 && start < after;
    const midnight = zonedTimeToInstant(addDays(date, 1), 0, 0, tz).getTime();
    for (const i of durations) {
      const stop = start + minutesOf(items[i] as NewSpan) * MINUTE;
      const bends: Bend[] = [];
      if (day.busy === undefined) bends.push('day_unknown');
      if (pushed) bends.push('pushed_back');
      if (localParts(new Date(start), tz).date !== date || stop > midnight) bends.push('midnight');
      placed[i] = { start: new Date(start), stop: new Date(stop), bends };
      start = stop;
    }
  }
  // What any span ended up on top of, or after now: said, whichever way it got there.
  const busy = [...days.values()].flatMap((d) => d.busy ?? []);
  return placed.map((p, i) => {
    const bends = [...p.bends];
    if ([...busy, ...placed.filter((_q, j) => j !== i)].some((s) => overlaps(s, p))) bends.push('overlap');
    if (p.stop.getTime() > now.getTime()) bends.push('future');
    return { ...p, bends };
  });
}

function minutesOf(it: NewSpan): number {
  return it.kind === 'duration' ? it.minutes : Math.round((it.stop.getTime() - it.start.getTime()) / MINUTE);
}

function overlaps(a: Span, b: Span): boolean {
  return a.start.getTime() < b.stop.getTime() && b.start.getTime() < a.stop.getTime();
}
