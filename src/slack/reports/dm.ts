import type { AcceptedRun, AcceptedWork } from '../accepted.ts';
import { ACCEPTED } from '../ids.ts';
import { type StoredMessage, storedMessageSchema } from '../messages-to-bot.ts';
import { withLinkOrCard } from '../person.ts';
import type { SlackServices } from '../services.ts';
import { answerWords } from './run.ts';

/**
 * A message to the bot that asks for a report ("my week", "¿cuántas horas este mes?"; the same rule as log-time's,
 * isReportQuestion, says it is this feature's), answered in the DM (its thread when the question was a reply):
 * nothing to share to from there.
 */
export const reportMessageWork: AcceptedWork<StoredMessage> = {
  kind: ACCEPTED.reportMessage,
  payload: storedMessageSchema,
  repeats: 'ignore',
  answer: (m) => ({ kind: 'conversation', channel: m.channel, threadTs: m.threadTs }),
  run: async (services: SlackServices, { payload: m, respond }: AcceptedRun<StoredMessage>) =>
    withLinkOrCard(services, respond, { tenantKey: m.tenantKey, userId: m.userId }, (link) => answerWords(services, link, m.text, {}, respond)),
};
