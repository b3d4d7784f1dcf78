import type { Sleep } from '../lib/clock.ts';
import { CorError } from './errors.ts';

export interface RetryPolicy {
  /** total attempts, the first included */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** a Retry-After longer than this is not waited for in-line: the error goes up (the outbox retries later) */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 8_000, maxRetryAfterMs: 30_000 };

/**
 * Which failures a safe request may retry: network trouble, 429 and 5xx. Timeouts only where the caller
 * says the request is safe to repeat blindly (GETs). 4xx other than 429 never.
 */
export function isRetryable(err: unknown, { retryTimeouts }: { retryTimeouts: boolean }): err is CorError {
  if (!(err instanceof CorError)) return false;
  if (err.code === 'timeout') return retryTimeouts;
  return err.code === 'network' || err.code === 'rate_limited' || err.code === 'server';
}

/** Exponential backoff with jitter (half fixed, half random), capped; a server's Retry-After is obeyed as given. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export async function withRetry<T>(
  run: () => Promise<T>,
  opts: { policy: RetryPolicy; sleep: Sleep; random: () => number; retryTimeouts: boolean; onRetry?: (err: CorError, delayMs: number, attempt: number) => void },
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (attempt >= opts.policy.maxAttempts || !isRetryable(err, { retryTimeouts: opts.retryTimeouts })) throw err;
      const delay = backoffDelay(attempt, opts.policy, opts.random, err.retryAfterMs);
      if (delay > opts.policy.maxRetryAfterMs) throw err;
      opts.onRetry?.(err, delay, attempt);
      await opts.sleep(delay);
    }
  }
}
