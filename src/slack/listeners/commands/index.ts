import type { SlackServices } from '../../services.ts';
import { COMMAND } from '../../views/ids.ts';
import type { ListenerRegistry } from '../registry.ts';
import { corCommand } from './cor.ts';

export function registerCommands(registry: ListenerRegistry, services: SlackServices): void {
  registry.command(COMMAND, corCommand(services));
}
