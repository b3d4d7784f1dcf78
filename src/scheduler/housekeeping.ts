import type { WorkTracker } from '../lib/work-tracker.ts';
import type { Logger } from '../logger.ts';
import { runEvery } from './periodic.ts';

const HOUR_MS = 60 * 60_000;

/** Once an hour: what is kept only for a while goes (finished accepted requests, line drafts nobody finished). */
export function startHousekeeping(opts: { forget: (() => Promise<void>)[]; logger: Logger; work: WorkTracker }): { stop(): void } {
  return runEvery(
    HOUR_MS,
    'housekeeping',
    async () => {
      for (const forget of opts.forget) await forget();
    },
    opts,
  );
}
