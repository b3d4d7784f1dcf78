import { type Logger as SlackLogger, WebClient, type WebClientOptions } from '@slack/web-api';

/** What every Web API client of the bot is made with. */
export interface SlackClientSettings {
  /** the Web API base (`SLACK_API_URL`) */
  apiUrl: string;
  /** how long one call may take before it is given up (`SLACK_TIMEOUT_MS`) */
  timeoutMs: number;
  /** where the client's own messages go; its default is the console (Bolt gives its clients its own logger) */
  logger?: SlackLogger | undefined;
}

/**
 * The options of every Web API client the bot uses (its own, Bolt's, the OAuth installer's): one attempt with a
 * timeout, and a 429 handed back to the caller. @slack/web-api would otherwise try a failed call again about ten
 * times over half an hour (a `chat.postMessage` whose answer was lost, posted again) and pause the whole client
 * on a 429: what is tried again is the caller's decision (see slack-errors.ts). A new object each time: Bolt
 * writes its logger into the one it is given.
 */
export function slackClientOptions(settings: SlackClientSettings): WebClientOptions {
  return {
    slackApiUrl: settings.apiUrl,
    timeout: settings.timeoutMs,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    ...(settings.logger ? { logger: settings.logger } : {}),
  };
}

/** A Web API client for a bot token, made as every other (see slackClientOptions). */
export function slackClient(token: string, settings: SlackClientSettings): WebClient {
  return new WebClient(token, slackClientOptions(settings));
}

/**
 * The one exception: the Socket Mode connection's client, which only asks `apps.connections.open` for a socket
 * URL (it posts nothing). It keeps the library's own retries, since the socket library stops reconnecting for
 * good on the first failed call without them; it gets the timeout.
 */
export function socketModeClientOptions(settings: Omit<SlackClientSettings, 'logger'>): WebClientOptions {
  return { slackApiUrl: settings.apiUrl, timeout: settings.timeoutMs };
}
