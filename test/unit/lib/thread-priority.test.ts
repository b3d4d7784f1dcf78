import { existsSync } from 'node:fs';
import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

const BOOTSTRAP = new URL('../../../src/background-thread.mjs', import.meta.url);
const FIXTURE = new URL('../../fixtures/lower-priority-thread.ts', import.meta.url).href;

describe.runIf(existsSync('/proc/thread-self'))('lowerThisThreadPriority', () => {
  it('lowers the calling worker thread alone: the process (its request thread) keeps its priority', async () => {
    const before = getPriority();
    const worker = new Worker(BOOTSTRAP, { workerData: { entry: FIXTURE } });
    const answer = await new Promise<{ lowered: boolean; thisThread: number; process: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(answer.lowered).toBe(true);
    expect(answer.thisThread).toBe(Math.max(before, 7));
    expect(answer.process).toBe(before);
    expect(getPriority()).toBe(before);
  });
});
