import type { SlackServices } from '../../services.ts';
import type { ListenerRegistry } from '../registry.ts';
import { appHomeOpened } from './app-home-opened.ts';
import { workspaceGone } from './uninstall.ts';
import { userChanged } from './user-change.ts';
import { linkShared } from './link-shared.ts';

export function registerEvents(registry: ListenerRegistry, services: SlackServices): void {
  registry.event('app_home_opened', appHomeOpened(services));
  registry.event('app_uninstalled', workspaceGone(services));
  registry.event('tokens_revoked', workspaceGone(services));
  registry.event('user_change', userChanged(services));
  registry.event('link_shared', linkShared(services));
}
