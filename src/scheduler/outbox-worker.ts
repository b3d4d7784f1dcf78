import type { TimeEntryService } from '../domain/time-entries.ts';
import type { WorkTracker } from '../lib/work-tracker.ts';
import type { Logger } from '../logger.ts';

/**
 * Works the time-entry outbox in the background: every `intervalMs`, each due request gets one attempt.
 * Passes never overlap; each is tracked so a graceful stop waits for the one under way.
 */
export function startOutboxWorker(opts: { entries: TimeEntryService; intervalMs: number; logger: Logger; work: WorkTracker }): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void opts.work
      .track(opts.entries.drainDue())
      .then((n) => n > 0 && opts.logger.info({ handled: n }, 'outbox pass'))
      .catch((err: unknown) => opts.logger.error({ err }, 'outbox pass failed'))
      .finally(() => {
        running = false;
      });
  }, opts.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
