import type { App } from '@slack/bolt';
import type { SlackServices } from '../services.ts';
import { registerActions } from './actions/index.ts';
import { registerCommands } from './commands/index.ts';
import { registerEvents } from './events/index.ts';
import { registerOptions } from './options/index.ts';
import { registerShortcuts } from './shortcuts/index.ts';
import { registerViews } from './views/index.ts';
import { ListenerRegistry, type Registered } from './registry.ts';

/** The one list of listener kinds; each kind's index.ts registers its own. Returns what was registered. */
export function registerListeners(app: App, services: SlackServices): Registered {
  const registry = new ListenerRegistry(app);
  registerCommands(registry, services);
  registerEvents(registry, services);
  registerActions(registry, services);
  registerViews(registry, services);
  registerOptions(registry, services);
  registerShortcuts(registry, services);
  return registry.registered;
}
