import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { Report } from '../../domain/reports/model.ts';
import type { Texts } from '../../i18n/texts.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import type { Message } from '../blocks.ts';
import { uploadFile } from '../files.ts';
import { parseJsonText, tenantOfInteraction } from '../payloads.ts';
import { textsFor, textsOfLink, withLinkOrCard } from '../person.ts';
import { afterAck, answerAt, DM, type AnswerPlace, type Respond } from '../respond.ts';
import type { SlackServices } from '../services.ts';
import { slackFailureOf } from '../slack-errors.ts';
import { refusalMessage, reportMessage, words } from './blocks.ts';
import { shareable } from './command.ts';
import { csvFileNames, reportCsv } from './csv.ts';
import { answerAsk, askOf, buttonValueSchema, drawChart, type PickValue, pickValueSchema } from './run.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** Slack's answers when the bot may not post in a channel: said in words, never retried. */
const CANNOT_POST = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action', 'cant_post_channel', 'ekm_access_denied']);

/** What a click hands a report button's work: how to answer, the clicker, the channel the click came from. */
interface Click {
  respond: Respond;
  beside: Respond;
  t: Texts;
  userId: string;
  channel: string | undefined;
}

/**
 * A click on a report's button: acked at once, then the ask it carries (read with `schema`) is run again as the
 * clicker (the domain keeps the hours a minute) and `work` answers; `beside`: where words go (next to the report, else
 * the DM). A value that does not read (an older version's button) is answered "out of date, ask again".
 */
function onClick<V extends PickValue>(services: SlackServices, schema: z.ZodType<V>, work: (link: UserLinkRecord, value: V, click: Click) => Promise<void>) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const { body } = args;
    const tenantKey = tenantOfInteraction(body);
    const userId = body.user.id;
    const value = schema.safeParse(parseJsonText((args.action as ButtonAction).value));
    const now = services.clock.now();
    const url = body.response_url;
    const at = (replace: boolean): AnswerPlace => (url ? { kind: 'response_url', url, replace, since: now } : DM);
    const who = { tenantKey, slackUserId: userId };
    const respond = answerAt(services.clients, now, who, at(true));
    const beside = answerAt(services.clients, now, who, at(false));
    const channel = body.channel?.id ?? containerSchema.safeParse(body.container).data?.channel_id;
    await afterAck(
      services,
      who,
      async () => {
        if (!value.success) {
          const t = await textsFor(services, tenantKey, userId);
          return void (await beside({ response_type: 'ephemeral', replace_original: false, ...words(t.t('reports.outOfDate')) }));
        }
        await withLinkOrCard(services, beside, { tenantKey, userId }, async (link) => work(link, value.data, { respond, beside, t: await textsOfLink(services, link), userId, channel }));
      },
      (text) => beside({ text }),
    );
  };
}

/** The click's channel, where the message with the button is. */
const containerSchema = z.object({ channel_id: z.string().min(1) });

/** The report a button carries, run again as the clicker: its outcome, or what to say instead (a group no one is linked in). */
async function runAgain(services: SlackServices, link: UserLinkRecord, t: Texts, value: PickValue): Promise<{ ok: true; report: Report; uncounted: number } | { ok: false; message: Message }> {
  const asked = await askOf(services, link, t, value);
  if (!asked.ok) return asked;
  const outcome = await services.reports.run(link, asked.ask);
  // A refusal on a click: its words only (a choice's buttons belong to a question asked anew).
  return outcome.ok ? { ok: true, report: outcome.report, uncounted: asked.uncounted } : { ok: false, message: refusalMessage(t, outcome.refusal) };
}

/** A project, client or user group picked among several that matched: the report with that one, in place of the question. */
export function pickScope(services: SlackServices) {
  return onClick(services, pickValueSchema, async (link, value, { respond, t, channel }) => {
    const asked = await askOf(services, link, t, value);
    const answer = (m: Message) => respond({ response_type: 'ephemeral', replace_original: true, ...m });
    if (!asked.ok) return void (await answer(asked.message));
    const group = value.a.people.kind === 'group' ? { id: value.a.people.id, name: value.a.people.name } : undefined;
    await answerAsk(services, link, { ask: asked.ask, group, uncounted: asked.uncounted }, { share: shareable(channel) !== undefined }, answer);
  });
}

/** Download CSV: the report's entries as a CSV file in the person's DM with the bot (never a channel). */
export function downloadCsv(services: SlackServices) {
  return onClick(services, buttonValueSchema, async (link, value, { beside, t, userId }) => {
    const run = await runAgain(services, link, t, value);
    if (!run.ok) return void (await beside(run.message));
    const report = run.report;
    const client = await services.clients.forTenant(link.tenantKey);
    const opened = await client.conversations.open({ users: userId });
    const dm = opened.channel?.id ?? userId;
    await uploadFile(client, { channel: dm, ...csvFileNames(t, report), bytes: Buffer.from(reportCsv(t, report), 'utf8') });
    await beside({ response_type: 'ephemeral', replace_original: false, ...words(t.t('reports.csvSent')) });
  });
}

/**
 * Share: the report (words, chart, table; no buttons) posted by the bot in the channel the click came from, saying
 * who shared it. Its chart is drawn anew from the report run again, so it never disagrees with the numbers.
 */
export function shareReport(services: SlackServices) {
  return onClick(services, buttonValueSchema, async (link, value, { beside, t, userId, channel }) => {
    const tell = (text: string) => beside({ response_type: 'ephemeral', replace_original: false, ...words(text) });
    const target = shareable(channel);
    if (!target) return void (await tell(t.t('reports.shareNowhere')));
    const run = await runAgain(services, link, t, value);
    if (!run.ok) return void (await beside(run.message));
    const report = run.report;
    const chart = report.totalHours > 0 ? await drawChart(services, link.tenantKey, t, report) : undefined;
    const client = await services.clients.forTenant(link.tenantKey);
    try {
      const m = reportMessage(t, report, { chart, sharedBy: userId, uncounted: run.uncounted });
      await client.chat.postMessage({ channel: target, text: m.text, blocks: m.blocks });
    } catch (err) {
      const failure = slackFailureOf(err);
      if (!failure.answered || !CANNOT_POST.has(failure.error)) throw err;
      services.logger.info({ error: failure.error }, 'a report could not be shared: the bot may not post there');
      await tell(t.t('reports.shareRefused'));
    }
  });
}
