import type { ListenerRegistry } from '../registry.ts';
import type { SlackServices } from '../services.ts';
import { workspaceGone } from './uninstall.ts';

/** Workspaces: the app uninstalled or its bot tokens revoked (installs, clients and authorize are built by main.ts). */
export function registerWorkspace(registry: ListenerRegistry, services: SlackServices): void {
  registry.event('app_uninstalled', workspaceGone(services));
  registry.event('tokens_revoked', workspaceGone(services));
}
