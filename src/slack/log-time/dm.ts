import type { AcceptedRun, AcceptedWork } from '../accepted.ts';
import { type Message, section } from '../blocks.ts';
import { ACCEPTED } from '../ids.ts';
import { type StoredMessage, storedMessageSchema } from '../messages-to-bot.ts';
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
 * A message in the app's Messages tab is read like `/cor log`'s words (unless it asks for a report: the reports
 * feature's, by isReportQuestion); a reply in the thread of a reminder DM logs on the day that reminder is about
 * unless the words name another.
 *
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
