import { ErrorCode } from '@slack/web-api';

/** What a failed Web API call says: Slack's error code, and whether Slack answered at all. */
export interface SlackFailure {
  /** Slack's code (`not_in_channel`, `ratelimited`…), else the client's (a network error, a timeout) */
  error: string;
  /** Slack answered with an error (it did nothing); false: the request broke off, so it may have been done */
  answered: boolean;
}

export function slackFailureOf(err: unknown): SlackFailure {
  if (typeof err !== 'object' || err === null) return { error: 'unknown', answered: false };
  const e = err as { code?: unknown; data?: { error?: unknown } };
  if (e.code === ErrorCode.PlatformError && typeof e.data?.error === 'string') return { error: e.data.error, answered: true };
  if (e.code === ErrorCode.RateLimitedError) return { error: 'ratelimited', answered: true };
  return { error: typeof e.code === 'string' ? e.code : 'unknown', answered: false };
}
