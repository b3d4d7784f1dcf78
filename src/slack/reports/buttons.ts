import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Texts } from '../../i18n/texts.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import type { Message } from '../blocks.ts';
import { uploadFile } from '../files.ts';
import { parseJsonText, tenantOfInteraction } from '../payloads.ts';
import { textsOfLink, withLinkOrCard } from '../person.ts';
import { afterAck, answerAt, DM, type AnswerPlace, type Respond } from '../respond.ts';
import type { SlackServices } from '../services.ts';
import { slackFailureOf } from '../slack-errors.ts';
import { refusalMessage, reportMessage, words } from './blocks.ts';
import { csvFileNames, reportCsv } from './csv.ts';
import { answerAsk, askOf, type ButtonValue, buttonValueSchema, chartAltText } from './run.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** Slack's answers when the bot may not post in a channel: said in words, never retried. */
const CANNOT_POST = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action', 'cant_post_channel', 'ekm_access_denied']);

/**
 * A click on a report's button: acked at once, then the ask it carries is run again as the clicker (the domain keeps
 * the hours a minute) and `work` answers; `beside`: where words go (next to the report, else the DM).
 */
function onClick(services: SlackServices, work: (link: UserLinkRecord, value: ButtonValue, io: { respond: Respond; beside: Respond; t: Texts; userId: string }) => Promise<void>) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const tenantKey = tenantOfInteraction(args.body);
    const userId = args.body.user.id;
    const value = buttonValueSchema.safeParse(parseJsonText((args.action as ButtonAction).value));
    if (!value.success) return;
    const now = services.clock.now();
    const url = args.body.response_url;
    const at = (replace: boolean): AnswerPlace => (url ? { kind: 'response_url', url, replace, since: now } : DM);
    const who = { tenantKey, slackUserId: userId };
    const respond = answerAt(services.clients, now, who, at(true));
    const beside = answerAt(services.clients, now, who, at(false));
    await afterAck(
      services,
      who,
      () => withLinkOrCard(services, beside, { tenantKey, userId }, async (link) => work(link, value.data, { respond, beside, t: await textsOfLink(services, link), userId })),
      (text) => beside({ text }),
    );
  };
}

/** A project or client picked among several that matched: the report with that one, in place of the question. */
export function pickScope(services: SlackServices) {
  return onClick(services, (link, value, { respond }) => answerAsk(services, link, askOf(value), { share: value.c }, (m: Message) => respond({ response_type: 'ephemeral', replace_original: true, ...m })));
}

/** Download CSV: the report's entries as a CSV file in the person's DM with the bot (never a channel). */
export function downloadCsv(services: SlackServices) {
  return onClick(services, async (link, value, { beside, t, userId }) => {
    const outcome = await services.reports.run(link, askOf(value));
    if (!outcome.ok) return void (await beside(refusalMessage(t, outcome.refusal, () => '')));
    const report = outcome.report;
    const client = await services.clients.forTenant(link.tenantKey);
    const opened = await client.conversations.open({ users: userId });
    const dm = opened.channel?.id ?? userId;
    await uploadFile(client, { channel: dm, ...csvFileNames(t, report), bytes: Buffer.from(reportCsv(t, report), 'utf8') });
    await beside({ response_type: 'ephemeral', replace_original: false, ...words(t.t('reports.csvSent')) });
  });
}

/** Share: the report (words, chart, table; no buttons) posted by the bot where it was asked, saying who shared it. */
export function shareReport(services: SlackServices) {
  return onClick(services, async (link, value, { beside, t, userId }) => {
    const tell = (text: string) => beside({ response_type: 'ephemeral', replace_original: false, ...words(text) });
    if (!value.c) return void (await tell(t.t('reports.shareNowhere')));
    const outcome = await services.reports.run(link, askOf(value));
    if (!outcome.ok) return void (await beside(refusalMessage(t, outcome.refusal, () => '')));
    const report = outcome.report;
    const chart = value.f && report.totalHours > 0 ? { fileId: value.f, altText: await chartAltText(t, report) } : undefined;
    const client = await services.clients.forTenant(link.tenantKey);
    const post = (m: Message) => client.chat.postMessage({ channel: value.c ?? '', text: m.text, blocks: m.blocks });
    try {
      await post(reportMessage(t, report, { chart, sharedBy: userId })).catch(async (err: unknown) => {
        // The chart's file gone from Slack meanwhile: the numbers go without it.
        if (chart && slackFailureOf(err).error === 'invalid_blocks') return post(reportMessage(t, report, { sharedBy: userId }));
        throw err;
      });
    } catch (err) {
      const failure = slackFailureOf(err);
      if (!failure.answered || !CANNOT_POST.has(failure.error)) throw err;
      services.logger.info({ error: failure.error }, 'a report could not be shared: the bot may not post there');
      await tell(t.t('reports.shareRefused'));
    }
  });
}
