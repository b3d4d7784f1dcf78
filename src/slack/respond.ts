import type { KnownBlock } from '@slack/types';
import { request } from 'undici';
import { toUserMessage } from '../errors.ts';
import type { Logger } from '../logger.ts';

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
