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
    const facts = budgetFacts({ name: 'P', logged: 80, estimate: 100 }, [hour(7, 'A', 'Ana'), hour(3.5, 'B', 'Jane'), hour(3.5, 'A', 'Jane')], '2026-12-07');
    expect(facts).toMatchObject({ percent: 80, weekHours: 14, reachDate: '2026-12-17', topTasks: [{ title: 'A', hours: 10.5 }, { title: 'B', hours: 3.5 }], topPeople: [{ name: 'Ana X', hours: 7 }, { name: 'Jane X', hours: 7 }] });
    expect(budgetFacts({ name: 'P', logged: 80, estimate: 100 }, [], '2026-12-07').reachDate).toBeUndefined();
    expect(budgetFacts({ name: 'P', logged: 120, estimate: 100 }, [hour(2, 'A', 'Ana')], '2026-12-07').reachDate).toBeUndefined();
  });
});
