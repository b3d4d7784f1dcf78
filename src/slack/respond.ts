import type { KnownBlock } from '@slack/types';
import { request } from 'undici';
import { toUserMessage } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { SlackClients } from './services.ts';

export interface ResponseMessage {
  text: string;
  blocks?: KnownBlock[];
  response_type?: 'ephemeral' | 'in_channel';
  replace_original?: boolean;
}

/** Answers in place of (or beside) a command's first answer: Bolt's `respond`, or a response_url post. */
export type Respond = (message: ResponseMessage) => Promise<unknown>;

/** Posts to a Slack response_url (valid 30 minutes, 5 uses). Throws when Slack refuses. */
export async function postToResponseUrl(responseUrl: string, message: ResponseMessage, timeoutMs = 5_000): Promise<void> {
  // undici's request rather than fetch: this runs once per command, and fetch costs several times the CPU.
  const res = await request(responseUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ response_type: 'ephemeral', ...message }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  await res.body.dump();
  if (res.statusCode < 200 || res.statusCode > 299) throw new Error(`response_url answered HTTP ${res.statusCode}`);
}

/**
 * The work that follows an ack, in the same listener. A failure is logged and told to the person (`tell`:
 * in place of the command's answer, beside a button, or as a DM after a form): nothing fails silently.
 */
export async function afterAck(
  services: { logger: Logger; turns: { next(): Promise<void> } },
  work: () => Promise<void>,
  tell: (text: string) => Promise<unknown>,
): Promise<void> {
  const { logger } = services;
  // The requests already read go first: their acks go out before this work starts.
  await services.turns.next();
  try {
    await work();
  } catch (err) {
    logger.error({ err }, 'work after an ack failed');
    await Promise.resolve()
      .then(() => tell(toUserMessage(err)))
      .catch((tellErr: unknown) => logger.warn({ err: tellErr }, 'could not tell the user about a failure'));
  }
}

/** A response_url works for 30 minutes: past this (with a margin), a DM is sent instead. */
const RESPONSE_URL_LIFE_MS = 25 * 60_000;

/**
 * How to answer someone a while after their request: in place of its answer while the response_url it came with
 * (`since`) still works, else — or when Slack refuses it — by DM.
 */
export function laterAnswer(clients: SlackClients, now: Date, to: { tenantKey: string; slackUserId: string; responseUrl: string | null | undefined; since: Date }): Respond {
  const dm: Respond = async (m) => (await clients.forTenant(to.tenantKey)).chat.postMessage({ channel: to.slackUserId, text: m.text, ...(m.blocks ? { blocks: m.blocks } : {}) });
  const url = to.responseUrl;
  if (!url || now.getTime() - to.since.getTime() >= RESPONSE_URL_LIFE_MS) return dm;
  return (m) => postToResponseUrl(url, { response_type: 'ephemeral', replace_original: true, ...m }).catch(() => dm(m));
}
