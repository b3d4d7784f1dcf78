import type { TimeEntryService } from '../domain/time-entries.ts';
import type { WorkTracker } from '../lib/work-tracker.ts';
import type { Logger } from '../logger.ts';
import { runEvery } from './periodic.ts';

/** Works the time-entry outbox in the background: every `intervalMs`, each due request gets one attempt. */
export function startOutboxWorker(opts: { entries: TimeEntryService; intervalMs: number; logger: Logger; work: WorkTracker }): { stop(): void } {
  return runEvery(
    opts.intervalMs,
    'outbox pass',
    async () => {
      const handled = await opts.entries.drainDue();
      if (handled > 0) opts.logger.info({ handled }, 'outbox pass');
    },
    opts,
  );
}
