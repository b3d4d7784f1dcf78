import { describe, expect, it } from 'vitest';
import { dueAt, memberRow, periodOf } from '../../../src/domain/digests/selection.ts';

const NY = 'America/New_York';
const BA = 'America/Argentina/Buenos_Aires';
const daily = { schedule: 'daily' as const, localTime: '09:00', tz: NY };
const weekly = { schedule: 'weekly' as const, localTime: '09:00', tz: NY };

describe('digests: when, and each person’s line', () => {
  it('daily: each workday from its time, about the workday before (Friday on Mondays); never on weekends', () => {
    expect(dueAt(daily, new Date('2026-11-30T13:59:00Z'))).toBeUndefined(); // Mon 08:59 NY
    expect(dueAt(daily, new Date('2026-11-30T14:00:00Z'))?.period).toBe('daily:2026-11-27');
    expect(dueAt(daily, new Date('2026-12-01T14:00:00Z'))?.period).toBe('daily:2026-11-30');
    expect(dueAt(daily, new Date('2026-11-28T14:00:00Z'))).toBeUndefined(); // Saturday
  });

  it('weekly: Mondays, about last week; a daily and a weekly digest never share a period key', () => {
    expect(dueAt(weekly, new Date('2026-11-30T14:00:00Z'))).toEqual(periodOf('weekly:2026-11-23'));
    expect(periodOf('weekly:2026-11-23')?.days).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    expect(dueAt(weekly, new Date('2026-12-01T14:00:00Z'))).toBeUndefined();
    expect(dueAt(daily, new Date('2026-11-24T14:00:00Z'))?.period).not.toBe(dueAt(weekly, new Date('2026-11-30T14:00:00Z'))?.period);
    expect(periodOf('2026-11-23')).toBeUndefined();
  });

  const week = periodOf('weekly:2026-11-23')?.days ?? [];
  const hour = (day: string, h: number) => ({ id: h, user_id: 1, task_log_id: 1, start: `${day} 12:00:00`, stop: `${day} ${String(12 + h).padStart(2, '0')}:00:00`, duration: h });
  const facts = (leaves: { start: string; end: string }[], hours: ReturnType<typeof hour>[] = []) => ({
    tz: BA,
    setting: undefined,
    user: { id: 1, daily_hours: 8, leaves: leaves.map((l, i) => ({ id: i, start: l.start, end: l.end, all_day: true, leave_type: { id: 1, name: 'vacation' } })) } as never,
    workingDays: [],
    hours: hours as never,
  });

  it('a leave over a weekend counts only its workdays: three days off of five is not "on leave"', () => {
    // Wednesday 25 to Sunday 29: Wed, Thu, Fri are workdays off; Mon and Tue are 16h to do.
    const row = memberRow('U1', 'Ana', week, facts([{ start: '2026-11-25T03:00:00Z', end: '2026-11-30T02:59:00Z' }], [hour('2026-11-23', 2)]), null, '2026-11-30');
    expect(row).toMatchObject({ kind: 'linked', onLeave: false, leaveDays: 3, target: 16, logged: 2, short: true });
  });

  it('a threshold in hours a workday never makes short someone who met their own target', () => {
    const halfDay = memberRow('U1', 'Ana', ['2026-11-27'], facts([], [hour('2026-11-27', 8)]), 10, '2026-11-30');
    expect(halfDay).toMatchObject({ target: 8, logged: 8, short: false });
    const under = memberRow('U1', 'Ana', ['2026-11-27'], facts([], [hour('2026-11-27', 6)]), 7, '2026-11-30');
    expect(under).toMatchObject({ short: true });
    const above = memberRow('U1', 'Ana', ['2026-11-27'], facts([], [hour('2026-11-27', 7)]), 7, '2026-11-30');
    expect(above).toMatchObject({ short: false });
  });

  it('a day not over yet where the person is: never short', () => {
    const row = memberRow('U1', 'Ana', ['2026-11-30'], facts([]), null, '2026-11-30');
    expect(row).toMatchObject({ dayNotOver: true, short: false });
  });
});
