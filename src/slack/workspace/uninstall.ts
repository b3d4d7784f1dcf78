import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { tenantOfEvent } from '../payloads.ts';
import type { SlackServices } from '../services.ts';

/** app_uninstalled and tokens_revoked (bot tokens): forget the workspace's installation and links. */
export function workspaceGone(services: SlackServices) {
  return async ({ event, body, context }: SlackEventMiddlewareArgs<'app_uninstalled' | 'tokens_revoked'> & AllMiddlewareArgs): Promise<void> => {
    if (event.type === 'tokens_revoked' && !(event.tokens.bot && event.tokens.bot.length > 0)) return; // only user tokens: nothing of ours
    await services.linking.forgetWorkspace(tenantOfEvent(context, body));
  };
}
