import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { Accept } from './accepted.ts';
import { messageToBotOf, tenantOfEvent } from './payloads.ts';
import type { SlackServices } from './services.ts';

/** A message to the bot as kept with its acknowledged work (finished by any instance after a crash). */
export const storedMessageSchema = z.object({
  tenantKey: z.string().min(1),
  userId: z.string().min(1),
  channel: z.string().min(1),
  ts: z.string().min(1),
  threadTs: z.string().min(1).optional(),
  text: z.string(),
});
export type StoredMessage = z.infer<typeof storedMessageSchema>;

/**
 * The listener of one feature's messages to the bot (`mine` says which: log-time and reports read them by one rule,
 * so each message is one feature's). Slack has acknowledged the event already (Bolt acks events before any
 * listener); the message is recorded at once under its channel and ts, so a Slack retry or a second instance
 * receiving it does nothing, and an instance that stops mid-way leaves it to another.
 */
export function messagesToBot(services: SlackServices, accept: Accept<StoredMessage>, mine: (text: string) => boolean) {
  return async ({ event, body, context }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    const m = messageToBotOf(event, context.botUserId);
    if (!m || !mine(m.text)) return;
    const tenantKey = tenantOfEvent(context, body);
    const payload: StoredMessage = { tenantKey, userId: m.user, channel: m.channel, ts: m.ts, ...(m.thread_ts ? { threadTs: m.thread_ts } : {}), text: m.text };
    await accept(services, { who: { tenantKey, slackUserId: m.user }, requestId: `${m.channel}:${m.ts}`, payload }, async () => {});
  };
}
