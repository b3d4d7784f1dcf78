import { describe, expect, it } from 'vitest';
import { SingleFlight } from '../../../src/lib/single-flight.ts';

describe('SingleFlight', () => {
  it('shares one run among concurrent callers of a key, and runs again afterwards', async () => {
    const flights = new SingleFlight<number>();
    let runs = 0;
    const work = () => new Promise<number>((resolve) => setTimeout(() => resolve(++runs), 10));
    const results = await Promise.all([flights.run('a', work), flights.run('a', work), flights.run('b', work)]);
    expect(results.sort()).toEqual([1, 1, 2]);
    expect(await flights.run('a', work)).toBe(3);
  });

  it('passes a failure to every waiter and forgets it', async () => {
    const flights = new SingleFlight<number>();
    const failing = () => Promise.reject(new Error('boom'));
    const settled = await Promise.allSettled([flights.run('k', failing), flights.run('k', failing)]);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
    expect(await flights.run('k', async () => 5)).toBe(5);
  });
});
