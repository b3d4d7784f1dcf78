import { z } from 'zod';
import type { LogContext, ParsedLog } from '../../domain/parse/log-command.ts';
import { type LineParse, parseLogLine } from '../../domain/parse/log-line.ts';
import type { Texts } from '../../i18n/texts.ts';
import { addDays, localParts } from '../../lib/zoned.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import type { Message } from '../blocks.ts';
import type { SubcommandHandler } from '../command.ts';
import { outcomeMessage, rememberAnswer, taskNotFoundMessage } from '../entry-answers.ts';
import type { Accept, AcceptedRun, AcceptedWork } from '../accepted.ts';
import { ACCEPTED } from '../ids.ts';
import { slashCommandSchema, tenantOfCommand } from '../payloads.ts';
import { answerWithLinkCard, textsFor, textsOfLink, withLinkOrCard, zoneOf } from '../person.ts';
import { type AnswerPlace, inPlaceOf, storedAnswerPlace } from '../respond.ts';
import type { SlackServices } from '../services.ts';
import { chooseMessage, confirmMessage, noTaskMessage, parseErrorMessage, type PendingLog, working } from './blocks.ts';
import { logLineFor } from './line.ts';
import { openLogModal } from './open-form.ts';

/**
 * `/cor log <words>`: recorded and acked at once, then parsed, resolved against COR and written (or asked first
 * when something had to be guessed), answering in place through response_url. Recorded first: an instance that
 * stops after the ack leaves the command to another (see accepted.ts).
 */
export function logSubcommand(services: SlackServices, accept: Accept<LogWords>): SubcommandHandler {
  return async (args, command, rest) => {
    if (!rest) {
      // No words: the log-time form, opened before the trigger (3 s) runs out.
      await args.ack();
      const opened = await openLogModal(services, args.client, { triggerId: command.trigger_id, tenantKey: tenantOfCommand(command), userId: command.user_id });
      if (!opened) await answerWithLinkCard(services, args.respond, command, 'not_linked');
      return;
    }
    const who = { tenantKey: tenantOfCommand(command), slackUserId: command.user_id };
    // "Logging…" in the person's language as the store knows it: no Slack call before the ack.
    const workingIn = async () => working(await textsFor(services, who.tenantKey, who.slackUserId, { askSlack: false }));
    await accept(services, { who, requestId: command.trigger_id, payload: { command, rest } }, { withWords: async (say) => args.ack({ response_type: 'ephemeral', ...(say ?? (await workingIn())) }) });
  };
}

const logWordsSchema = z.object({ command: slashCommandSchema, rest: z.string().min(1) });
type LogWords = z.infer<typeof logWordsSchema>;

/** `/cor log <words>` after its ack (right after, or on another instance after a crash): answered in place of its first answer. */
export const logWordsWork: AcceptedWork<LogWords> = {
  kind: ACCEPTED.logWords,
  payload: logWordsSchema,
  answer: ({ command }, acceptedAt) => inPlaceOf(command.response_url, acceptedAt),
  run: logWords,
};

async function logWords(services: SlackServices, { payload, acceptedAt, place, respond }: AcceptedRun<LogWords>): Promise<void> {
  const { command, rest } = payload;
  const request: LogRequest = { tenantKey: tenantOfCommand(command), userId: command.user_id, key: command.trigger_id, channelId: command.channel_id, answer: place };
  await withLinkOrCard(services, respond, command, (link) => logWordsFor(services, link, request, rest, respond, acceptedAt));
}

/** Ten entries fit in far less; longer text is not read at all (reading it would hold the instance up). */
const MAX_WORDS = 2_000;

