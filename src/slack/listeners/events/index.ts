import type { SlackServices } from '../../services.ts';
import type { ListenerRegistry } from '../registry.ts';
import { appHomeOpened } from './app-home-opened.ts';

export function registerEvents(registry: ListenerRegistry, services: SlackServices): void {
  registry.event('app_home_opened', appHomeOpened(services));
}
