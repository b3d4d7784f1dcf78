import { describe, expect, it } from 'vitest';
import { AckPressure } from '../../../src/lib/pressure.ts';
import { TimeSlicer } from '../../../src/lib/time-slicer.ts';

function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    /* spin */
  }
}

describe('TimeSlicer', () => {
  it('lets I/O callbacks run once background work used its budget', async () => {
    const slicer = new TimeSlicer(2);
    const order: string[] = [];
    const work = async (name: string) => {
      for (let i = 0; i < 3; i++) {
        await slicer.turn();
        busy(1.5);
        order.push(name);
      }
    };
    const io = new Promise<void>((resolve) => setTimeout(() => {
      order.push('io');
      resolve();
    }, 0));
    await Promise.all([work('a'), work('b'), io]);
    // The timer (standing in for an arriving request) ran before all background work was done.
    expect(order.indexOf('io')).toBeLessThan(order.length - 1);
    expect(order.filter((x) => x !== 'io')).toHaveLength(6);
  });

  it('does not wait while under budget', async () => {
    const slicer = new TimeSlicer(50);
    const started = performance.now();
    for (let i = 0; i < 100; i++) await slicer.turn();
    expect(performance.now() - started).toBeLessThan(50);
  });
});

describe('AckPressure', () => {
  it('waits while requests wait for their ack, at most the given time', async () => {
    const pressure = new AckPressure();
    pressure.begin();
    setTimeout(() => pressure.end(), 20);
    const started = performance.now();
    await pressure.whenQuiet(500);
    expect(performance.now() - started).toBeGreaterThanOrEqual(15);
    pressure.begin();
    const capped = performance.now();
    await pressure.whenQuiet(30);
    expect(performance.now() - capped).toBeLessThan(200);
    expect(pressure.waiting).toBe(1);
  });
});
