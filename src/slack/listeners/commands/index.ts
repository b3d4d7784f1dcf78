import type { App } from '@slack/bolt';
import type { SlackServices } from '../../services.ts';
import { COMMAND } from '../../views/ids.ts';
import { corCommand } from './cor.ts';

export function registerCommands(app: App, services: SlackServices): void {
  app.command(COMMAND, corCommand(services));
}
