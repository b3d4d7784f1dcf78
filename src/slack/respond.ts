import type { KnownBlock } from '@slack/types';
import { request } from 'undici';
import { z } from 'zod';
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

/** Answers in the person's DM with the bot (a form has no response_url; App Home neither). */
export function dmTo(clients: SlackClients, tenantKey: string, slackUserId: string): Respond {
  return async (m) => (await clients.forTenant(tenantKey)).chat.postMessage({ channel: slackUserId, text: m.text, ...(m.blocks ? { blocks: m.blocks } : {}) });
}

/** A response_url works for 30 minutes: past this (with a margin), a DM is sent instead. */
const RESPONSE_URL_LIFE_MS = 25 * 60_000;

/**
 * How to answer someone a while after their request: in place of its answer while the response_url it came with
 * (`since`) still works, else — or when Slack refuses it — by DM.
 */
export function laterAnswer(
  clients: SlackClients,
  now: Date,
  to: { tenantKey: string; slackUserId: string; responseUrl: string | null | undefined; since: Date; /** in place of what it answers (default), or beside it */ replace?: boolean },
): Respond {
  const dm = dmTo(clients, to.tenantKey, to.slackUserId);
  const url = to.responseUrl;
  if (!url || now.getTime() - to.since.getTime() >= RESPONSE_URL_LIFE_MS) return dm;
  if (to.replace === false) return (m) => postToResponseUrl(url, { response_type: 'ephemeral', ...m, replace_original: false }).catch(() => dm(m));
  return (m) => postToResponseUrl(url, { response_type: 'ephemeral', replace_original: true, ...m }).catch(() => dm(m));
}

/**
 * Where the answer about an entry is, kept on its request so that whoever writes it later (the outbox worker,
 * any instance) updates that answer: a response_url (replacing what it answered, or beside it), or a message the
 * bot posted.
 */
const answerToSchema = z.union([z.object({ url: z.string().url(), replace: z.boolean() }), z.object({ channel: z.string().min(1), ts: z.string().min(1) })]);

export function answerToUrl(url: string, replace: boolean): string {
  return JSON.stringify({ url, replace });
}

export function answerToMessage(channel: string, ts: string): string {
  return JSON.stringify({ channel, ts });
}

/** The message a chat.postMessage answer names, if `posted` is one. */
export function postedMessage(posted: unknown): { channel: string; ts: string } | undefined {
  const parsed = z.object({ channel: z.string().min(1), ts: z.string().min(1) }).safeParse(posted);
  return parsed.success ? parsed.data : undefined;
}

function answerToOf(json: string | null): z.infer<typeof answerToSchema> | undefined {
  if (!json) return undefined;
  try {
    const parsed = answerToSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * How to answer about a request later: where its answer is (`answerTo`: a message is updated in place, a
 * response_url used while it lives), else its response_url, else a DM.
 */
export function answerAbout(
  clients: SlackClients,
  now: Date,
  r: { tenantKey: string; slackUserId: string; responseUrl: string | null; answerTo: string | null; createdAt: Date },
): Respond {
  const to = answerToOf(r.answerTo);
  if (to && 'channel' in to) {
    const dm = dmTo(clients, r.tenantKey, r.slackUserId);
    return async (m) => (await clients.forTenant(r.tenantKey)).chat.update({ channel: to.channel, ts: to.ts, text: m.text, blocks: m.blocks ?? [] }).catch(() => dm(m));
  }
  const url = to ?? (r.responseUrl ? { url: r.responseUrl, replace: true } : undefined);
  return laterAnswer(clients, now, { tenantKey: r.tenantKey, slackUserId: r.slackUserId, responseUrl: url?.url, since: r.createdAt, replace: url?.replace ?? true });
}
