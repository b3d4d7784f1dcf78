import type { CorLeave, CorWorkingTime } from '../cor/schemas.ts';
import { addDays, weekdayOf, zonedTimeToInstant } from '../lib/zoned.ts';
import { corInstant } from './time-entries/cor-times.ts';

/*
 * The one rule for how many hours a person should log on a day, used by reminders, `/cor today`, `/cor week`,
 * App Home and the answers to a log. Pure: the facts are read by the caller.
 */

export const DEFAULT_TARGET_HOURS = 8;

/** What is known about a person's days. */
export interface TargetFacts {
  /** their own daily target (`/cor remind target 6h`), null when they set none */
  ownHours: number | null;
  /** their own workdays (`/cor remind days`, ISO 1 = Monday … 7), undefined when they set none */
  ownWeekdays: number[] | undefined;
  /** their COR working time, per COR weekday (1 = Sunday … 7 = Saturday); empty when COR has none */
  workingDays: CorWorkingTime[];
  /** their COR daily hours */
  dailyHours: number | null | undefined;
  /** their COR leaves */
  leaves: CorLeave[];
}

export interface DayTarget {
  hours: number;
  /** why the target is not the usual one: a day off, a leave, a half-day leave */
  note: string | undefined;
  /** the leave that touches the day, with whether it takes the whole day */
  leave: { name: string; wholeDay: boolean } | undefined;
  /** one of their workdays (their own, COR working time, else Monday to Friday) */
  workday: boolean;
}

export const NO_FACTS: TargetFacts = { ownHours: null, ownWeekdays: undefined, workingDays: [], dailyHours: undefined, leaves: [] };

function corWeekday(date: string): number {
  return (weekdayOf(date) % 7) + 1; // COR: 1 = Sunday … 7 = Saturday
}

/** A workday by their own setting, else COR working time (days with hours), else Monday to Friday. */
export function isWorkday(date: string, ownWeekdays: number[] | undefined, workingDays: CorWorkingTime[]): boolean {
  const iso = weekdayOf(date);
  if (ownWeekdays) return ownWeekdays.includes(iso);
  if (workingDays.length > 0) return workingDays.some((d) => d.day_of_week === corWeekday(date) && (d.daily_hours ?? 1) > 0);
  return iso <= 5;
}

/** The leave that touches a local date, if any; one that covers most of the day takes the whole day. */
function leaveOn(leaves: CorLeave[], date: string, tz: string): { leave: CorLeave; wholeDay: boolean } | undefined {
  const from = zonedTimeToInstant(date, 0, 0, tz).getTime();
  const to = zonedTimeToInstant(addDays(date, 1), 0, 0, tz).getTime();
  for (const leave of leaves) {
    if (leave.deleted_at) continue;
    const start = corInstant(leave.start).getTime();
    const end = corInstant(leave.end).getTime();
    if (end <= from || start >= to) continue;
    return { leave, wholeDay: leave.all_day || end - start >= 20 * 3_600_000 };
  }
  return undefined;
}

/**
 * The day's target: nothing on a day off or a whole-day leave; else their own target, else COR working time for
 * that weekday, else COR daily hours, else 8; halved on a half-day leave.
 */
export function dailyTarget(date: string, tz: string, facts: TargetFacts): DayTarget {
  const found = leaveOn(facts.leaves, date, tz);
  const leave = found && { name: found.leave.leaveType?.name ?? 'leave', wholeDay: found.wholeDay };
  if (!isWorkday(date, facts.ownWeekdays, facts.workingDays)) return { hours: 0, note: 'not a workday', leave, workday: false };
  if (leave?.wholeDay) return { hours: 0, note: `on leave (${leave.name})`, leave, workday: true };
  const corDay = facts.workingDays.find((d) => d.day_of_week === corWeekday(date))?.daily_hours;
  // COR daily hours of 0 is someone not expected to log (a shared or bot account): no target, no reminder.
  const base = facts.ownHours ?? (corDay !== undefined && corDay !== null && corDay > 0 ? corDay : (facts.dailyHours ?? DEFAULT_TARGET_HOURS));
  if (leave) return { hours: base / 2, note: `half-day ${leave.name}`, leave, workday: true };
  return { hours: base, note: undefined, leave, workday: true };
}
