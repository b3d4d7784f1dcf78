import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { tenantKeyOf } from '../../../domain/tenant.ts';
import type { SlackServices } from '../../services.ts';

/** app_uninstalled and tokens_revoked (bot tokens): forget the workspace's installation and links. */
export function workspaceGone(services: SlackServices) {
  return async ({ event, body, context }: SlackEventMiddlewareArgs<'app_uninstalled' | 'tokens_revoked'> & AllMiddlewareArgs): Promise<void> => {
    if (event.type === 'tokens_revoked' && !(event.tokens.bot && event.tokens.bot.length > 0)) return; // only user tokens: nothing of ours
    const tenantKey = tenantKeyOf({
      teamId: context.teamId ?? body.team_id,
      enterpriseId: context.enterpriseId ?? body.enterprise_id,
      isEnterpriseInstall: context.isEnterpriseInstall,
    });
    await services.linking.forgetWorkspace(tenantKey);
  };
}
