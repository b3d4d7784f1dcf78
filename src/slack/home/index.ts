import { isLanguage } from '../../lib/language.ts';
import { ACTIONS } from '../ids.ts';
import { tenantOfEvent, tenantOfInteraction } from '../payloads.ts';
import type { ListenerRegistry } from '../registry.ts';
import type { SlackServices } from '../services.ts';

/** App Home: the person's Home tab, published when they open it (HomeTab redraws it after their changes). */
export function registerHome(registry: ListenerRegistry, services: SlackServices): void {
  registry.event('app_home_opened', async ({ event, body, client, context }) => {
    if (event.tab !== 'home') return;
    await services.home.opened(services, client, tenantOfEvent(context, body), event.user);
  });
  // The language select on Home: their choice kept, and Home drawn again at once in it.
  registry.action(ACTIONS.homeLanguage, async ({ ack, body, action, client }) => {
    await ack();
    const choice = action.type === 'static_select' ? action.selected_option?.value : undefined;
    if (!choice || (choice !== 'auto' && !isLanguage(choice))) return;
    const tenantKey = tenantOfInteraction(body);
    await services.languages.choose(tenantKey, body.user.id, choice);
    await services.home.opened(services, client, tenantKey, body.user.id);
  });
}
