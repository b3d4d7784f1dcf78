import type { SlackServices } from '../../services.ts';
import { CALLBACKS } from '../../views/ids.ts';
import type { ListenerRegistry } from '../registry.ts';
import { logModalSubmission } from './log-modal.ts';
import { reminderSettingsSubmission } from './reminder-settings.ts';
import { taskStatusSubmission } from './task-status.ts';
import { projectSubmission } from './project-modal.ts';

export function registerViews(registry: ListenerRegistry, services: SlackServices): void {
  registry.view(CALLBACKS.logModal, logModalSubmission(services));
  registry.view(CALLBACKS.reminderSettings, reminderSettingsSubmission(services));
  registry.view(CALLBACKS.taskStatus, taskStatusSubmission(services));
  registry.view(CALLBACKS.project, projectSubmission(services));
}
