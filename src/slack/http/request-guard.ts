import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Registered } from '../registry.ts';

/** Slack's own bodies are small; anything larger is refused before it is read in full. */
export const MAX_SLACK_BODY_BYTES = 512 * 1024;
/** Slack signs with its clock; a request more than this far from ours, either way, is a replay or forged. */
const MAX_CLOCK_SKEW_SEC = 5 * 60;

const INTERACTION_TYPES = new Set(['block_actions', 'view_submission', 'block_suggestion', 'shortcut', 'message_action']);
const EVENT_TYPES = new Set(['event_callback', 'url_verification', 'app_rate_limited']);

export type GuardResult = { ok: true } | { ok: false; status: number; reason: string };

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = headers[name];
  return typeof v === 'string' ? v : undefined;
}

function refuse(status: number, reason: string): GuardResult {
  return { ok: false, status, reason };
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Slack's request signature: `v0=` and the HMAC-SHA256 of `v0:<timestamp>:<body>` under the signing secret. */
function signatureMatches(signature: string, timestamp: number, body: Buffer, signingSecret: string): boolean {
  const expected = Buffer.from(`v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:`).update(body).digest('hex')}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Checks a request to /slack/events before Bolt sees it. First who sent it: a signature and a timestamp within
 * 5 minutes either way (Bolt only refuses old ones), and the signature itself, so that nothing in an unverified body
 * is looked at (an unsigned caller learns nothing of what this app handles). Then Slack's `ssl_check`, answered
 * here with the empty 200 Slack expects (status 200 in the result). Then a content type and body shape Slack sends,
 * and something this app has a listener for, so that broken requests get a 4xx at once instead of holding a
 * connection until Bolt's 3 s timeout. Pure.
 */
export function checkSlackRequest(body: Buffer, headers: Record<string, string | string[] | undefined>, nowMs: number, registered: Registered, signingSecret: string): GuardResult {
  const ts = Number(header(headers, 'x-slack-request-timestamp'));
  const signature = header(headers, 'x-slack-signature');
  if (!signature || !Number.isInteger(ts)) return refuse(401, 'unsigned');
  if (Math.abs(nowMs / 1000 - ts) > MAX_CLOCK_SKEW_SEC) return refuse(401, 'timestamp out of range');
  if (!signatureMatches(signature, ts, body, signingSecret)) return refuse(401, 'bad signature');
  const type = (header(headers, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  const text = body.toString('utf8');
  if (type === 'application/json') {
    const event = parseObject(text);
    if (!event || typeof event.type !== 'string' || !EVENT_TYPES.has(event.type)) return refuse(400, 'not a Slack event');
    if (event.type === 'url_verification' && typeof event.challenge !== 'string') return refuse(400, 'url_verification without a challenge');
    return { ok: true };
  }
  if (type !== 'application/x-www-form-urlencoded') return refuse(415, 'unsupported content type');
  const form = new URLSearchParams(text);
  if (form.get('ssl_check') === '1') return refuse(200, '');
  const payloadText = form.get('payload');
  if (payloadText === null) {
    const command = form.get('command');
    if (!command || !registered.commands.includes(command)) return refuse(400, 'not a command this app handles');
    if (!form.get('user_id') || !form.get('team_id')) return refuse(400, 'command without a user or team');
    return { ok: true };
  }
  const payload = parseObject(payloadText);
  if (!payload || typeof payload.type !== 'string' || !INTERACTION_TYPES.has(payload.type)) return refuse(400, 'not an interaction this app handles');
  switch (payload.type) {
    case 'block_actions': {
      const actions = Array.isArray(payload.actions) ? (payload.actions as { action_id?: unknown }[]) : [];
      if (!actions.some((a) => typeof a.action_id === 'string' && registered.actions.includes(a.action_id))) return refuse(400, 'no action this app handles');
      return { ok: true };
    }
    case 'view_submission': {
      const view = payload.view as { callback_id?: unknown } | undefined;
      if (typeof view?.callback_id !== 'string' || !registered.views.includes(view.callback_id)) return refuse(400, 'not a view this app opened');
      return { ok: true };
    }
    case 'block_suggestion':
      if (typeof payload.action_id !== 'string' || !registered.options.includes(payload.action_id)) return refuse(400, 'no options this app serves');
      return { ok: true };
    default:
      if (typeof payload.callback_id !== 'string' || !registered.shortcuts.includes(payload.callback_id)) return refuse(400, 'not a shortcut this app declares');
      return { ok: true };
  }
}
