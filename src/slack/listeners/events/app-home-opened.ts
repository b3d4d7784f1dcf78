import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackServices } from '../../services.ts';
import { welcomeHome } from '../../views/home.ts';

/** Publishes the Home tab when someone opens it. */
export function appHomeOpened(_services: SlackServices) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    await client.views.publish({ user_id: event.user, view: welcomeHome() });
  };
}
