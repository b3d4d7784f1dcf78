import { afterEach, describe, expect, it } from 'vitest';
import type { BackgroundEvent, BackgroundJob } from '../../../src/slack/background/jobs.ts';
import { WorkerLane } from '../../../src/slack/background/worker-lane.ts';
import { createLogger } from '../../../src/logger.ts';

const BOOTSTRAP = new URL('../../../src/background-thread.mjs', import.meta.url);
const FIXTURE = new URL('../../fixtures/background-thread.ts', import.meta.url).href;

function job(id: string, rest = ''): BackgroundJob {
  return {
    kind: 'log_command',
    rest,
    command: { command: '/cor', text: `log ${rest}`, user_id: 'U01JANE', team_id: 'T0DEMO', response_url: 'http://127.0.0.1:9/r', trigger_id: id },
  };
}

const lanes: WorkerLane[] = [];
afterEach(async () => {
  await Promise.all(lanes.splice(0).map((l) => l.stop(1_000)));
});

function lane(entry = FIXTURE) {
  const events: string[] = [];
  const fallbacks: string[] = [];
  const running: boolean[] = [];
  const l = new WorkerLane({
    bootstrap: BOOTSTRAP,
    workerData: { entry },
    logger: createLogger('silent'),
    fallback: async (j) => {
      if (j.kind === 'log_command') fallbacks.push(j.command.trigger_id);
    },
    onEvent: (e: BackgroundEvent) => events.push(e.link.id),
    restartAfterMs: 200,
    onRunningChange: (r) => running.push(r),
  });
  lanes.push(l);
  return { lane: l, events, fallbacks, running };
}

describe('WorkerLane (a real worker thread through the bootstrap)', () => {
  it('runs each job in the thread, resolves when it is done, and passes its events back', async () => {
    const { lane: l, events, fallbacks } = lane();
    await l.start();
    expect(l.running).toBe(true);
    await Promise.all([l.run(job('a')), l.run(job('b', 'slow')), l.run(job('c'))]);
    expect(events.sort()).toEqual(['a', 'b', 'c']);
    expect(fallbacks).toEqual([]);
  });

  it('tells the thread what changed here', async () => {
    const { lane: l, events } = lane();
    await l.start();
    const link = { id: 'L1', tenantKey: 'T:T0DEMO', slackUserId: 'U01JANE', corUserId: 2, corName: 'Jane', corEmail: null, slackEmail: null, tz: null, locale: null, state: 'active' as const, hasTokens: true, tokenExpiresAt: null, relinkNotifiedAt: null, linkedAt: new Date(0) };
    l.tell({ kind: 'task_changed', link, taskId: 48211 });
    for (let waited = 0; !events.includes('told:48211') && waited < 5_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual(['told:48211']);
  });

  it('stop lets running jobs finish in the thread first', async () => {
    const { lane: l, events } = lane();
    await l.start();
    const slow = l.run(job('s', 'slow'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await l.stop(2_000);
    await slow;
    expect(events).toEqual(['s', 'stopped']);
    expect(l.running).toBe(false);
  });

  it('when the thread dies, the jobs it had run here once, later jobs too, until a new thread serves', async () => {
    const { lane: l, events, fallbacks, running } = lane();
    await l.start();
    const slow = l.run(job('in-hand', 'slow'));
    await l.run(job('crash', 'crash'));
    await slow;
    // Both jobs the dead thread held ran here, each once.
    expect(fallbacks.sort()).toEqual(['crash', 'in-hand']);
    expect(l.running).toBe(false);
    await l.run(job('meanwhile'));
    expect(fallbacks).toContain('meanwhile');
    // Another thread is started soon after, and serves again.
    for (let waited = 0; !l.running && waited < 20_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(l.running).toBe(true);
    await l.run(job('after'));
    expect(events).toContain('after');
    expect(fallbacks).not.toContain('after');
    // Whoever runs the schedulers was told: up, down (run them here), up again.
    expect(running).toEqual([true, false, true]);
  }, 30_000);

  it('a thread that cannot start is reported, and every job runs here', async () => {
    const { lane: l, fallbacks } = lane(new URL('../../fixtures/no-such-module.ts', import.meta.url).href);
    await expect(l.start()).rejects.toThrow(/exited with 1 before it was ready|did not start/);
    await l.run(job('x'));
    expect(fallbacks).toEqual(['x']);
  });
});
