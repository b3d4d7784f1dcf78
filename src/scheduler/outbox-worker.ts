import type { TimeEntryService } from '../domain/time-entries/service.ts';
import type { WorkTracker } from '../lib/work-tracker.ts';
import type { Logger } from '../logger.ts';
import { runEvery } from './periodic.ts';

/** Requests taken per batch, and batches at most per pass (a pass goes on while batches come back full). */
const BATCH = 20;
const MAX_BATCHES_PER_PASS = 50;

/**
 * Works the time-entry outbox in the background: every `intervalMs`, requests a stopped instance acknowledged
 * and left are finished first (they may add entries), then each due entry gets one attempt, batch after batch
 * while there are more (a backlog after a COR outage does not wait 20 per tick).
 */
export function startOutboxWorker(opts: {
  entries: TimeEntryService;
  resumeAccepted: () => Promise<number>;
  intervalMs: number;
  logger: Logger;
  work: WorkTracker;
}): { stop(): void } {
  let stopped = false;
  const worker = runEvery(
    opts.intervalMs,
    'outbox pass',
    async () => {
      const resumed = await opts.resumeAccepted();
      if (resumed > 0) opts.logger.info({ resumed }, 'finished requests a stopped instance left');
      let handled = 0;
      for (let batch = 0; batch < MAX_BATCHES_PER_PASS && !stopped; batch++) {
        const inBatch = await opts.entries.drainDue(BATCH);
        handled += inBatch;
        if (inBatch < BATCH) break;
      }
      if (handled > 0) opts.logger.info({ handled }, 'outbox pass');
    },
    opts,
  );
  return {
    stop() {
      stopped = true;
      worker.stop();
    },
  };
}
