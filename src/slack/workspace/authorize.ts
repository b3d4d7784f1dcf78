import type { Authorize } from '@slack/bolt';
import { tenantKeyOf } from '../../domain/tenant.ts';
import { AppError } from '../../errors.ts';
import type { Installations } from './installations.ts';

/** Who the bot is in the workspace, learned once at start-up (auth.test) so no request waits on it. */
export interface BotIdentity {
  botId: string;
  botUserId: string;
  teamId: string | undefined;
}

/** Single workspace: the one bot token and identity, for every request. */
export function singleWorkspaceAuthorize(botToken: string, identity: BotIdentity): Authorize<boolean> {
  return async () => ({ botToken, botId: identity.botId, botUserId: identity.botUserId, teamId: identity.teamId });
}

/** Multi-workspace: each request's workspace (or org) is looked up in the installation store. */
export function installationAuthorize(installations: Pick<Installations, 'find'>): Authorize<boolean> {
  return async (source) => {
    const found = await installations.find(tenantKeyOf(source));
    if (!found) throw new AppError('unknown_tenant', 'this workspace has not installed the app');
    return {
      botToken: found.botToken,
      ...(found.botId ? { botId: found.botId } : {}),
      ...(found.botUserId ? { botUserId: found.botUserId } : {}),
      ...(found.teamId ? { teamId: found.teamId } : {}),
      ...(found.enterpriseId ? { enterpriseId: found.enterpriseId } : {}),
    };
  };
}
