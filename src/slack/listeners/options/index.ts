import type { SlackServices } from '../../services.ts';
import { LOG_MODAL_BLOCKS } from '../../views/ids.ts';
import type { ListenerRegistry } from '../registry.ts';
import { taskSelectOptions } from './task-select.ts';

export function registerOptions(registry: ListenerRegistry, services: SlackServices): void {
  registry.options(LOG_MODAL_BLOCKS.taskAction, taskSelectOptions(services));
}