function tooLongMessage(t: Texts): Message {
  const text = t.t('log.tooLong');
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/** Who asked to log, and where: the key of their Slack request makes each entry's idempotency key. */
export interface LogRequest {
  tenantKey: string;
  userId: string;
  key: string;
  /** where it was asked: a channel that is a COR project prefers that project's tasks */
  channelId?: string | undefined;
  /** where the answer about its entries goes once they are written (none: a message posted later, else a DM) */
  answer?: AnswerPlace | undefined;
  /** the day words that name none are about (a reply to a reminder: the reminder's day); else today */
  aboutDate?: string | undefined;
}

/** Parse (as of when it was said), resolve and write (or ask) for one linked person. */
export async function logWordsFor(
  services: SlackServices,
  link: UserLinkRecord,
  request: LogRequest,
  words: string,
  respond: (m: Message) => Promise<unknown>,
  saidAt: Date,
  /** said instead of a parse error when the words hold no time at all (a message to the bot that is not a log) */
  nothingToLog?: Message,
): Promise<void> {
  const t = await textsOfLink(services, link);
  if (words.length > MAX_WORDS) return void (await respond(tooLongMessage(t)));
  const { tz, locale } = await zoneOf(services, link);
  const read = readWords(words, { now: saidAt, tz, locale }, request.aboutDate);
  if (!read.ok) {
    const nothing = nothingToLog && (read.error.code === 'empty' || read.error.code === 'no_duration');
    return void (await respond(nothing ? nothingToLog : parseErrorMessage(t, read.error, read.part)));
  }
  const project = request.channelId ? await services.projects.ofChannel(link.tenantKey, request.channelId) : undefined;
  const preferred = project && { projectId: project.corProjectId, name: project.name };
  const [parsed, ...more] = read.entries;
  if (!parsed) return;
  if (more.length > 0) return logLineFor(services, link, t, request, read.entries, respond, tz, preferred);
  const resolution = await services.entries.resolve(link, parsed, tz, preferred);
  const pending = pendingOf(request, parsed.task?.kind === 'query' ? parsed.task.text : undefined);
  switch (resolution.kind) {
    case 'ready': {
      const outcome = await services.entries.submit(link, resolution.proposal, idempotencyKey(pending), storedAnswerPlace(request.answer));
      return void (await rememberAnswer(services, [outcome], await respond(await outcomeMessage(services, link, resolution.proposal, outcome, tz))));
    }
    case 'confirm':
      return void (await respond(confirmMessage(t, resolution.proposal, tz, withSpan(pending, resolution.proposal))));
    case 'choose':
      return void (await respond(chooseMessage(t, resolution.options, resolution.draft, tz, withSpan(pending, resolution.draft), resolution.query)));
    case 'no_task':
      return void (await respond(noTaskMessage(t, resolution.query)));
    case 'task_not_found':
      return void (await respond(taskNotFoundMessage(t, resolution.taskId)));
  }
}

/** A reminder about a day longer ago than this is not taken as a reply's day unasked. */
const OLD_REMINDER_DAYS = 7;

/**
 * The words read in the person's zone; `aboutDate` (a reply to a reminder) is the day of every entry only when
 * the words name no day at all: "1h QA, 2h docs yesterday" in reply to Friday's reminder is all yesterday. A reply
 * to a reminder over a week old may be about today as well: that day is asked (a doubt), not written unasked.
 */
function readWords(words: string, ctx: LogContext, aboutDate: string | undefined): LineParse {
  const read = parseLogLine(words, ctx);
  if (!aboutDate) return read;
  if (read.ok && read.entries.some((e) => e.dateSource !== 'default')) return read;
  const onReminderDay = parseLogLine(words, { ...ctx, defaultDate: aboutDate });
  if (!onReminderDay.ok || aboutDate >= addDays(localParts(ctx.now, ctx.tz).date, -OLD_REMINDER_DAYS)) return onReminderDay;
  const asked = (e: ParsedLog): ParsedLog => (e.date === aboutDate ? { ...e, doubts: ['date', ...(e.doubts ?? []).filter((d) => d !== 'date')] } : e);
  return { ...onReminderDay, entries: onReminderDay.entries.map(asked) };
}

function pendingOf(request: LogRequest, query: string | undefined): PendingLog {
  return { u: request.userId, t: request.tenantKey, k: request.key, s: '', e: '', ...(query ? { q: query } : {}) };
}

function withSpan(pending: PendingLog, p: { start: Date; stop: Date; note?: string | undefined; task?: { id: number } }): PendingLog {
  return { ...pending, s: p.start.toISOString(), e: p.stop.toISOString(), ...(p.note ? { n: p.note } : {}), ...(p.task ? { task: p.task.id } : {}) };
}

/** One request of a person, one entry: a resent command or a second click reuses the key. */
export function idempotencyKey(pending: Pick<PendingLog, 't' | 'k'>): string {
  return `log:${pending.t}:${pending.k}`;
}
