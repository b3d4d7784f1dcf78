import { describe, expect, it } from 'vitest';
import type { CorHour, CorLeave, CorWorkingTime } from '../../../../src/cor/schemas.ts';
import { evaluate, occasionsAt, type PersonFacts, withSkipDates } from '../../../../src/domain/reminders/selection.ts';
import { DEFAULT_REMINDER_SETTING, type ReminderSettingRecord } from '../../../../src/store/reminders.ts';

const setting = (over: Partial<ReminderSettingRecord> = {}): ReminderSettingRecord => ({ linkId: 'L1', ...DEFAULT_REMINDER_SETTING, ...over });
const at = (iso: string) => new Date(iso);

/** The first instant (to the minute) at which the day's reminder is due, searched over a UTC day. */
function firstDue(date: string, tz: string, s: ReminderSettingRecord): string | undefined {
  const start = new Date(`${date}T00:00:00Z`).getTime() - 14 * 3_600_000;
  for (let t = start; t < start + 48 * 3_600_000; t += 60_000) {
    const o = occasionsAt(new Date(t), tz, s).occasions.find((x) => x.kind === 'day' && x.localDate === date);
    if (o) return new Date(t).toISOString();
  }
  return undefined;
}

describe('when a reminder is due (settings only)', () => {
  it.each([
    ['America/Argentina/Buenos_Aires', '2026-11-23', '2026-11-23T20:30:00.000Z'], // UTC-3
    ['Asia/Tokyo', '2026-11-23', '2026-11-23T08:30:00.000Z'], // UTC+9
    ['Pacific/Auckland', '2026-11-23', '2026-11-23T04:30:00.000Z'], // UTC+13 (summer time)
    ['America/Los_Angeles', '2026-11-23', '2026-11-24T01:30:00.000Z'], // UTC-8: the next UTC day
    ['UTC', '2026-11-23', '2026-11-23T17:30:00.000Z'],
  ])('in %s at 17:30 local on %s → %s', (tz, date, expected) => {
    expect(firstDue(date, tz, setting())).toBe(expected);
  });

  it('follows both DST changes of New York (reminders every day of the week)', () => {
    const everyDay = setting({ weekdays: [1, 2, 3, 4, 5, 6, 7] });
    expect(firstDue('2026-03-07', 'America/New_York', everyDay)).toBe('2026-03-07T22:30:00.000Z'); // EST
    expect(firstDue('2026-03-08', 'America/New_York', everyDay)).toBe('2026-03-08T21:30:00.000Z'); // spring forward: EDT
    expect(firstDue('2026-10-31', 'America/New_York', everyDay)).toBe('2026-10-31T21:30:00.000Z'); // EDT
    expect(firstDue('2026-11-01', 'America/New_York', everyDay)).toBe('2026-11-01T22:30:00.000Z'); // fall back: EST
  });

  it('a reminder time inside the skipped DST hour fires at the first real minute after it, once', () => {
    const s = setting({ localTime: '02:30', weekdays: [7] });
    expect(firstDue('2026-03-08', 'America/New_York', s)).toBe('2026-03-08T07:30:00.000Z'); // 03:30 EDT
    expect(occasionsAt(at('2026-03-08T07:29:00Z'), 'America/New_York', s).occasions).toEqual([]);
  });

  it('a repeated DST hour fires at its first occurrence', () => {
    const s = setting({ localTime: '01:30', weekdays: [7] });
    expect(firstDue('2026-11-01', 'America/New_York', s)).toBe('2026-11-01T05:30:00.000Z'); // 01:30 EDT, not EST
  });

  it('belongs to the local date around midnight', () => {
    const s = setting({ localTime: '23:45' });
    const before = occasionsAt(at('2026-11-23T14:59:00Z'), 'Asia/Tokyo', s); // 23:59 Monday in Tokyo
    expect(before.occasions).toEqual([expect.objectContaining({ kind: 'day', localDate: '2026-11-23' })]);
    const after = occasionsAt(at('2026-11-23T15:00:00Z'), 'Asia/Tokyo', s); // 00:00 Tuesday
    expect(after.occasions).toEqual([]);
    expect(after.reason).toMatch(/not yet/);
  });

  it('is silent when off, on a day they left out, or a date they skipped', () => {
    const monday = at('2026-11-23T21:00:00Z');
    expect(occasionsAt(monday, 'UTC', setting({ enabled: false })).reason).toBe('reminders are off');
    expect(occasionsAt(monday, 'UTC', setting({ weekdays: [2, 3, 4] })).reason).toBe('not one of their reminder days');
    expect(occasionsAt(monday, 'UTC', setting({ skipDates: ['2026-11-23'] })).reason).toBe('they skipped today');
  });

  it('adds the morning recap between its time and the day reminder', () => {
    const s = setting({ morningRecap: true });
    expect(occasionsAt(at('2026-11-23T09:00:00Z'), 'UTC', s).occasions).toEqual([]);
    expect(occasionsAt(at('2026-11-23T09:30:00Z'), 'UTC', s).occasions).toEqual([expect.objectContaining({ kind: 'morning', localDate: '2026-11-23' })]);
    expect(occasionsAt(at('2026-11-23T18:00:00Z'), 'UTC', s).occasions.map((o) => o.kind)).toEqual(['day']);
  });

  it('forgets skip dates that are past', () => {
    const s = withSkipDates(setting({ skipDates: ['2026-11-01', '2026-12-24'] }), ['2026-11-25'], at('2026-11-23T12:00:00Z'), 'UTC');
    expect(s.skipDates).toEqual(['2026-11-25', '2026-12-24']);
  });
});

