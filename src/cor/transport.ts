import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { Agent, type Dispatcher, interceptors, request as httpRequest } from 'undici';
import type { z } from 'zod';
import type { Clock, Sleep } from '../lib/clock.ts';
import { realSleep } from '../lib/clock.ts';
import type { Logger } from '../logger.ts';
import { CorError, codeForStatus, describeErrorBody, parseRetryAfter } from './errors.ts';
import { DEFAULT_RETRY, type RetryPolicy, withRetry } from './retry.ts';

export interface CorTransportOptions {
  apiUrl: string;
  integrationsUrl: string;
  timeoutMs: number;
  clock: Clock;
  logger: Logger;
  retry?: RetryPolicy;
  sleep?: Sleep;
  /** waited on before an answer is worked on (see TurnGate) */
  turns?: { next(): Promise<void> };
  random?: () => number;
}

/**
 * `safe`: may be repeated blindly (GETs): retried on network errors, timeouts, 429 and 5xx.
 * `token`: token endpoints: retried on network errors, 429 and 5xx, not after a timeout (a refresh may have rotated).
 * `never`: writes such as POST /hours: one attempt, the caller owns what happens next.
 */
type RetryMode = 'safe' | 'token' | 'never';

export interface CorRequest<T> {
  method: 'GET' | 'POST' | 'PUT';
  base?: 'api' | 'integrations';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  form?: Record<string, string>;
  authorization?: string;
  schema: z.ZodType<T>;
  retry: RetryMode;
}

/** A compressed answer (asked for: large lists shrink several times), as text. */
function decoded(body: Buffer, encoding: string | string[] | undefined): string {
  switch (String(encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
      return gunzipSync(body).toString('utf8');
    case 'br':
      return brotliDecompressSync(body).toString('utf8');
    case 'deflate':
      return inflateSync(body).toString('utf8');
    default:
      return body.toString('utf8');
  }
}

/** One HTTP exchange with COR: timeout, error mapping, answer validation, retries. */
export class CorTransport {
  readonly #opts: CorTransportOptions;
  readonly #sleep: Sleep;
  readonly #random: () => number;
  readonly #retry: RetryPolicy;
  /** Follows a few redirects, as fetch did on its own. */
  readonly #dispatcher: Dispatcher = new Agent().compose(interceptors.redirect({ maxRedirections: 3 }));

  constructor(opts: CorTransportOptions) {
    this.#opts = opts;
    this.#sleep = opts.sleep ?? realSleep;
    this.#random = opts.random ?? Math.random;
    this.#retry = opts.retry ?? DEFAULT_RETRY;
  }

  request<T>(req: CorRequest<T>): Promise<T> {
    if (req.retry === 'never') return this.#once(req);
    return withRetry(() => this.#once(req), {
      policy: this.#retry,
      sleep: this.#sleep,
      random: this.#random,
      retryTimeouts: req.retry === 'safe',
      onRetry: (err, delayMs, attempt) =>
        this.#opts.logger.warn({ method: req.method, path: req.path, code: err.code, status: err.status, delayMs, attempt }, 'COR request will be retried'),
    });
  }

  async #once<T>(req: CorRequest<T>): Promise<T> {
    const base = req.base === 'integrations' ? this.#opts.integrationsUrl : this.#opts.apiUrl;
    const url = new URL(base + req.path);
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { accept: 'application/json', 'accept-encoding': 'gzip, deflate, br' };
    if (req.authorization) headers.authorization = req.authorization;
    let body: string | undefined;
    if (req.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.json);
    } else if (req.form !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(req.form).toString();
    }
    const where = { method: req.method, path: req.path };
    const started = performance.now();
    // undici's request, not fetch: a fifth of the CPU per exchange (no WHATWG streams).
    let status: number;
    let retryAfter: string | undefined;
    let raw: Buffer;
    let encoding: string | string[] | undefined;
    // One deadline for the whole exchange (undici's own headers/body timeouts tick in whole seconds).
    const deadline = AbortSignal.timeout(this.#opts.timeoutMs);
    try {
      const res = await httpRequest(url, { method: req.method, headers, body, signal: deadline, dispatcher: this.#dispatcher });
      status = res.statusCode;
      const header = res.headers['retry-after'];
      retryAfter = Array.isArray(header) ? header[0] : header;
      raw = Buffer.from(await res.body.arrayBuffer());
      encoding = res.headers['content-encoding'];
    } catch (cause) {
      const timedOut = deadline.aborted;
      throw new CorError(timedOut ? 'timeout' : 'network', { ...where, cause: timedOut ? undefined : cause });
    }
    let text: string;
    try {
      text = decoded(raw, encoding);
    } catch {
      throw new CorError('bad_response', { ...where, status, corMessage: 'the answer could not be decompressed' });
    }
    this.#opts.logger.debug({ ...where, status, ms: Math.round(performance.now() - started) }, 'COR request');
    // What follows an answer (parsing it, the store, the next request) takes its turn: Slack requests that
    // arrived with a wave of answers are acknowledged without waiting for all of it.
    await this.#opts.turns?.next();
    let parsed: unknown;
    let parseFailed = false;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parseFailed = true;
      parsed = text;
    }
    if (status < 200 || status > 299) {
      const said = describeErrorBody(parsed);
      const retryAfterMs = parseRetryAfter(retryAfter ?? null, this.#opts.clock.now());
      throw new CorError(codeForStatus(status), {
        ...where,
        status,
        ...(said.message === undefined ? {} : { corMessage: said.message }),
        ...(said.corCode === undefined ? {} : { corCode: said.corCode }),
        ...(said.corName === undefined ? {} : { corName: said.corName }),
        fieldErrors: said.fieldErrors,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      });
    }
    if (parseFailed) throw new CorError('bad_response', { ...where, status, corMessage: 'the answer is not JSON' });
    const result = req.schema.safeParse(parsed);
    if (!result.success) {
      const first = result.error.issues[0];
      throw new CorError('bad_response', {
        ...where,
        status,
        corMessage: `unexpected answer${first ? ` at ${first.path.join('.') || '(root)'}: ${first.message}` : ''}`,
      });
    }
    return result.data;
  }
}
