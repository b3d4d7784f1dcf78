import { describe, expect, it } from 'vitest';
import type { CorLeave, CorWorkingTime } from '../../../src/cor/schemas.ts';
import { dailyTarget, NO_FACTS, type TargetFacts } from '../../../src/domain/targets.ts';

const TZ = 'America/Argentina/Buenos_Aires';
// Wednesday 25 November 2026; COR weekdays: 1 = Sunday … 7 = Saturday
const WED = '2026-11-25';
const SAT = '2026-11-28';

const workingDays = (days: number[], hours: number): CorWorkingTime[] => days.map((day_of_week) => ({ day_of_week, daily_hours: hours }) as CorWorkingTime);
const leave = (start: string, end: string, allDay = false): CorLeave => ({ id: 1, start, end, all_day: allDay, deleted_at: null, leaveType: { name: 'Medical' } }) as CorLeave;
const facts = (over: Partial<TargetFacts>): TargetFacts => ({ ...NO_FACTS, ...over });

describe('the one daily target rule', () => {
  it('own target, else COR working time for that weekday, else COR daily hours, else 8', () => {
    const cor = { workingDays: workingDays([2, 3, 4, 5, 6], 7), dailyHours: 6 };
    expect(dailyTarget(WED, TZ, facts({ ...cor, ownHours: 5 })).hours).toBe(5);
    expect(dailyTarget(WED, TZ, facts(cor)).hours).toBe(7);
    expect(dailyTarget(WED, TZ, facts({ dailyHours: 6 })).hours).toBe(6);
    expect(dailyTarget(WED, TZ, facts({ dailyHours: 0 })).hours).toBe(0); // not expected to log
    expect(dailyTarget(WED, TZ, NO_FACTS).hours).toBe(8);
  });

  it('nothing on a day that is not a workday: their own days, else COR working days, else Monday to Friday', () => {
    expect(dailyTarget(SAT, TZ, NO_FACTS)).toMatchObject({ hours: 0, note: 'not a workday' });
    expect(dailyTarget(SAT, TZ, facts({ ownWeekdays: [6], ownHours: 4 })).hours).toBe(4);
    expect(dailyTarget(WED, TZ, facts({ workingDays: workingDays([3, 5], 4) })).hours).toBe(0); // Tue and Thu only
    expect(dailyTarget('2026-11-26', TZ, facts({ workingDays: workingDays([3, 5], 4) })).hours).toBe(4);
  });

  it('a half-day leave halves it; a whole-day leave (or most of the day) makes it nothing; each says why', () => {
    const half = leave('2026-11-25T12:00:00.000Z', '2026-11-25T16:00:00.000Z');
    expect(dailyTarget(WED, TZ, facts({ ownHours: 6, leaves: [half] }))).toEqual({ hours: 3, note: 'half-day Medical', leave: { name: 'Medical', wholeDay: false }, workday: true });
    expect(dailyTarget(WED, TZ, facts({ leaves: [leave('2026-11-25T03:00:00.000Z', '2026-11-26T02:59:59.000Z', true)] }))).toMatchObject({ hours: 0, note: 'on leave (Medical)' });
    // A leave the day before, in the person's zone, does not touch the day.
    expect(dailyTarget(WED, TZ, facts({ leaves: [leave('2026-11-24T20:00:00.000Z', '2026-11-25T02:00:00.000Z')] })).hours).toBe(8);
  });
});
