import type { KnownBlock } from '@slack/types';
import { request } from 'undici';
import { z } from 'zod';
import { toUserMessage } from '../errors.ts';
import { textsIn } from '../i18n/texts.ts';
import type { PeopleLanguages } from '../domain/languages.ts';
import type { Logger } from '../logger.ts';
import type { SlackClients } from './services.ts';
import { slackFailureOf } from './slack-errors.ts';

export interface ResponseMessage {
  text: string;
  blocks?: KnownBlock[];
  response_type?: 'ephemeral' | 'in_channel';
  replace_original?: boolean;
}

/** Answers in place of (or beside) a command's first answer: Bolt's `respond`, or a response_url post. */
export type Respond = (message: ResponseMessage) => Promise<unknown>;

/** Slack answered a response_url post with an error status: it did nothing (unlike a timeout, which may have). */
class ResponseUrlRefused extends Error {
  constructor(readonly status: number) {
    super(`response_url answered HTTP ${status}`);
  }
}

/** Posts to a Slack response_url (valid 30 minutes, 5 uses). Throws ResponseUrlRefused when Slack refuses. */
export async function postToResponseUrl(responseUrl: string, message: ResponseMessage, timeoutMs = 5_000): Promise<void> {
  // undici's request rather than fetch: this runs once per command, and fetch costs several times the CPU.
  const res = await request(responseUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ response_type: 'ephemeral', ...message }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  await res.body.dump();
  if (res.statusCode < 200 || res.statusCode > 299) throw new ResponseUrlRefused(res.statusCode);
}

/**
 * The work that follows an ack, in the same listener. A failure is logged and told to the person (`tell`:
 * in place of the command's answer, beside a button, or as a DM after a form): nothing fails silently.
 */
export async function afterAck(
  services: { logger: Logger; turns: { next(): Promise<void> }; languages: PeopleLanguages },
  who: { tenantKey: string; slackUserId: string },
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
      .then(async () => {
        const language = await services.languages.of(who.tenantKey, who.slackUserId).catch(() => services.languages.defaultLanguage);
        return tell(toUserMessage(err, textsIn(language)));
      })
      .catch((tellErr: unknown) => logger.warn({ err: tellErr }, 'could not tell the user about a failure'));
  }
}

/**
 * Where an answer goes: in place of (or beside) what it answers through a response_url (`since`: when the url came,
 * it works for 30 minutes), a message the bot posted (updated in place), a new message in a conversation (a thread
 * when `threadTs`), or the person's DM with the bot. One type wherever the place is chosen, kept, or answered.
 */
export type AnswerPlace =
  | { kind: 'response_url'; url: string; replace: boolean; since: Date }
  | { kind: 'message'; channel: string; ts: string }
  | { kind: 'conversation'; channel: string; threadTs?: string | undefined }
  | { kind: 'dm' };

export const DM: AnswerPlace = { kind: 'dm' };

/** In place of what a response_url came with (a command's first answer, a card), as of `since`. */
export function inPlaceOf(url: string, since: Date): AnswerPlace {
  return { kind: 'response_url', url, replace: true, since };
}

/** A response_url works for 30 minutes: past this (with a margin), a DM is sent instead. */
const RESPONSE_URL_LIFE_MS = 25 * 60_000;

/**
 * How to answer `who` at `place`, as of `now`: a response_url while it lives (else, or when Slack refuses it, by DM),
 * a message updated in place (else by DM), a post in a conversation, or a DM. A DM stands in only when Slack said no:
 * after a timeout the first answer may be there, so a replacement (the same either way) is tried once more and an
 * answer beside is not (never the same answer twice).
 */
