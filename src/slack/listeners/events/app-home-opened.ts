import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { tenantKeyOf } from '../../../domain/tenant.ts';
import type { SlackServices } from '../../services.ts';

/** Publishes the person's Home tab when they open it. */
export function appHomeOpened(services: SlackServices) {
  return async ({ event, body, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    const tenantKey = tenantKeyOf({ teamId: typeof body.team_id === 'string' ? body.team_id : undefined, enterpriseId: typeof body.enterprise_id === 'string' ? body.enterprise_id : undefined });
    await services.home.opened(services, client, tenantKey, event.user);
  };
}
