import type { DigestService } from '../domain/digests/service.ts';
import type { ReminderService } from '../domain/reminders/service.ts';
import type { Clock } from '../lib/clock.ts';
import type { WorkTracker } from '../lib/work-tracker.ts';
import type { Logger } from '../logger.ts';
import { runEvery } from './periodic.ts';

/** How often DMs still open are re-read against COR (hours logged in COR itself), in ticks. */
const CATCH_UP_EVERY_TICKS = 15;

/**
 * The reminder clock: every `tickMs` a sweep sends the DMs that are due, then the leads' digests that are due
 * (claims in the store keep two instances or a restart from sending either twice); now and then open DMs are re-read to catch hours logged in
 * COR itself.
 */
export function startReminderScheduler(opts: {
  reminders: ReminderService;
  /** leads' digests sweep on the same clock, with their own claims */
  digests: Pick<DigestService, 'sweep'>;
  clock: Clock;
  tickMs: number;
  logger: Logger;
  work: WorkTracker;
}): { stop(): void } {
  let ticks = 0;
  return runEvery(
    opts.tickMs,
    'reminder sweep',
    async () => {
      const now = opts.clock.now();
      // Digests on their own: a reminder sweep that failed or took long holds them back by no more than itself.
      const digests = async () => {
        await opts.digests.sweep(opts.clock.now()).catch((err: unknown) => opts.logger.error({ err }, 'digest sweep failed'));
      };
      try {
        await opts.reminders.sweep(now);
      } finally {
        await digests();
      }
      if (++ticks % CATCH_UP_EVERY_TICKS === 0) {
        const redrawn = await opts.reminders.catchUp(now);
        if (redrawn > 0) opts.logger.info({ redrawn }, 'reminder DMs caught up with COR');
      }
    },
    opts,
  );
}
