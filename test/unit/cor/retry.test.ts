import { describe, expect, it } from 'vitest';
import { CorError, codeForStatus, describeErrorBody, parseRetryAfter } from '../../../src/cor/errors.ts';
import { backoffDelay, isRetryable, withRetry } from '../../../src/cor/retry.ts';

const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 5_000 };
const err = (code: ConstructorParameters<typeof CorError>[0], retryAfterMs?: number) =>
  new CorError(code, { method: 'GET', path: '/tasks', ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });

describe('COR error mapping', () => {
  it('maps statuses to codes', () => {
    expect([400, 401, 403, 404, 417, 422, 429, 500, 503, 302].map(codeForStatus)).toEqual([
      'validation',
      'unauthorized',
      'forbidden',
      'not_found',
      'validation',
      'validation',
      'rate_limited',
      'server',
      'server',
      'bad_response',
    ]);
  });

  it('reads every error body shape COR uses', () => {
    expect(describeErrorBody({ status: 417, name: 'CORCustomError', code: 'X1', message: 'bad' })).toEqual({
      message: 'bad',
      corCode: 'X1',
      corName: 'CORCustomError',
      fieldErrors: [],
    });
    expect(describeErrorBody({ error: 404, message: 'nope' })).toEqual({ message: 'nope', fieldErrors: [] });
    expect(describeErrorBody({ status: '400', code: 'E', message: 'm' }).corCode).toBe('E');
    expect(describeErrorBody([{ field: 'start', validation: 'date', message: 'start must be a date' }])).toEqual({
      message: 'start: start must be a date',
      fieldErrors: [{ field: 'start', message: 'start must be a date' }],
    });
    expect(describeErrorBody('Service Unavailable').message).toBe('Service Unavailable');
    expect(describeErrorBody(undefined)).toEqual({ fieldErrors: [] });
  });

  it('parses Retry-After as seconds or as a date', () => {
    const now = new Date('2026-11-22T10:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3_000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });

  it('never carries the query string (where an authorization code travels) or a token in its message', () => {
    const e = new CorError('unauthorized', { method: 'POST', path: '/oauth2/token', status: 401, corMessage: 'bad token Bearer cor-at-123' });
    expect(e.message).toBe('COR POST /oauth2/token failed: unauthorized (HTTP 401): bad token [redacted]');
  });
});

describe('retry policy', () => {
  it('retries network trouble, 429 and 5xx; timeouts only when asked; never 4xx', () => {
    for (const code of ['network', 'rate_limited', 'server'] as const) expect(isRetryable(err(code), { retryTimeouts: false })).toBe(true);
    expect(isRetryable(err('timeout'), { retryTimeouts: false })).toBe(false);
    expect(isRetryable(err('timeout'), { retryTimeouts: true })).toBe(true);
    for (const code of ['unauthorized', 'forbidden', 'not_found', 'validation', 'bad_response'] as const) {
      expect(isRetryable(err(code), { retryTimeouts: true })).toBe(false);
    }
    expect(isRetryable(new Error('x'), { retryTimeouts: true })).toBe(false);
  });

  it('backs off exponentially with jitter, capped, and obeys Retry-After', () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(50);
    expect(backoffDelay(1, policy, () => 1)).toBe(100);
    expect(backoffDelay(3, policy, () => 1)).toBe(400);
    expect(backoffDelay(10, policy, () => 1)).toBe(1_000);
    expect(backoffDelay(10, policy, () => 0)).toBe(500);
    expect(backoffDelay(1, policy, () => 0.5, 2_500)).toBe(2_500);
  });

  it('stops after maxAttempts, and does not wait for a Retry-After beyond its limit', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const failing = async () => {
      calls++;
      throw err('server');
    };
    await expect(withRetry(failing, { policy, sleep: async (ms) => void sleeps.push(ms), random: () => 1, retryTimeouts: true })).rejects.toThrow(/server/);
    expect(calls).toBe(4);
    expect(sleeps).toEqual([100, 200, 400]);

    calls = 0;
    const tooLong = async () => {
      calls++;
      throw err('rate_limited', 60_000);
    };
    await expect(withRetry(tooLong, { policy, sleep: async () => undefined, random: () => 1, retryTimeouts: true })).rejects.toThrow(/rate_limited/);
    expect(calls).toBe(1);
  });
});
