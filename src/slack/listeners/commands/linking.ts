import { tenantKeyOf } from '../../../domain/tenant.ts';
import { AppError, toUserMessage } from '../../../errors.ts';
import type { UserLinkRecord } from '../../../store/links.ts';
import type { SlashCommand } from '../../payloads.ts';
import type { SlackServices } from '../../services.ts';
import { linkCard, unlinkedCard, whoamiCard } from '../../views/linking.ts';
import type { Respond } from '../../respond.ts';
import type { SubcommandHandler } from './cor.ts';

export function tenantOf(command: SlashCommand): string {
  return tenantKeyOf({ teamId: command.team_id, enterpriseId: command.enterprise_id, isEnterpriseInstall: command.is_enterprise_install === 'true' });
}

/**
 * `/cor link`: the link card goes out in the ack (a consent URL only needs a local store write). The guess
 * of who they are in COR needs COR and Slack, so it follows through response_url when it is known.
 */
export function linkSubcommand(services: SlackServices): SubcommandHandler {
  return async ({ ack, respond }, command) => {
    const tenantKey = tenantOf(command);
    let consentUrl: string;
    try {
      consentUrl = await services.linking.consentUrl(tenantKey, command.user_id);
    } catch (err) {
      await ack({ response_type: 'ephemeral', text: toUserMessage(err) });
      return;
    }
    const existing = await services.store.links.find(tenantKey, command.user_id);
    const reason = existing ? (existing.state === 'needs_relink' ? 'needs_relink' : 'relink') : undefined;
    await ack({ response_type: 'ephemeral', ...linkCard({ consentUrl, reason, linkedAs: existing?.corName }) });
    if (existing) return;
    try {
      const { person } = await services.linking.guess(tenantKey, command.user_id);
      if (person) await respond({ response_type: 'ephemeral', replace_original: true, ...linkCard({ consentUrl, guess: person }) });
    } catch (err) {
      services.logger.warn({ err }, 'could not guess the COR user by email');
    }
  };
}

export function whoamiSubcommand(services: SlackServices): SubcommandHandler {
  return async (args, command) => {
    await args.ack();
    const who = await services.linking.whoami(tenantOf(command), command.user_id);
    if (!who) return answerWithLinkCard(services, args.respond, command, 'not_linked');
    await args.respond({ response_type: 'ephemeral', ...whoamiCard(who) });
  };
}

export function unlinkSubcommand(services: SlackServices): SubcommandHandler {
  return async ({ ack }, command) => {
    const result = await services.linking.unlink(tenantOf(command), command.user_id);
    await ack({ response_type: 'ephemeral', ...unlinkedCard(result) });
  };
}

/** For commands that need a link: the link card instead of an error when there is none (or it lapsed). */
export async function answerWithLinkCard(services: SlackServices, respond: Respond, command: SlashCommand, reason: 'not_linked' | 'needs_relink'): Promise<void> {
  try {
    const consentUrl = await services.linking.consentUrl(tenantOf(command), command.user_id);
    await respond({ response_type: 'ephemeral', ...linkCard({ consentUrl, reason }) });
  } catch (err) {
    await respond({ response_type: 'ephemeral', text: toUserMessage(err) });
  }
}

/** Runs `work` with the caller's link, or answers with the link card (after the ack) when there is none. */
export async function withLinkOrCard(services: SlackServices, respond: Respond, command: SlashCommand, work: (link: UserLinkRecord) => Promise<void>): Promise<void> {
  let link: UserLinkRecord;
  try {
    link = await services.linking.requireLink(tenantOf(command), command.user_id);
  } catch (err) {
    if (err instanceof AppError && (err.code === 'not_linked' || err.code === 'needs_relink')) return answerWithLinkCard(services, respond, command, err.code);
    throw err;
  }
  await work(link);
}
