import { ErrorCode } from '@slack/web-api';

/** What a failed Web API call says: Slack's error code, and whether Slack answered at all. */
/** Slack errors that pass by themselves: what failed with one is tried again later, by our own rules. */
const TRANSIENT = new Set(['ratelimited', 'rate_limited', 'internal_error', 'service_unavailable', 'request_timeout', 'team_added_to_org']);

export function isTransientSlackError(error: string): boolean {
  return TRANSIENT.has(error);
}

export interface SlackFailure {
  /** Slack's code (`not_in_channel`, `ratelimited`…), `timeout` when no answer came in time, else the client's */
  error: string;
  /** Slack answered with an error (it did nothing); false: the request broke off, so it may have been done */
  answered: boolean;
  /** a 429: Slack did nothing, and said when to try again (the client hands it back, it does not wait) */
  retryAfterMs?: number;
}

export function slackFailureOf(err: unknown): SlackFailure {
  if (typeof err !== 'object' || err === null) return { error: 'unknown', answered: false };
  const e = err as { code?: unknown; data?: { error?: unknown }; retryAfter?: unknown; original?: { name?: unknown } };
  if (e.code === ErrorCode.PlatformError && typeof e.data?.error === 'string') return { error: e.data.error, answered: true };
  if (e.code === ErrorCode.RateLimitedError) return { error: 'ratelimited', answered: true, retryAfterMs: (typeof e.retryAfter === 'number' ? e.retryAfter : 1) * 1000 };
  // The client's own timeout (SLACK_TIMEOUT_MS) aborted the request: it may have reached Slack.
  if (e.code === ErrorCode.RequestError && (e.original?.name === 'TimeoutError' || e.original?.name === 'AbortError')) return { error: 'timeout', answered: false };
  return { error: typeof e.code === 'string' ? e.code : 'unknown', answered: false };
}
