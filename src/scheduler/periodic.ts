import type { WorkTracker } from '../lib/work-tracker.ts';
import type { Logger } from '../logger.ts';

/**
 * Runs `pass` every `intervalMs`. Passes never overlap (a slow one makes the next tick skip), each is tracked so
 * a graceful stop waits for the one under way, and a failing pass is logged, not fatal.
 */
export function runEvery(intervalMs: number, what: string, pass: () => Promise<void>, opts: { logger: Logger; work: WorkTracker }): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void opts.work
      .track(pass())
      .catch((err: unknown) => opts.logger.error({ err }, `${what} failed`))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
