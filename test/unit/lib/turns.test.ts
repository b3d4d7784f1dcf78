import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { TurnGate } from '../../../src/lib/turns.ts';

describe('TurnGate', () => {
  it('lets a few waiting flows go per turn of the event loop, in the order they came, with I/O read in between', async () => {
    const gate = new TurnGate(2);
    const order: string[] = [];
    const flows = [1, 2, 3, 4, 5].map((n) => gate.next().then(() => order.push(`flow ${n}`)));
    // An immediate set now runs in the same check phase as the gate's first release, after it.
    await nextTurn();
    order.push('turn');
    await nextTurn();
    order.push('turn');
    await Promise.all(flows);
    expect(order).toEqual(['flow 1', 'flow 2', 'turn', 'flow 3', 'flow 4', 'turn', 'flow 5']);
  });

  it('a flow that comes while the gate is idle goes on at the next turn', async () => {
    const gate = new TurnGate(4);
    let through = false;
    const flow = gate.next().then(() => {
      through = true;
    });
    expect(through).toBe(false);
    await flow;
    expect(through).toBe(true);
  });
});
