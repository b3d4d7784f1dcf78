import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { addDays, localParts, validZone, weekdayOf, zonedTimeToInstant } from '../../../src/lib/zoned.ts';

const at = (date: string, hour: number, minute: number, tz: string) => zonedTimeToInstant(date, hour, minute, tz).toISOString();
const wall = (iso: string, tz: string) => {
  const p = localParts(new Date(iso), tz);
  return `${p.date} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}:${String(p.second).padStart(2, '0')} ${p.weekday}`;
};

describe('zonedTimeToInstant and localParts', () => {
  it('Pacific/Kiritimati (+14): the date flips at 10:00Z', () => {
    expect(at('2026-03-10', 0, 30, 'Pacific/Kiritimati')).toBe('2026-03-09T10:30:00.000Z');
    expect(at('2026-03-10', 0, 0, 'Pacific/Kiritimati')).toBe('2026-03-09T10:00:00.000Z');
    expect(wall('2026-03-09T09:59:59Z', 'Pacific/Kiritimati')).toBe('2026-03-09 23:59:59 1');
    expect(wall('2026-03-09T10:00:00Z', 'Pacific/Kiritimati')).toBe('2026-03-10 00:00:00 2');
    expect(localParts(new Date('2026-03-09T10:30:00Z'), 'Pacific/Kiritimati')).toEqual({ date: '2026-03-10', year: 2026, month: 3, day: 10, hour: 0, minute: 30, second: 0, weekday: 2 });
  });

  it('Pacific/Auckland, 27 Sept 2026: 02:00 → 03:00, so 02:30 is 03:30 NZDT (moved forward by the gap)', () => {
    expect(at('2026-09-27', 2, 30, 'Pacific/Auckland')).toBe('2026-09-26T14:30:00.000Z');
    expect(wall('2026-09-26T14:30:00Z', 'Pacific/Auckland')).toBe('2026-09-27 03:30:00 7');
    expect(at('2026-09-27', 2, 0, 'Pacific/Auckland')).toBe('2026-09-26T14:00:00.000Z');
    expect(at('2026-09-27', 3, 0, 'Pacific/Auckland')).toBe('2026-09-26T14:00:00.000Z');
    expect(wall('2026-09-26T13:59:59Z', 'Pacific/Auckland')).toBe('2026-09-27 01:59:59 7');
    expect(wall('2026-09-26T14:00:00Z', 'Pacific/Auckland')).toBe('2026-09-27 03:00:00 7');
    // A 23-hour day: midnight +12, the next midnight +13.
    expect(at('2026-09-27', 0, 0, 'Pacific/Auckland')).toBe('2026-09-26T12:00:00.000Z');
    expect(at('2026-09-28', 0, 0, 'Pacific/Auckland')).toBe('2026-09-27T11:00:00.000Z');
  });

  it('Pacific/Auckland, 5 April 2026: 03:00 → 02:00, so 02:30 is the first one (+13:00)', () => {
    expect(at('2026-04-05', 2, 30, 'Pacific/Auckland')).toBe('2026-04-04T13:30:00.000Z');
    // Both occurrences read back as 02:30 on the 5th.
    expect(wall('2026-04-04T13:30:00Z', 'Pacific/Auckland')).toBe('2026-04-05 02:30:00 7');
    expect(wall('2026-04-04T14:30:00Z', 'Pacific/Auckland')).toBe('2026-04-05 02:30:00 7');
    expect(wall('2026-04-04T13:59:59Z', 'Pacific/Auckland')).toBe('2026-04-05 02:59:59 7');
    expect(wall('2026-04-04T14:00:00Z', 'Pacific/Auckland')).toBe('2026-04-05 02:00:00 7');
    // A 25-hour day.
    expect(at('2026-04-05', 0, 0, 'Pacific/Auckland')).toBe('2026-04-04T11:00:00.000Z');
    expect(at('2026-04-06', 0, 0, 'Pacific/Auckland')).toBe('2026-04-05T12:00:00.000Z');
    expect(at('2026-04-05', 3, 0, 'Pacific/Auckland')).toBe('2026-04-04T15:00:00.000Z');
  });

  it('Pacific/Chatham (+12:45 / +13:45) on both change days', () => {
    expect(at('2026-01-15', 9, 0, 'Pacific/Chatham')).toBe('2026-01-14T19:15:00.000Z');
    expect(at('2026-07-15', 9, 0, 'Pacific/Chatham')).toBe('2026-07-14T20:15:00.000Z');
    // 27 Sept 2026: 02:45 → 03:45; 03:00 does not exist and becomes 04:00.
    expect(at('2026-09-27', 3, 0, 'Pacific/Chatham')).toBe('2026-09-26T14:15:00.000Z');
    expect(wall('2026-09-26T14:15:00Z', 'Pacific/Chatham')).toBe('2026-09-27 04:00:00 7');
    expect(at('2026-09-27', 2, 45, 'Pacific/Chatham')).toBe('2026-09-26T14:00:00.000Z');
    expect(wall('2026-09-26T13:59:00Z', 'Pacific/Chatham')).toBe('2026-09-27 02:44:00 7');
    expect(wall('2026-09-26T14:00:00Z', 'Pacific/Chatham')).toBe('2026-09-27 03:45:00 7');
    // 5 April 2026: 03:45 → 02:45; 03:00 happens twice, the first is +13:45.
    expect(at('2026-04-05', 3, 0, 'Pacific/Chatham')).toBe('2026-04-04T13:15:00.000Z');
    expect(wall('2026-04-04T13:15:00Z', 'Pacific/Chatham')).toBe('2026-04-05 03:00:00 7');
    expect(wall('2026-04-04T14:15:00Z', 'Pacific/Chatham')).toBe('2026-04-05 03:00:00 7');
    expect(at('2026-04-05', 0, 0, 'Pacific/Chatham')).toBe('2026-04-04T10:15:00.000Z');
    expect(at('2026-04-06', 0, 0, 'Pacific/Chatham')).toBe('2026-04-05T11:15:00.000Z');
  });

  it('America/St_Johns (−3:30 / −2:30)', () => {
    expect(at('2026-01-15', 9, 0, 'America/St_Johns')).toBe('2026-01-15T12:30:00.000Z');
    expect(wall('2026-01-16T03:29:00Z', 'America/St_Johns')).toBe('2026-01-15 23:59:00 4');
    expect(wall('2026-01-16T03:30:00Z', 'America/St_Johns')).toBe('2026-01-16 00:00:00 5');
    // 8 March 2026: 02:00 → 03:00.
    expect(at('2026-03-08', 2, 30, 'America/St_Johns')).toBe('2026-03-08T06:00:00.000Z');
    expect(wall('2026-03-08T06:00:00Z', 'America/St_Johns')).toBe('2026-03-08 03:30:00 7');
    // 1 Nov 2026: 02:00 → 01:00; 01:30 takes the first (−2:30).
    expect(at('2026-11-01', 1, 30, 'America/St_Johns')).toBe('2026-11-01T04:00:00.000Z');
    expect(wall('2026-11-01T05:00:00Z', 'America/St_Johns')).toBe('2026-11-01 01:30:00 7');
  });

  it('Asia/Kathmandu (+5:45)', () => {
    expect(at('2026-01-15', 9, 0, 'Asia/Kathmandu')).toBe('2026-01-15T03:15:00.000Z');
    expect(at('2026-01-15', 0, 0, 'Asia/Kathmandu')).toBe('2026-01-14T18:15:00.000Z');
    expect(wall('2026-01-14T18:14:59Z', 'Asia/Kathmandu')).toBe('2026-01-14 23:59:59 3');
    expect(wall('2026-01-14T18:15:00Z', 'Asia/Kathmandu')).toBe('2026-01-15 00:00:00 4');
  });

  it('Europe/London on both change days', () => {
    // 29 March 2026: 01:00 GMT → 02:00 BST.
    expect(at('2026-03-29', 1, 30, 'Europe/London')).toBe('2026-03-29T01:30:00.000Z');
    expect(wall('2026-03-29T01:30:00Z', 'Europe/London')).toBe('2026-03-29 02:30:00 7');
    expect(at('2026-03-29', 0, 0, 'Europe/London')).toBe('2026-03-29T00:00:00.000Z');
    expect(at('2026-03-30', 0, 0, 'Europe/London')).toBe('2026-03-29T23:00:00.000Z');
    // 25 Oct 2026: 02:00 BST → 01:00 GMT; 01:30 takes the first (BST).
    expect(at('2026-10-25', 1, 30, 'Europe/London')).toBe('2026-10-25T00:30:00.000Z');
    expect(wall('2026-10-25T00:30:00Z', 'Europe/London')).toBe('2026-10-25 01:30:00 7');
    expect(wall('2026-10-25T01:30:00Z', 'Europe/London')).toBe('2026-10-25 01:30:00 7');
  });

  it('America/New_York on both change days', () => {
    // 8 March 2026: 02:00 EST → 03:00 EDT.
    expect(at('2026-03-08', 2, 30, 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
    expect(wall('2026-03-08T07:30:00Z', 'America/New_York')).toBe('2026-03-08 03:30:00 7');
    expect(at('2026-03-08', 3, 0, 'America/New_York')).toBe('2026-03-08T07:00:00.000Z');
    // 1 Nov 2026: 02:00 EDT → 01:00 EST; 01:30 takes the first (EDT).
    expect(at('2026-11-01', 1, 30, 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
    expect(wall('2026-11-01T05:30:00Z', 'America/New_York')).toBe('2026-11-01 01:30:00 7');
    expect(wall('2026-11-01T06:30:00Z', 'America/New_York')).toBe('2026-11-01 01:30:00 7');
    expect(wall('2026-11-01T03:59:59Z', 'America/New_York')).toBe('2026-10-31 23:59:59 6');
  });

  it('24:00 is midnight at the end of the date, also on a 25-hour day', () => {
    expect(at('2026-04-04', 24, 0, 'Pacific/Auckland')).toBe('2026-04-04T11:00:00.000Z');
    expect(at('2026-04-05', 24, 0, 'Pacific/Auckland')).toBe('2026-04-05T12:00:00.000Z');
    expect(at('2026-12-31', 24, 0, 'UTC')).toBe('2027-01-01T00:00:00.000Z');
  });

  it('answers again the same (and hands out a fresh Date each time)', () => {
    const a = zonedTimeToInstant('2026-04-05', 2, 30, 'Pacific/Auckland');
    a.setTime(0);
    expect(at('2026-04-05', 2, 30, 'Pacific/Auckland')).toBe('2026-04-04T13:30:00.000Z');
  });

  it('throws a RangeError for an unknown zone', () => {
    expect(() => localParts(new Date(), 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => zonedTimeToInstant('2026-01-01', 0, 0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });

  const zones = ['UTC', 'Pacific/Kiritimati', 'Pacific/Chatham', 'Pacific/Auckland', 'America/St_Johns', 'Asia/Kathmandu', 'Europe/London', 'America/New_York', 'Australia/Lord_Howe'];

  it('localParts agrees with Temporal around every change from 2025 to 2027', () => {
    for (const tz of zones) {
      let z: Temporal.ZonedDateTime | null = Temporal.Instant.from('2025-01-01T00:00:00Z').toZonedDateTimeISO(tz);
      // Jumps around: the cache meets instants out of order.
      const instants: number[] = [];
      while ((z = z.getTimeZoneTransition('next')) && z.year < 2028) {
        for (const d of [-3_600_000, -1_000, -1, 0, 1, 1_000, 3_600_000]) instants.push(z.epochMilliseconds + d);
      }
      instants.push(Date.UTC(2026, 6, 1), Date.UTC(2025, 0, 15, 12));
      for (const ms of [...instants].reverse().concat(instants)) {
        const want = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(tz);
        const p = localParts(new Date(ms), tz);
        expect([p.date, p.hour, p.minute, p.second, p.weekday], `${tz} ${new Date(ms).toISOString()}`).toEqual([want.toPlainDate().toString(), want.hour, want.minute, want.second, want.dayOfWeek]);
      }
    }
  });

  it('round trips every quarter hour of the change days: the same wall time (its first occurrence), or later by the gap', () => {
    const days: [string, string, number][] = [
      // zone, date, wall-clock times skipped (quarter hours)
      ['Pacific/Auckland', '2026-09-27', 4], ['Pacific/Auckland', '2026-04-05', 0],
      ['Pacific/Chatham', '2026-09-27', 4], ['Pacific/Chatham', '2026-04-05', 0],
      ['America/St_Johns', '2026-03-08', 4], ['America/St_Johns', '2026-11-01', 0],
      ['Europe/London', '2026-03-29', 4], ['Europe/London', '2026-10-25', 0],
      ['America/New_York', '2026-03-08', 4], ['America/New_York', '2026-11-01', 0],
      ['Australia/Lord_Howe', '2026-10-04', 2], ['Australia/Lord_Howe', '2026-04-05', 0],
      ['Pacific/Kiritimati', '2026-03-10', 0], ['Asia/Kathmandu', '2026-01-15', 0],
    ];
    for (const [tz, date, skipped] of days) {
      const shiftMinutes = tz === 'Australia/Lord_Howe' ? 30 : 60;
      let gaps = 0;
      for (let q = 0; q < 96; q++) {
        const hour = Math.floor(q / 4);
        const minute = (q % 4) * 15;
        const label = `${tz} ${date} ${hour}:${minute}`;
        const instant = zonedTimeToInstant(date, hour, minute, tz);
        const back = localParts(instant, tz);
        expect(back.date, label).toBe(date);
        const shift = back.hour * 60 + back.minute - (hour * 60 + minute);
        if (shift !== 0) {
          gaps++;
          expect(shift, label).toBe(shiftMinutes);
        } else {
          // The first occurrence: the same wall time does not also show up to one DST shift earlier.
          const earlier = localParts(new Date(instant.getTime() - shiftMinutes * 60_000), tz);
          expect([earlier.date, earlier.hour, earlier.minute], label).not.toEqual([date, hour, minute]);
        }
      }
      expect(gaps, `${tz} ${date}`).toBe(skipped);
    }
  });
});

describe('addDays and weekdayOf', () => {
  it('count whole calendar days, across months, leap days and years', () => {
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2100-03-01', -1)).toBe('2100-02-28');
    expect(addDays('2000-03-01', -1)).toBe('2000-02-29');
    expect(addDays('2026-01-31', 366)).toBe('2027-02-01');
    expect(weekdayOf('2026-04-05')).toBe(7);
    expect(weekdayOf('2026-04-06')).toBe(1);
    expect(weekdayOf('2024-02-29')).toBe(4);
  });

  it('agree with Temporal.PlainDate day by day from 1999 to 2040', () => {
    let date = '1999-12-01';
    let plain = Temporal.PlainDate.from(date);
    while (plain.year < 2041) {
      expect(date).toBe(plain.toString());
      expect(weekdayOf(date)).toBe(plain.dayOfWeek);
      if (plain.day === 1) expect(addDays(date, -400)).toBe(plain.subtract({ days: 400 }).toString());
      date = addDays(date, 1);
      plain = plain.add({ days: 1 });
    }
  });
});

describe('validZone', () => {
  it('keeps a zone the runtime knows and turns anything else into no zone', () => {
    expect(validZone('America/Argentina/Buenos_Aires')).toBe('America/Argentina/Buenos_Aires');
    expect(validZone('UTC')).toBe('UTC');
    for (const bad of ['Etc/Unknown_Zone', 'Mars/Olympus_Mons', '', null, undefined]) expect(validZone(bad)).toBeUndefined();
    // asked twice (the answer is kept), the same answer
    expect(validZone('Etc/Unknown_Zone')).toBeUndefined();
  });
});
