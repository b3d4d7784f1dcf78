import type { App } from '@slack/bolt';
import type { SlackServices } from '../services.ts';
import { registerCommands } from './commands/index.ts';
import { registerEvents } from './events/index.ts';

/** The one list of listener kinds; each kind's index.ts registers its own. */
export function registerListeners(app: App, services: SlackServices): void {
  registerCommands(app, services);
  registerEvents(app, services);
}
