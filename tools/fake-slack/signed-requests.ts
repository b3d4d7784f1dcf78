/**
 * Sends Slack-signed requests to the bot, as Slack does: slash commands and interactions form-encoded,
 * events as JSON, each with X-Slack-Signature over `v0:{timestamp}:{body}`.
 */
import { createHmac } from 'node:crypto';
/** Hands out a response_url per request (the fake Slack, or a fakes process's base). */
export interface ResponseUrls {
  newResponseUrl(): string;
}

export function slackSignature(signingSecret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SentRequest {
  status: number;
  text: string;
  json: unknown;
  ms: number;
}

export interface SignOptions {
  /** seconds since the epoch; defaults to now */
  timestamp?: number;
  /** send this signature instead of the right one */
  signature?: string;
  /** Slack's redelivery of an event it saw no answer to: the same event_id, with X-Slack-Retry-Num */
  retry?: { eventId: string; num: number };
}

export interface SlashCommandInput {
  text?: string;
  user_id?: string;
  team_id?: string;
  channel_id?: string;
  command?: string;
  trigger_id?: string;
  response_url?: string;
}

export class SlackRequestSender {
  readonly #url: string;
  readonly #secret: string;
  readonly #slack: ResponseUrls | undefined;
  #seq = 0;

  /** `botUrl` is the bot's events URL, e.g. http://127.0.0.1:3000/slack/events. */
  constructor(botUrl: string, signingSecret: string, fakeSlack?: ResponseUrls) {
    this.#url = botUrl;
    this.#secret = signingSecret;
    this.#slack = fakeSlack;
  }

  async send(body: string, contentType: string, opts: SignOptions = {}): Promise<SentRequest> {
    const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
    const started = performance.now();
    const res = await fetch(this.#url, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': opts.signature ?? slackSignature(this.#secret, timestamp, body),
        ...(opts.retry ? { 'x-slack-retry-num': String(opts.retry.num), 'x-slack-retry-reason': 'http_timeout' } : {}),
      },
      body,
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, text, json, ms: performance.now() - started };
  }

  /** A slash command; returns what the bot acked plus the response_url it was given. */
  async slashCommand(input: SlashCommandInput = {}, opts: SignOptions = {}): Promise<SentRequest & { responseUrl: string }> {
    const responseUrl = input.response_url ?? this.#slack?.newResponseUrl() ?? 'http://127.0.0.1:9/response';
    const form = new URLSearchParams({
      token: 'deprecated-verification-token',
      team_id: input.team_id ?? 'T0DEMO',
      team_domain: 'demo',
      channel_id: input.channel_id ?? 'C0GENERAL',
      channel_name: 'general',
      user_id: input.user_id ?? 'U01JANE',
      user_name: 'jane',
      command: input.command ?? '/cor',
      text: input.text ?? '',
      api_app_id: 'A0COR',
      is_enterprise_install: 'false',
      response_url: responseUrl,
      trigger_id: input.trigger_id ?? `${++this.#seq}.trigger`,
    });
    const sent = await this.send(form.toString(), 'application/x-www-form-urlencoded', opts);
    return { ...sent, responseUrl };
  }

  /** Block actions, view submissions, shortcuts: `payload=<json>` form-encoded. */
  interaction(payload: Record<string, unknown>, opts: SignOptions = {}): Promise<SentRequest> {
    return this.send(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', opts);
  }

  /** An Events API callback. */
  event(event: Record<string, unknown>, teamId = 'T0DEMO', opts: SignOptions = {}): Promise<SentRequest> {
    const body = JSON.stringify({
      token: 'deprecated-verification-token',
      team_id: teamId,
      api_app_id: 'A0COR',
      event,
      type: 'event_callback',
      event_id: opts.retry?.eventId ?? `Ev${Date.now()}${++this.#seq}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: teamId, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    });
    return this.send(body, 'application/json', opts);
  }
}