const hour = (start: string, stop: string, taskId = 48211, title = 'Homepage'): CorHour => ({
  id: Math.floor(Math.random() * 1e9),
  start,
  stop,
  duration: undefined,
  user_id: 2,
  task_log_id: taskId,
  project_id: undefined,
  client_id: undefined,
  status: undefined,
  comments: undefined,
  task: { id: taskId, title, project_id: undefined, status: undefined, project: undefined },
});
const leave = (start: string, end: string, allDay: boolean): CorLeave => ({ id: 1, user_id: 2, leave_type_id: 12, start, end, all_day: allDay, deleted_at: undefined, leaveType: { id: 12, name: 'flexday' } });
const wt = (days: number[], daily: number): CorWorkingTime[] => days.map((d) => ({ day_of_week: d, start_at: '09:00:00', end_at: '18:00:00', daily_hours: daily }) as CorWorkingTime);
const facts = (over: Partial<PersonFacts> = {}): PersonFacts => ({
  user: { id: 2, first_name: 'Jane', last_name: 'Doe', email: undefined, role_id: 4, daily_hours: 8, remaining_hours: undefined, gmt: undefined, hidden: false, picture: undefined, leaves: [] },
  workingDays: [],
  hours: [],
  ...over,
});
const dayOccasion = (localDate: string) => ({ kind: 'day' as const, localDate, at: new Date(`${localDate}T17:30:00Z`) });

describe('what the reminder says (with COR facts)', () => {
  it('counts the local day only and names the shortfall and recent tasks', () => {
    const result = evaluate(
      dayOccasion('2026-11-23'),
      setting(),
      'America/Argentina/Buenos_Aires',
      facts({
        hours: [
          hour('2026-11-23 12:00:00', '2026-11-23 15:00:00'), // 09-12 local
          hour('2026-11-24 02:00:00', '2026-11-24 03:00:00', 48213, 'Login flow'), // 23:00 local, still Monday
          hour('2026-11-23 02:00:00', '2026-11-23 04:00:00', 48218, 'Copy'), // Sunday night local: not Monday
        ],
      }),
    );
    expect(result).toEqual({
      send: {
        kind: 'day',
        aboutDate: '2026-11-23',
        logged: 4,
        target: 8,
        recentTasks: [
          { id: 48213, title: 'Login flow' },
          { id: 48211, title: 'Homepage' },
          { id: 48218, title: 'Copy' },
        ],
        targetNote: undefined,
      },
    });
  });

  it('says nothing when enough is logged, on leave, or with no target', () => {
    const full = [hour('2026-11-23 09:00:00', '2026-11-23 17:00:00')];
    expect(evaluate(dayOccasion('2026-11-23'), setting(), 'UTC', facts({ hours: full }))).toEqual({ skip: 'enough logged (8h of 8h)' });
    const user = facts().user;
    const onLeave = facts({ user: user && { ...user, leaves: [leave('2026-11-23T03:00:00.000Z', '2026-11-24T02:59:59.000Z', true)] } });
    expect(evaluate(dayOccasion('2026-11-23'), setting(), 'America/Argentina/Buenos_Aires', onLeave)).toEqual({ skip: 'on leave (flexday)' });
    expect(evaluate(dayOccasion('2026-11-23'), setting(), 'UTC', facts({ user: user && { ...user, daily_hours: 0 } }))).toEqual({ skip: 'no daily target' });
  });

  it('halves the target on a half-day leave', () => {
    const user = facts().user;
    const halfDay = facts({
      user: user && { ...user, leaves: [leave('2026-11-23T12:00:00.000Z', '2026-11-23T16:00:00.000Z', false)] },
      hours: [hour('2026-11-23 09:00:00', '2026-11-23 12:00:00')],
    });
    expect(evaluate(dayOccasion('2026-11-23'), setting(), 'UTC', halfDay)).toMatchObject({ send: { logged: 3, target: 4, targetNote: 'half-day flexday' } });
  });

  it('follows COR working time: custom workdays and daily hours per weekday; their own settings win', () => {
    const tueThu = wt([3, 5], 4); // COR: 3 = Tuesday, 5 = Thursday
    expect(evaluate(dayOccasion('2026-11-23'), setting(), 'UTC', facts({ workingDays: tueThu }))).toEqual({ skip: 'not a workday in COR' });
    expect(evaluate(dayOccasion('2026-11-24'), setting(), 'UTC', facts({ workingDays: tueThu }))).toMatchObject({ send: { target: 4 } });
    expect(evaluate(dayOccasion('2026-11-23'), setting({ weekdays: [1], targetHours: 6 }), 'UTC', facts({ workingDays: tueThu }))).toMatchObject({ send: { target: 6 } });
    expect(evaluate(dayOccasion('2026-11-28'), setting(), 'UTC', facts())).toEqual({ skip: 'weekend' }); // Saturday
  });

  it('the morning recap is about the previous workday (Friday, on a Monday)', () => {
    const monday = { kind: 'morning' as const, localDate: '2026-11-23', at: new Date('2026-11-23T09:30:00Z') };
    const friday = [hour('2026-11-20 09:00:00', '2026-11-20 12:00:00')];
    expect(evaluate(monday, setting({ morningRecap: true }), 'UTC', facts({ hours: friday }))).toMatchObject({ send: { kind: 'morning', aboutDate: '2026-11-20', logged: 3, target: 8 } });
  });
});
