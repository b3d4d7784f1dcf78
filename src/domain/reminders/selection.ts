import type { CorHour, CorUser, CorWorkingTime } from '../../cor/schemas.ts';
import { formatHours } from '../../lib/duration-text.ts';
import { addDays, localParts, zonedTimeToInstant } from '../../lib/zoned.ts';
import type { ReminderKind, ReminderSettingRecord } from '../../store/reminders.ts';
import { dailyTarget, isWorkday, type TargetFacts } from '../targets.ts';
import { corInstant, entryHours } from '../time-entries/cor-times.ts';

/*
 * Who is due a reminder and what the DM says: pure functions of a person's settings, their zone and what COR
 * knows about them (no store, no COR calls, no Slack).
 */

/** What a reminder DM says: how short the day is, and what to log it on. */
export interface ReminderContent {
  kind: ReminderKind;
  /** the local date whose hours are short */
  aboutDate: string;
  logged: number;
  target: number;
  /** tasks the person logged on lately, most recent first: one-click "Log 1h" buttons */
  recentTasks: { id: number; title: string }[];
  /** why the target is not the usual one, e.g. a half-day leave (for operators: English) */
  targetNote: string | undefined;
  /** the leave behind it, for saying it in the person's language */
  leave?: { name: string; wholeDay: boolean } | undefined;
}

export interface Occasion {
  kind: ReminderKind;
  /** the person's local date the DM is due on */
  localDate: string;
  at: Date;
}

/** The facts about one person that COR knows. */
export interface PersonFacts {
  user: CorUser | undefined;
  workingDays: CorWorkingTime[];
  /** their entries over the last week or so (COR files them by its own date: filter by local date) */
  hours: CorHour[];
}

/** Enough days back to find the previous workday after a long weekend, and recent tasks. */
export const LOOKBACK_DAYS = 7;
const RECENT_TASKS = 3;
/** Half a minute of rounding is not a shortfall. */
export const EPSILON_HOURS = 0.01;

function parseTime(hhmm: string): { hour: number; minute: number } {
  const [h, m] = hhmm.split(':').map(Number);
  return { hour: h ?? 0, minute: m ?? 0 };
}

/**
 * The reminders due for one person at `now`, decided from their settings alone (no COR needed).
 * The day's DM is due from their reminder time on their local date; the morning recap between its time
 * and the day's reminder (a bot that was down all morning does not send it at night).
 */
export function occasionsAt(now: Date, tz: string, s: ReminderSettingRecord): { occasions: Occasion[]; reason: string } {
  if (!s.enabled) return { occasions: [], reason: 'reminders are off' };
  const local = localParts(now, tz);
  if (s.weekdays && !s.weekdays.includes(local.weekday)) return { occasions: [], reason: 'not one of their reminder days' };
  if (s.skipDates.includes(local.date)) return { occasions: [], reason: 'they skipped today' };
  const day = parseTime(s.localTime);
  const dayAt = zonedTimeToInstant(local.date, day.hour, day.minute, tz);
  const occasions: Occasion[] = [];
  if (now >= dayAt) occasions.push({ kind: 'day', localDate: local.date, at: dayAt });
  if (s.morningRecap) {
    const morning = parseTime(s.morningTime);
    const morningAt = zonedTimeToInstant(local.date, morning.hour, morning.minute, tz);
    if (now >= morningAt && now < dayAt) occasions.push({ kind: 'morning', localDate: local.date, at: morningAt });
  }
  return { occasions, reason: occasions.length > 0 ? 'due' : `not yet: reminder at ${s.localTime} their time` };
}

function isReminderDay(date: string, s: Pick<ReminderSettingRecord, 'weekdays'>, workingDays: CorWorkingTime[]): boolean {
  return isWorkday(date, s.weekdays, workingDays);
}

/** The person's reminder day before `date` (their own days, else COR working time, else Monday to Friday). */
export function previousWorkday(date: string, s: Pick<ReminderSettingRecord, 'weekdays'>, workingDays: CorWorkingTime[]): string | undefined {
  for (let back = 1; back <= LOOKBACK_DAYS; back++) {
    const d = addDays(date, -back);
    if (isReminderDay(d, s, workingDays)) return d;
  }
  return undefined;
}

export function loggedOn(hours: CorHour[], date: string, tz: string): number {
  let sum = 0;
  for (const h of hours) {
    const start = corInstant(h.start);
    if (localParts(start, tz).date !== date) continue;
    sum += entryHours(h);
  }
  return sum;
}

export function recentTasks(hours: CorHour[]): { id: number; title: string }[] {
  const seen = new Map<number, { id: number; title: string; at: number }>();
  for (const h of hours) {
    const id = h.task_log_id ?? h.task?.id;
    if (!id) continue;
    const at = corInstant(h.start).getTime();
    const prev = seen.get(id);
    if (!prev || prev.at < at) seen.set(id, { id, title: h.task?.title ?? `#${id}`, at });
  }
  return [...seen.values()]
    .sort((a, b) => b.at - a.at)
    .slice(0, RECENT_TASKS)
    .map(({ id, title }) => ({ id, title }));
}

/** What the one target rule needs, from the reminder settings and COR's facts. */
function targetFacts(s: ReminderSettingRecord, facts: PersonFacts): TargetFacts {
  return { ownHours: s.targetHours, ownWeekdays: s.weekdays, workingDays: facts.workingDays, dailyHours: facts.user?.daily_hours, leaves: facts.user?.leaves ?? [] };
}

/** Decides, with COR's facts, whether an occasion becomes a DM and what it says. Pure. */
export function evaluate(occasion: Occasion, s: ReminderSettingRecord, tz: string, facts: PersonFacts): { send: ReminderContent } | { skip: string } {
  if (!isReminderDay(occasion.localDate, s, facts.workingDays)) return { skip: s.weekdays ? 'not one of their reminder days' : facts.workingDays.length > 0 ? 'not a workday in COR' : 'weekend' };
  const aboutDate = occasion.kind === 'day' ? occasion.localDate : previousWorkday(occasion.localDate, s, facts.workingDays);
  if (!aboutDate) return { skip: 'no previous workday to recap' };
  const day = dailyTarget(aboutDate, tz, targetFacts(s, facts));
  if (day.leave?.wholeDay) return { skip: `on leave (${day.leave.name})` };
  const target = day.hours;
  const targetNote = day.leave ? day.note : undefined;
  if (target <= 0) return { skip: 'no daily target' };
  const logged = loggedOn(facts.hours, aboutDate, tz);
  if (logged >= target - EPSILON_HOURS) return { skip: `enough logged (${formatHours(logged)} of ${formatHours(target)})` };
  return { send: { kind: occasion.kind, aboutDate, logged, target, recentTasks: recentTasks(facts.hours), targetNote, leave: day.leave } };
}

/** Adds skip dates and forgets those before today (in the person's zone). */
export function withSkipDates(setting: ReminderSettingRecord, add: string[], now: Date, tz: string): ReminderSettingRecord {
  const today = localParts(now, tz).date;
  const dates = [...new Set([...setting.skipDates, ...add])].filter((d) => d >= today).sort();
  return { ...setting, skipDates: dates };
}