export function answerAt(clients: SlackClients, now: Date, who: { tenantKey: string; slackUserId: string }, place: AnswerPlace): Respond {
  const dm: Respond = async (m) => (await clients.forTenant(who.tenantKey)).chat.postMessage({ channel: who.slackUserId, text: m.text, ...(m.blocks ? { blocks: m.blocks } : {}) });
  switch (place.kind) {
    case 'dm':
      return dm;
    case 'conversation':
      return async (m) =>
        (await clients.forTenant(who.tenantKey)).chat.postMessage({ channel: place.channel, text: m.text, ...(m.blocks ? { blocks: m.blocks } : {}), ...(place.threadTs ? { thread_ts: place.threadTs } : {}) });
    case 'message': {
      const update: Respond = async (m) => (await clients.forTenant(who.tenantKey)).chat.update({ channel: place.channel, ts: place.ts, text: m.text, blocks: m.blocks ?? [] });
      return (m) => update(m).catch((err: unknown) => (slackFailureOf(err).answered ? dm(m) : update(m)));
    }
    case 'response_url': {
      if (now.getTime() - place.since.getTime() >= RESPONSE_URL_LIFE_MS) return dm;
      const { url } = place;
      // Beside what it answers: no message can turn it into a replacement.
      const refused = (m: ResponseMessage) => (err: unknown) => (err instanceof ResponseUrlRefused ? dm(m) : Promise.reject(err));
      if (!place.replace) return (m) => postToResponseUrl(url, { response_type: 'ephemeral', ...m, replace_original: false }).catch(refused(m));
      const replace = (m: ResponseMessage) => postToResponseUrl(url, { response_type: 'ephemeral', replace_original: true, ...m });
      return (m) => replace(m).catch((err: unknown) => (err instanceof ResponseUrlRefused ? dm(m) : replace(m).catch(refused(m))));
    }
  }
}

/** The message a chat.postMessage answer names, if `posted` is one: the place of later answers about it. */
export function postedMessage(posted: unknown): Extract<AnswerPlace, { kind: 'message' }> | undefined {
  const parsed = z.object({ channel: z.string().min(1), ts: z.string().min(1) }).safeParse(posted);
  return parsed.success ? { kind: 'message', ...parsed.data } : undefined;
}

/**
 * A place as it is kept with what it answers (a time entry's `answerTo`), for whoever answers later (the outbox
 * worker, any instance): a response_url (and whether it replaces what it answered; its life counts from the row's
 * creation), a message, a conversation; a DM is nothing kept. The JSON shapes are the ones older versions wrote.
 */
const storedSchema = z.union([
  z.object({ url: z.string().url(), replace: z.boolean() }),
  z.object({ channel: z.string().min(1), ts: z.string().min(1) }),
  z.object({ conversation: z.string().min(1), threadTs: z.string().min(1).optional() }),
]);

export function storedAnswerPlace(place: AnswerPlace | undefined): string | undefined {
  switch (place?.kind) {
    case undefined:
    case 'dm':
      return undefined;
    case 'response_url':
      return JSON.stringify({ url: place.url, replace: place.replace });
    case 'message':
      return JSON.stringify({ channel: place.channel, ts: place.ts });
    case 'conversation':
      return JSON.stringify({ conversation: place.channel, ...(place.threadTs ? { threadTs: place.threadTs } : {}) });
  }
}

/**
 * The place a stored request's answer goes: its `answerTo` (as `storedAnswerPlace` wrote it), else a bare
 * `responseUrl` (rows of older versions: in place of what it answered), else a DM. `since`: when it was stored.
 */
export function answerPlaceOf(stored: { answerTo: string | null; responseUrl: string | null }, since: Date): AnswerPlace {
  const kept = parsedJson(stored.answerTo);
  const parsed = kept === undefined ? undefined : storedSchema.safeParse(kept);
  const place = parsed?.success ? parsed.data : undefined;
  if (place && 'url' in place) return { kind: 'response_url', url: place.url, replace: place.replace, since };
  if (place && 'ts' in place) return { kind: 'message', channel: place.channel, ts: place.ts };
  if (place && 'conversation' in place) return { kind: 'conversation', channel: place.conversation, threadTs: place.threadTs };
  return stored.responseUrl ? { kind: 'response_url', url: stored.responseUrl, replace: true, since } : DM;
}

function parsedJson(json: string | null): unknown {
  if (!json) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}
