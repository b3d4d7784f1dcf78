import type { SubcommandHandler } from '../command.ts';
import type { Message } from '../blocks.ts';
import { tenantOfCommand } from '../payloads.ts';
import { textsFor, withLinkOrCard } from '../person.ts';
import { afterAck } from '../respond.ts';
import type { SlackServices } from '../services.ts';
import { reportForm } from './blocks.ts';
import { answerWords } from './run.ts';

/** The channel a report asked in may be shared to: not a DM (the bot's own, or one it is not in). */
export function shareable(channelId: string | undefined): string | undefined {
  return channelId === undefined || channelId.startsWith('D') ? undefined : channelId;
}

/**
 * `/cor report <words>`: acked at once ("⏳"), then read, run as the person and answered in place (ephemeral).
 * `/cor report` alone: the report form, opened while the trigger lasts.
 */
export function reportSubcommand(services: SlackServices): SubcommandHandler {
  return async (args, command, rest) => {
    const tenantKey = tenantOfCommand(command);
    const early = await textsFor(services, tenantKey, command.user_id, { askSlack: false });
    if (!rest.trim()) {
      await args.ack();
      await args.client.views.open({ trigger_id: command.trigger_id, view: reportForm(early) });
      // The form's project type-ahead answers from what is read: read it while the person fills in the rest.
      const link = await services.linking.findLink(tenantKey, command.user_id).catch(() => undefined);
      if (link?.state === 'active') void services.work.track(services.reports.warmScopes(link).catch(() => undefined));
      return;
    }
    await args.ack({ response_type: 'ephemeral', text: early.t('reports.reading') });
    const respond = (m: Message) => args.respond({ response_type: 'ephemeral', replace_original: true, ...m });
    await afterAck(
      services,
      { tenantKey, slackUserId: command.user_id },
      () => withLinkOrCard(services, args.respond, command, (link) => answerWords(services, link, rest, { channelId: command.channel_id, share: shareable(command.channel_id) !== undefined }, respond)),
      (text) => args.respond({ response_type: 'ephemeral', replace_original: true, text }),
    );
  };
}
