import { describe, expect, it } from 'vitest';
import { Pacer } from '../../../src/lib/pacer.ts';

describe('Pacer', () => {
  it('spaces calls of one key at the rate, and keys do not wait for each other', async () => {
    const pacer = new Pacer(20); // one per 50 ms
    const start = performance.now();
    const at: number[] = [];
    await Promise.all([0, 1, 2, 3].map(async () => {
      await pacer.wait('T1');
      at.push(performance.now() - start);
    }));
    await pacer.wait('T2');
    const other = performance.now() - start;
    at.sort((a, b) => a - b);
    expect(at[3]).toBeGreaterThanOrEqual(145);
    expect(at[0]).toBeLessThan(40);
    expect(other).toBeLessThan(at[3] as number + 40);
  });

  it('holds a key for a Retry-After, unlimited ones too, and never another key', async () => {
    const pacer = new Pacer(Number.POSITIVE_INFINITY);
    pacer.holdFor('T1', 100);
    const order: string[] = [];
    await Promise.all([pacer.wait('T1').then(() => order.push('T1')), pacer.wait('T2').then(() => order.push('T2'))]);
    expect(order).toEqual(['T2', 'T1']);
  });

  it('does not wait at all when unlimited', async () => {
    const pacer = new Pacer(Number.POSITIVE_INFINITY);
    const start = performance.now();
    for (let i = 0; i < 1000; i++) await pacer.wait('T1');
    expect(performance.now() - start).toBeLessThan(100);
  });
});
