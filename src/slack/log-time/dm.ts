import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { isReportQuestion } from '../../domain/parse/report-question.ts';
import type { Accept, AcceptedRun, AcceptedWork } from '../accepted.ts';
import { type Message, section } from '../blocks.ts';
import { ACCEPTED } from '../ids.ts';
import { messageToBotOf, tenantOfEvent } from '../payloads.ts';
import type { Texts } from '../../i18n/texts.ts';
import { textsFor, textsOfLink, withLinkOrCard } from '../person.ts';
import type { SlackServices } from '../services.ts';
import { type LogRequest, logWordsFor } from './command.ts';

/** What the bot can do with a message that logs nothing. */
function pointerMessage(t: Texts): Message {
  const text = t.t('log.pointer');
  return { text, blocks: [section(text)] };
}

/**
 * A message in the app's Messages tab is read like `/cor log`'s words (unless it asks for a report: isReportQuestion); a reply in the thread of a reminder DM logs
 * on the day that reminder is about unless the words name another. Slack has acknowledged the event already (Bolt
 * acks events before any listener); the message is recorded at once under its channel and ts, so a Slack retry or
 * a second instance receiving it does nothing, and an instance that stops mid-way leaves it to another.
 */
export function messageToBot(services: SlackServices, accept: Accept<StoredMessage>) {
  return async ({ event, body, context }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    const m = messageToBotOf(event, context.botUserId);
    if (!m) return;
    // A report question ("my week") is the reports feature's: one rule says which messages are logs.
    if (isReportQuestion(m.text)) return;
    const tenantKey = tenantOfEvent(context, body);
    const payload: StoredMessage = { tenantKey, userId: m.user, channel: m.channel, ts: m.ts, ...(m.thread_ts ? { threadTs: m.thread_ts } : {}), text: m.text };
    await accept(services, { who: { tenantKey, slackUserId: m.user }, requestId: `${m.channel}:${m.ts}`, payload }, async () => {});
  };
}

const storedMessageSchema = z.object({
  tenantKey: z.string().min(1),
  userId: z.string().min(1),
  channel: z.string().min(1),
  ts: z.string().min(1),
  threadTs: z.string().min(1).optional(),
  text: z.string(),
});
type StoredMessage = z.infer<typeof storedMessageSchema>;

/**
 * After a message to the bot was recorded (right after, or on another instance after a crash): log it, or point the
 * way. Always answered in the message's own conversation (its thread, when it was a reply): where the person looks.
 * A message delivered again (a Slack retry, a second instance) is not answered twice.
 */
export const logMessageWork: AcceptedWork<StoredMessage> = {
  kind: ACCEPTED.logMessage,
  payload: storedMessageSchema,
  repeats: 'ignore',
  answer: (m) => ({ kind: 'conversation', channel: m.channel, threadTs: m.threadTs }),
  run: logMessage,
};

async function logMessage(services: SlackServices, { payload: m, acceptedAt, respond: reply }: AcceptedRun<StoredMessage>): Promise<void> {
  const words = m.text.trim();
  if (!words) return void (await reply(pointerMessage(await textsFor(services, m.tenantKey, m.userId))));
  await withLinkOrCard(services, reply, { tenantKey: m.tenantKey, userId: m.userId }, async (link) => {
    const aboutDate = m.threadTs ? await services.reminders.dayOfReminder(link, m.channel, m.threadTs) : undefined;
    const request: LogRequest = { tenantKey: m.tenantKey, userId: m.userId, key: `dm-${m.channel}-${m.ts}`, aboutDate };
    await logWordsFor(services, link, request, words, reply, acceptedAt, pointerMessage(await textsOfLink(services, link)));
  });
}
