import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { isReportQuestion } from '../../domain/parse/report-question.ts';
import type { Accept, AcceptedRun, AcceptedWork } from '../accepted.ts';
import { ACCEPTED } from '../ids.ts';
import { messageToBotOf, tenantOfEvent } from '../payloads.ts';
import { withLinkOrCard } from '../person.ts';
import type { SlackServices } from '../services.ts';
import { answerWords } from './run.ts';

/**
 * A message to the bot that asks for a report ("my week", "¿cuántas horas este mes?"): the same rule as log-time's
 * (isReportQuestion) says it is this feature's. Recorded at once under its channel and ts, as a log is: a Slack
 * retry or a second instance answers nothing twice.
 */
export function reportQuestionToBot(services: SlackServices, accept: Accept<StoredQuestion>) {
  return async ({ event, body, context }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    const m = messageToBotOf(event, context.botUserId);
    if (!m || !isReportQuestion(m.text)) return;
    const tenantKey = tenantOfEvent(context, body);
    const payload: StoredQuestion = { tenantKey, userId: m.user, channel: m.channel, ...(m.thread_ts ? { threadTs: m.thread_ts } : {}), text: m.text };
    await accept(services, { who: { tenantKey, slackUserId: m.user }, requestId: `${m.channel}:${m.ts}`, payload }, async () => {});
  };
}

const storedQuestionSchema = z.object({ tenantKey: z.string().min(1), userId: z.string().min(1), channel: z.string().min(1), threadTs: z.string().min(1).optional(), text: z.string() });
type StoredQuestion = z.infer<typeof storedQuestionSchema>;

/** The report, answered in the DM (its thread when the question was a reply): nothing to share to from there. */
export const reportMessageWork: AcceptedWork<StoredQuestion> = {
  kind: ACCEPTED.reportMessage,
  payload: storedQuestionSchema,
  repeats: 'ignore',
  answer: (m) => ({ kind: 'conversation', channel: m.channel, threadTs: m.threadTs }),
  run: async (services: SlackServices, { payload: m, respond }: AcceptedRun<StoredQuestion>) =>
    withLinkOrCard(services, respond, { tenantKey: m.tenantKey, userId: m.userId }, (link) => answerWords(services, link, m.text, {}, respond)),
};
