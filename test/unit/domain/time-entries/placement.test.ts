import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DayBusy, type NewSpan, placeSpans, type Span } from '../../../../src/domain/time-entries/placement.ts';
import { addDays, localParts, zonedTimeToInstant } from '../../../../src/lib/zoned.ts';

const BA = 'America/Argentina/Buenos_Aires';
const TODAY = '2026-11-18';
const YESTERDAY = '2026-11-17';
const MINUTE = 60_000;
const at = (date: string, hh: number, mm = 0) => zonedTimeToInstant(date, hh, mm, BA);
const clock = (d: Date) => {
  const p = localParts(d, BA);
  return `${p.date} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
};
const day = (date: string, busy: [number, number][] | undefined): [string, DayBusy] => [date, { busy: busy?.map(([a, b]) => ({ start: at(date, a), stop: at(date, b) })), dayStart: at(date, 9) }];

describe('placeSpans: the one placement rule', () => {
  it('durations follow the day’s last entry, one after another, and bend nothing when there is room', () => {
    const placed = placeSpans(
      [
        { date: TODAY, kind: 'duration', minutes: 60 },
        { date: TODAY, kind: 'duration', minutes: 30 },
      ],
      new Map([day(TODAY, [[9, 10]])]),
      at(TODAY, 18),
      BA,
    );
    expect(placed.map((p) => [clock(p.start), clock(p.stop), p.bends])).toEqual([
      [`${TODAY} 10:00`, `${TODAY} 11:00`, []],
      [`${TODAY} 11:00`, `${TODAY} 11:30`, []],
    ]);
  });

  it('a day with nothing starts at its workday start; after the line’s own ranges when it has some', () => {
    const [alone] = placeSpans([{ date: YESTERDAY, kind: 'duration', minutes: 120 }], new Map([day(YESTERDAY, [])]), at(TODAY, 18), BA);
    expect([clock(alone?.start as Date), alone?.bends]).toEqual([`${YESTERDAY} 09:00`, []]);
    const placed = placeSpans(
      [
        { date: YESTERDAY, kind: 'duration', minutes: 60 },
        { date: YESTERDAY, kind: 'range', start: at(YESTERDAY, 14), stop: at(YESTERDAY, 15) },
      ],
      new Map([day(YESTERDAY, [])]),
      at(TODAY, 18),
      BA,
    );
    expect(placed.map((p) => [clock(p.start), p.bends])).toEqual([
      [`${YESTERDAY} 15:00`, []],
      [`${YESTERDAY} 14:00`, []],
    ]);
  });

  it('at 10:00 after 09–10, 3h is pushed back over the entry to end by now: said', () => {
    const [p] = placeSpans([{ date: TODAY, kind: 'duration', minutes: 180 }], new Map([day(TODAY, [[9, 10]])]), at(TODAY, 10), BA);
    expect([clock(p?.start as Date), clock(p?.stop as Date)]).toEqual([`${TODAY} 07:00`, `${TODAY} 10:00`]);
    expect(p?.bends).toEqual(['pushed_back', 'overlap']);
  });

  it('at 01:00, 3h today starts yesterday: said; a past day’s block running over midnight too', () => {
    const [p] = placeSpans([{ date: TODAY, kind: 'duration', minutes: 180 }], new Map([day(TODAY, [])]), at(TODAY, 1), BA);
    expect([clock(p?.start as Date), p?.bends]).toEqual([`${YESTERDAY} 22:00`, ['midnight']]);
    const [late] = placeSpans([{ date: YESTERDAY, kind: 'duration', minutes: 120 }], new Map([day(YESTERDAY, [[9, 23]])]), at(TODAY, 12), BA);
    expect([clock(late?.stop as Date), late?.bends]).toEqual([`${TODAY} 01:00`, ['midnight']]);
  });

  it('a range on top of an entry, a range ending later than now, a day COR said nothing about: said', () => {
    const placed = placeSpans(
      [
        { date: TODAY, kind: 'range', start: at(TODAY, 9, 30), stop: at(TODAY, 11) },
        { date: TODAY, kind: 'range', start: at(TODAY, 17), stop: at(TODAY, 19) },
        { date: YESTERDAY, kind: 'duration', minutes: 60 },
      ],
      new Map([day(TODAY, [[9, 10]]), day(YESTERDAY, undefined)]),
      at(TODAY, 18),
      BA,
    );
    expect(placed.map((p) => p.bends)).toEqual([['overlap'], ['future'], ['day_unknown']]);
  });

  it('property: every placed span overlaps nothing (the day’s entries, the other new ones) and ends by now, or says what it bent', () => {
    const now = at(TODAY, 12).getTime();
    const dates = [addDays(TODAY, -2), YESTERDAY, TODAY];
    // Instants within the three days, on the quarter hour.
    const instant = fc.integer({ min: 0, max: 3 * 96 - 1 }).map((q) => at(dates[0] as string, 0).getTime() + q * 15 * MINUTE);
    const span = fc.tuple(instant, fc.integer({ min: 1, max: 40 })).map(([s, q]): Span => ({ start: new Date(s), stop: new Date(s + q * 15 * MINUTE) }));
    const date = fc.constantFrom(...dates);
    const item: fc.Arbitrary<NewSpan> = fc.oneof(
      fc.tuple(date, fc.integer({ min: 1, max: 24 * 60 })).map(([d, minutes]): NewSpan => ({ date: d, kind: 'duration', minutes })),
      fc.tuple(date, span).map(([d, s]): NewSpan => ({ date: d, kind: 'range', ...s })),
    );
    const days = fc.tuple(...dates.map(() => fc.option(fc.array(span, { maxLength: 5 }), { nil: undefined }))).map((busy) => new Map(dates.map((d, i) => [d, { busy: busy[i], dayStart: at(d, 9) }] as const)));
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 10 }), days, (items, known) => {
        const placed = placeSpans(items, known, new Date(now), BA);
        expect(placed).toHaveLength(items.length);
        const busy = [...known.values()].flatMap((d) => d.busy ?? []);
        placed.forEach((p, i) => {
          const it = items[i] as NewSpan;
          // Ranges as said; durations as long as said.
          if (it.kind === 'range') expect([p.start, p.stop]).toEqual([it.start, it.stop]);
          else expect(p.stop.getTime() - p.start.getTime()).toBe(it.minutes * MINUTE);
          const others = [...busy, ...placed.filter((_q, j) => j !== i)];
          const clean = others.every((o) => o.stop.getTime() <= p.start.getTime() || p.stop.getTime() <= o.start.getTime()) && p.stop.getTime() <= now;
          if (!clean) expect(p.bends.length).toBeGreaterThan(0);
          // A duration that bent nothing is on its own day, after what the day has.
          if (it.kind === 'duration' && p.bends.length === 0) expect(localParts(p.start, BA).date).toBe(it.date);
        });
      }),
      { numRuns: 300 },
    );
  });
});
