import { toUserMessage } from '../../errors.ts';
import type { SubcommandHandler } from '../command.ts';
import { tenantOfCommand } from '../payloads.ts';
import { answerWithLinkCard, linkCard, textsFor } from '../person.ts';
import type { SlackServices } from '../services.ts';
import { unlinkedCard, whoamiCard } from './blocks.ts';

/**
 * `/cor link`: the link card goes out in the ack (a consent URL only needs a local store write). The guess
 * of who they are in COR needs COR and Slack, so it follows through response_url when it is known.
 */
export function linkSubcommand(services: SlackServices): SubcommandHandler {
  return async ({ ack, respond }, command) => {
    const tenantKey = tenantOfCommand(command);
    const t = await textsFor(services, tenantKey, command.user_id, { askSlack: false });
    let consentUrl: string;
    try {
      consentUrl = await services.linking.consentUrl(tenantKey, command.user_id);
    } catch (err) {
      await ack({ response_type: 'ephemeral', text: toUserMessage(err, t) });
      return;
    }
    const existing = await services.linking.findLink(tenantKey, command.user_id);
    const reason = existing ? (existing.state === 'needs_relink' ? 'needs_relink' : 'relink') : undefined;
    await ack({ response_type: 'ephemeral', ...linkCard(t, { consentUrl, reason, linkedAs: existing?.corName }) });
    if (existing) return;
    try {
      const { person } = await services.linking.guess(tenantKey, command.user_id);
      if (person) await respond({ response_type: 'ephemeral', replace_original: true, ...linkCard(t, { consentUrl, guess: person }) });
    } catch (err) {
      services.logger.warn({ err }, 'could not guess the COR user by email');
    }
  };
}

export function whoamiSubcommand(services: SlackServices): SubcommandHandler {
  return async (args, command) => {
    await args.ack();
    const who = await services.linking.whoami(tenantOfCommand(command), command.user_id);
    if (!who) return answerWithLinkCard(services, args.respond, command, 'not_linked');
    await args.respond({ response_type: 'ephemeral', ...whoamiCard(who) });
  };
}

export function unlinkSubcommand(services: SlackServices): SubcommandHandler {
  return async ({ ack }, command) => {
    const result = await services.linking.unlink(tenantOfCommand(command), command.user_id);
    await ack({ response_type: 'ephemeral', ...unlinkedCard(result) });
  };
}
