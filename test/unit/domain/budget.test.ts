import { describe, expect, it } from 'vitest';
import { budgetFacts, crossedThreshold, parseThresholds } from '../../../src/domain/budget.ts';
import type { CorHour } from '../../../src/cor/schemas.ts';

describe('budget rules', () => {
  it('reads /cor project alerts words: percents (up to 5, 1 to 500) or off', () => {
    expect(parseThresholds('50,80,100')).toEqual([50, 80, 100]);
    expect(parseThresholds(' 100 80%, 80 ')).toEqual([80, 100]);
    expect(parseThresholds('OFF')).toBe('off');
    for (const wrong of ['', 'lots', '0', '501', '50.5', '10,20,30,40,50,60', '-5']) expect(parseThresholds(wrong)).toBeUndefined();
  });

  it('the highest threshold reached; none without an estimate', () => {
    expect(crossedThreshold(7.8, 10, [50, 80, 100])).toBe(50);
    expect(crossedThreshold(8, 10, [50, 80, 100])).toBe(80);
    expect(crossedThreshold(12, 10, [50, 80, 100])).toBe(100);
    expect(crossedThreshold(4, 10, [50, 80, 100])).toBeUndefined();
    expect(crossedThreshold(40, 0, [50])).toBeUndefined();
    expect(crossedThreshold(40, 10, [])).toBeUndefined();
  });

  it('the last 7 days: burn, the day the estimate is reached at that rate, top tasks and people', () => {
    const hour = (duration: number, title: string, first: string): CorHour => ({ id: 1, start: '2026-12-01 10:00:00', duration, user: { first_name: first, last_name: 'X' }, task: { id: 1, title } });
    const facts = budgetFacts({ name: 'P', logged: 80, estimate: 100 }, [hour(7, 'A', 'Ana'), hour(3.5, 'B', 'Jane'), hour(3.5, 'A', 'Jane')], '2026-12-07', 'UTC');
    expect(facts).toMatchObject({ percent: 80, weekHours: 14, reachDate: '2026-12-17', topTasks: [{ title: 'A', hours: 10.5 }, { title: 'B', hours: 3.5 }], topPeople: [{ name: 'Ana X', hours: 7 }, { name: 'Jane X', hours: 7 }] });
    expect(budgetFacts({ name: 'P', logged: 80, estimate: 100 }, [], '2026-12-07', 'UTC').reachDate).toBeUndefined();
    expect(budgetFacts({ name: 'P', logged: 120, estimate: 100 }, [hour(2, 'A', 'Ana')], '2026-12-07', 'UTC').reachDate).toBeUndefined();
  });

  it('the chart’s days: each day’s hours over the days read, the hours before them, and the week only its last 7', () => {
    const at = (start: string, duration: number): CorHour => ({ id: 1, start, duration, user: { first_name: 'Ana' }, task: { id: 1, title: 'A' } });
    const facts = budgetFacts({ name: 'P', logged: 50, estimate: 100 }, [at('2026-11-10 09:00:00', 4), at('2026-11-30 09:00:00', 2), at('2026-12-07 23:00:00', 1.5), at('2026-12-07 08:00:00', 1)], '2026-12-07', 'UTC', 28);
    expect(facts.daily).toHaveLength(28);
    expect(facts.daily[0]).toEqual({ date: '2026-11-10', hours: 4 });
    expect(facts.daily[20]).toEqual({ date: '2026-11-30', hours: 2 });
    expect(facts.daily[27]).toEqual({ date: '2026-12-07', hours: 2.5 });
    expect(facts.daily.reduce((n, d) => n + d.hours, 0)).toBe(8.5);
    expect(facts.before).toBe(41.5);
    // The week (Dec 1 to 7) leaves out Nov 10 and Nov 30.
    expect(facts).toMatchObject({ weekHours: 2.5, topTasks: [{ title: 'A', hours: 2.5 }] });
    // Without the days: the last 7; never fewer, and nothing before when COR's total is below what was read.
    expect(budgetFacts({ name: 'P', logged: 1, estimate: 10 }, [at('2026-12-07 08:00:00', 3)], '2026-12-07', 'UTC', 3)).toMatchObject({ before: 0, weekHours: 3 });
    expect(budgetFacts({ name: 'P', logged: 1, estimate: 10 }, [], '2026-12-07', 'UTC').daily.map((d) => d.date)).toEqual(['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07']);
  });

  it('an entry counts on the day it starts where the owner is, and one with only a stop counts its span', () => {
    const at = (start: string, rest: Partial<CorHour>): CorHour => ({ id: 1, start, user: { first_name: 'Ana' }, task: { id: 1, title: 'A' }, ...rest });
    // 02:00 UTC on 1 December is still 30 November in Buenos Aires: outside the week of 1 to 7 December.
    const facts = budgetFacts({ name: 'P', logged: 50, estimate: 100 }, [at('2026-12-01 02:00:00', { duration: 3 }), at('2026-12-07 13:00:00', { stop: '2026-12-07 15:00:00' })], '2026-12-07', 'America/Argentina/Buenos_Aires', 28);
    expect(facts.daily.find((d) => d.date === '2026-11-30')?.hours).toBe(3);
    expect(facts.weekHours).toBe(2);
  });
});
