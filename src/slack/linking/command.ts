import type { CorPerson } from '../../domain/linking.ts';
import { toUserMessage } from '../../errors.ts';
import { textsIn } from '../../i18n/texts.ts';
import type { SubcommandHandler } from '../command.ts';
import { tenantOfCommand } from '../payloads.ts';
import { answerWithLinkCard, linkCard, textsFor } from '../person.ts';
import type { SlackServices } from '../services.ts';
import { unlinkedCard, whoamiCard } from './blocks.ts';

/**
 * `/cor link`: the link card goes out in the ack (a consent URL only needs a local store write). The guess
 * of who they are in COR needs COR and Slack, so it follows through response_url when it is known; so does the card
 * in the language of their Slack profile when the ack (before any Slack call) could only speak the workspace's.
 */
export function linkSubcommand(services: SlackServices): SubcommandHandler {
  return async ({ ack, respond }, command) => {
    const tenantKey = tenantOfCommand(command);
    const existing = await services.linking.findLink(tenantKey, command.user_id);
    const t = await textsFor(services, tenantKey, command.user_id, { link: existing, askSlack: false });
    let consentUrl: string;
    try {
      consentUrl = await services.linking.consentUrl(tenantKey, command.user_id);
    } catch (err) {
      await ack({ response_type: 'ephemeral', text: toUserMessage(err, t) });
      return;
    }
    const reason = existing ? (existing.state === 'needs_relink' ? 'needs_relink' : 'relink') : undefined;
    await ack({ response_type: 'ephemeral', ...linkCard(t, { consentUrl, reason, linkedAs: existing?.corName }) });
    if (existing) return;
    const spoken = await textsFor(services, tenantKey, command.user_id);
    let guess: CorPerson | undefined;
    try {
      guess = (await services.linking.guess(tenantKey, command.user_id)).person;
    } catch (err) {
      services.logger.warn({ err }, 'could not guess the COR user by email');
    }
    if (guess || spoken !== t) await respond({ response_type: 'ephemeral', replace_original: true, ...linkCard(spoken, { consentUrl, guess }) });
  };
}

export function whoamiSubcommand(services: SlackServices): SubcommandHandler {
  return async (args, command) => {
    await args.ack();
    const tenantKey = tenantOfCommand(command);
    const who = await services.linking.whoami(tenantKey, command.user_id);
    if (!who) return answerWithLinkCard(services, args.respond, command, 'not_linked');
    // whoami reads the Slack profile again, and the link may have followed a new locale.
    services.languages.forget(tenantKey, command.user_id);
    const language = await services.languages.describe(tenantKey, command.user_id, { link: who.link }).catch(() => ({ language: services.languages.defaultLanguage, chosen: undefined }));
    await args.respond({ response_type: 'ephemeral', ...whoamiCard(textsIn(language.language), who, language) });
  };
}

/** Their words are found while the link still says their language (it is gone after the unlink). */
export function unlinkSubcommand(services: SlackServices): SubcommandHandler {
  return async ({ ack }, command) => {
    const tenantKey = tenantOfCommand(command);
    const t = await textsFor(services, tenantKey, command.user_id, { askSlack: false });
    const result = await services.linking.unlink(tenantKey, command.user_id);
    services.languages.forget(tenantKey, command.user_id);
    await ack({ response_type: 'ephemeral', ...unlinkedCard(t, result) });
  };
}
