import type { BudgetService } from '../domain/budget.ts';
import type { WorkTracker } from '../lib/work-tracker.ts';
import type { Logger } from '../logger.ts';
import { runEvery } from './periodic.ts';

/**
 * The budget clock: every `intervalMs` every channel project is checked against COR (one paged read of its
 * projects); claims in the store keep two instances or a restart from posting an alert twice.
 */
export function startBudgetScheduler(opts: { budget: Pick<BudgetService, 'sweep'>; intervalMs: number; logger: Logger; work: WorkTracker }): { stop(): void } {
  return runEvery(
    opts.intervalMs,
    'budget sweep',
    async () => {
      const report = await opts.budget.sweep();
      if (report.posted > 0) opts.logger.info(report, 'budget alerts posted');
    },
    opts,
  );
}
