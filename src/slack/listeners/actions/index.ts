import type { SlackServices } from '../../services.ts';
import { ACTIONS } from '../../views/ids.ts';
import type { ListenerRegistry } from '../registry.ts';

export function registerActions(registry: ListenerRegistry, _services: SlackServices): void {
  // A URL button opens the browser by itself; Slack still sends the click, which must be acknowledged.
  registry.action(ACTIONS.openCorConsent, async ({ ack }) => {
    await ack();
  });
}
