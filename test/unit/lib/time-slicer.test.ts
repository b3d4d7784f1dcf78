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
  it('once the budget is used, work waits for the next turn of the event loop (after I/O polling)', async () => {
    const slicer = new TimeSlicer(1);
    busy(2);
    let resumed = false;
    const waiting = slicer.turn().then(() => {
      resumed = true;
    });
    for (let i = 0; i < 20; i++) await Promise.resolve(); // microtasks alone do not resume it
    expect(resumed).toBe(false);
    await waiting; // resumes from the check phase, i.e. after the poll phase
    expect(resumed).toBe(true);
    // A fresh slice: under budget again, no waiting.
    let immediate = false;
    await slicer.turn().then(() => {
      immediate = true;
    });
    expect(immediate).toBe(true);
  });

  it('keeps all work: every waiter resumes', async () => {
    const slicer = new TimeSlicer(1);
    const done: number[] = [];
    await Promise.all(
      [1, 2, 3, 4].map(async (n) => {
        for (let i = 0; i < 3; i++) {
          await slicer.turn();
          busy(0.6);
        }
        done.push(n);
      }),
    );
    expect(done.sort()).toEqual([1, 2, 3, 4]);
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
