import { describe, expect, it } from 'vitest';
import { applyRemindChanges, parseClock, parseRemindCommand } from '../../../../src/domain/parse/remind-command.ts';
import { DEFAULT_REMINDER_SETTING } from '../../../../src/store/reminders.ts';

const ctx = { today: '2026-11-23' }; // a Monday
const parse = (text: string) => parseRemindCommand(text, ctx);

describe('/cor remind grammar', () => {
  it.each([
    ['18:00', '18:00'],
    ['6pm', '18:00'],
    ['6:30 pm', '18:30'],
    ['12am', '00:00'],
    ['18h', '18:00'],
    ['9', '09:00'],
    ['17.45', '17:45'],
  ])('reads the clock time %s as %s', (text, expected) => {
    expect(parseClock(text)).toBe(expected);
  });

  it.each(['25:00', '13pm', '18:75', 'soon'])('refuses %s as a time', (text) => {
    expect(parseClock(text)).toBeUndefined();
  });

  it.each([
    ['at 18:00', [{ kind: 'time', value: '18:00' }]],
    ['a las 18', [{ kind: 'time', value: '18:00' }]],
    ['off', [{ kind: 'enabled', value: false }]],
    ['desligar', [{ kind: 'enabled', value: false }]],
    ['on', [{ kind: 'enabled', value: true }]],
    ['weekdays mon-thu', [{ kind: 'weekdays', value: [1, 2, 3, 4] }]],
    ['weekdays mon, wed, fri', [{ kind: 'weekdays', value: [1, 3, 5] }]],
    ['dias lun-vie', [{ kind: 'weekdays', value: [1, 2, 3, 4, 5] }]],
    ['weekdays fri-mon', [{ kind: 'weekdays', value: [1, 5, 6, 7] }]],
    ['weekdays auto', [{ kind: 'weekdays', value: undefined }]],
    ['skip today', [{ kind: 'skip', dates: ['2026-11-23'] }]],
    ['skip tomorrow', [{ kind: 'skip', dates: ['2026-11-24'] }]],
    ['skip mañana', [{ kind: 'skip', dates: ['2026-11-24'] }]],
    ['skip friday', [{ kind: 'skip', dates: ['2026-11-27'] }]],
    ['skip 24/12', [{ kind: 'skip', dates: ['2026-12-24'] }]],
    ['skip until 2026-11-26', [{ kind: 'skip', dates: ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26'] }]],
    ['skip none', [{ kind: 'unskip' }]],
    ['target 6h', [{ kind: 'target', value: 6 }]],
    ['target 7h30', [{ kind: 'target', value: 7.5 }]],
    ['target 6', [{ kind: 'target', value: 6 }]],
    ['target auto', [{ kind: 'target', value: null }]],
    ['morning on', [{ kind: 'morning', value: true }]],
    ['morning at 9:15', [{ kind: 'morning', value: true }, { kind: 'morning_time', value: '09:15' }]],
    ['away on', [{ kind: 'away', value: true }]],
    [
      'at 6pm weekdays mon-thu target 6h',
      [
        { kind: 'time', value: '18:00' },
        { kind: 'weekdays', value: [1, 2, 3, 4] },
        { kind: 'target', value: 6 },
      ],
    ],
  ])('%s', (text, changes) => {
    expect(parse(text)).toEqual({ ok: true, changes });
  });

  it.each([
    ['at noonish', { code: 'time', arg: 'noonish' }],
    ['weekdays someday', { code: 'days', arg: 'someday' }],
    ['skip whenever', { code: 'date', arg: 'whenever' }],
    ['skip 2026-11-01', { code: 'past', date: '2026-11-01' }],
    ['skip until 2028-01-01', { code: 'too_far' }],
    ['target 30h', { code: 'target', arg: '30h' }],
    ['target 0h', { code: 'target', arg: '0h' }],
    ['morning maybe', { code: 'morning' }],
    ['away maybe', { code: 'away' }],
    ['banana', { code: 'word', word: 'banana' }],
    ['off please', { code: 'after', arg: 'please', key: 'off' }],
    ['away on please', { code: 'word', word: 'please' }],
  ])('says what is wrong with "%s"', (text, error) => {
    expect(parse(text)).toEqual({ ok: false, error });
  });

  it('applies changes to settings (a time turns reminders back on)', () => {
    const base = { linkId: 'L', ...DEFAULT_REMINDER_SETTING, enabled: false, skipDates: ['2026-11-30'] };
    const result = parse('at 18:30 skip tomorrow target 6h away on');
    if (!result.ok) throw new Error(result.error.code);
    expect(applyRemindChanges(base, result.changes)).toMatchObject({ enabled: true, localTime: '18:30', skipDates: ['2026-11-24', '2026-11-30'], targetHours: 6, respectAway: true });
  });
});
