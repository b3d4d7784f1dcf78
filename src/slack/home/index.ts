import { tenantOfEvent } from '../payloads.ts';
import type { ListenerRegistry } from '../registry.ts';
import type { SlackServices } from '../services.ts';

/** App Home: the person's Home tab, published when they open it (HomeTab redraws it after their changes). */
export function registerHome(registry: ListenerRegistry, services: SlackServices): void {
  registry.event('app_home_opened', async ({ event, body, client, context }) => {
    if (event.tab !== 'home') return;
    await services.home.opened(services, client, tenantOfEvent(context, body), event.user);
  });
}
