import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { tenantOfEvent } from '../../payloads.ts';
import type { SlackServices } from '../../services.ts';

/** Publishes the person's Home tab when they open it. */
export function appHomeOpened(services: SlackServices) {
  return async ({ event, body, client, context }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    await services.home.opened(services, client, tenantOfEvent(context, body), event.user);
  };
}
