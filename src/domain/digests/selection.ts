import type { CorHour, CorUser, CorWorkingTime } from '../../cor/schemas.ts';
import { addDays, localParts, weekdayOf } from '../../lib/zoned.ts';
import type { DigestRecord } from '../../store/digests.ts';
import type { ReminderSettingRecord } from '../../store/reminders.ts';
import { loggedOn } from '../reminders/selection.ts';
import { dailyTarget } from '../targets.ts';

/*
 * What a digest is about and what it says: pure, from facts its sweep read.
 */

/** The period a digest reports on: a day (daily), or the week from Monday (weekly). */
export interface DigestPeriod {
  /** the key of its delivery: "daily:<the day>" or "weekly:<the week's Monday>" (a digest switched from daily to weekly is not taken as sent) */
  period: string;
  days: string[];
}

/** The period a key names (a Nudge button carries it), or undefined when it is not one. */
export function periodOf(key: string): DigestPeriod | undefined {
  const m = /^(daily|weekly):(\d{4}-\d{2}-\d{2})$/.exec(key);
  if (!m) return undefined;
  const first = m[2] as string;
  return { period: key, days: m[1] === 'weekly' ? Array.from({ length: 7 }, (_, i) => addDays(first, i)) : [first] };
}

/**
 * The period a digest is due for at `now` in its zone, once its time has come: each workday (Monday to Friday),
 * about the workday before (Friday, on Mondays); weekly on Mondays, about last week.
 */
export function dueAt(digest: Pick<DigestRecord, 'schedule' | 'localTime' | 'tz'>, now: Date): DigestPeriod | undefined {
  const local = localParts(now, digest.tz);
  const [hh, mm] = digest.localTime.split(':').map(Number) as [number, number];
  if (local.hour * 60 + local.minute < hh * 60 + mm) return undefined;
  const weekday = weekdayOf(local.date);
  if (digest.schedule === 'weekly') return weekday === 1 ? periodOf(`weekly:${addDays(local.date, -7)}`) : undefined;
  if (weekday > 5) return undefined;
  return periodOf(`daily:${addDays(local.date, weekday === 1 ? -3 : -1)}`);
}

/** A person's facts for a digest: their zone and own settings, and COR's facts. */
export interface MemberFacts {
  tz: string;
  setting: Pick<ReminderSettingRecord, 'targetHours' | 'weekdays' | 'morningRecap'> | undefined;
  user: CorUser | undefined;
  workingDays: CorWorkingTime[];
  /** their entries over the period (and a day either side) */
  hours: CorHour[];
}

export type DigestRow =
  | {
      kind: 'linked';
      slackUserId: string;
      name: string;
      logged: number;
      /** their own target over the period (the one target rule), leaves taken out */
      target: number;
      /** on leave every workday of the period */
      onLeave: boolean;
      /** workdays of the period on leave (whole days) */
      leaveDays: number;
      short: boolean;
      /** the period has not ended yet where they are (a digest read in another zone): never short */
      dayNotOver: boolean;
    }
  /** not linked to COR: a Slack user (`slackUserId`), or a COR project's collaborator known by `name` only */
  | { kind: 'unlinked'; slackUserId: string; name?: string | undefined };

/** Rounding slack when comparing hours. */
const EPSILON_HOURS = 0.01;

/**
 * One person's line: hours against their own target for the period. Short under `shortUnderHours` a workday
 * (their own target when null, and never above it: someone who met their own target is not short), and never
 * while the period is still going on where they are (`today`: their local date now).
 */
export function memberRow(slackUserId: string, name: string, days: string[], facts: MemberFacts, shortUnderHours: number | null, today: string): DigestRow {
  let logged = 0;
  let target = 0;
  let leaveDays = 0;
  let workdays = 0;
  for (const day of days) {
    const t = dailyTarget(day, facts.tz, { ownHours: facts.setting?.targetHours ?? null, ownWeekdays: facts.setting?.weekdays, workingDays: facts.workingDays, dailyHours: facts.user?.daily_hours, leaves: facts.user?.leaves ?? [] });
    logged += loggedOn(facts.hours, day, facts.tz);
    target += t.hours;
    if (!t.workday) continue;
    workdays++;
    if (t.leave?.wholeDay) leaveDays++;
  }
  const onLeave = workdays > 0 && leaveDays >= workdays;
  const dayNotOver = today <= (days[days.length - 1] as string);
  const under = shortUnderHours === null ? target : Math.min(target, shortUnderHours * (workdays - leaveDays));
  return { kind: 'linked', slackUserId, name, logged, target, onLeave, leaveDays, dayNotOver, short: !onLeave && !dayNotOver && target > 0 && logged < under - EPSILON_HOURS };
}

/** Short people first, by how much they miss; then the rest, then who is on leave, then who is not linked. */
export function sortRows(rows: DigestRow[]): DigestRow[] {
  const rank = (r: DigestRow) => (r.kind === 'unlinked' ? 3 : r.onLeave ? 2 : r.short ? 0 : 1);
  const missing = (r: DigestRow) => (r.kind === 'linked' ? r.target - r.logged : 0);
  return [...rows].sort((a, b) => rank(a) - rank(b) || missing(b) - missing(a) || a.slackUserId.localeCompare(b.slackUserId));
}
