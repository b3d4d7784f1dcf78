import type { Subcommands } from '../command.ts';
import { ACTIONS, CALLBACKS, MESSAGE_TASK_BLOCKS, SHORTCUTS, SUBCOMMANDS } from '../ids.ts';
import type { ListenerRegistry } from '../registry.ts';
import type { SlackServices } from '../services.ts';
import { taskActions } from './buttons.ts';
import { taskSubcommand, tasksSubcommand } from './command.ts';
import {
  addToTaskFromMessageShortcut,
  createTaskFromMessageShortcut,
  messageTaskSelectOptions,
  projectSelectOptions,
  taskCreateSubmission,
  taskCreateWork,
  taskMessageSubmission,
  taskMessageWork,
} from './from-message.ts';
import { taskStatusFromMessageShortcut } from './shortcut.ts';
import { taskStatusSubmission, taskStatusWork } from './status-form.ts';
import { linkShared } from './unfurl.ts';

/** COR tasks in Slack: `/cor tasks`, `/cor task`, the status form, the message shortcuts and link unfurls. */
export function registerTasks(registry: ListenerRegistry, services: SlackServices): Subcommands {
  registry.action(ACTIONS.taskChangeStatus, taskActions.changeStatus(services));
  registry.action(ACTIONS.tasksMore, taskActions.more(services));
  // "Open in COR" opens the browser by itself; Slack still sends the click, which is acknowledged.
  registry.action(ACTIONS.openInCor, async ({ ack }) => {
    await ack();
  });
  registry.view(CALLBACKS.taskStatus, taskStatusSubmission(services, registry.acceptedWork(taskStatusWork)));
  registry.shortcut(SHORTCUTS.taskStatusFromMessage, taskStatusFromMessageShortcut(services));
  registry.shortcut(SHORTCUTS.createTaskFromMessage, createTaskFromMessageShortcut(services));
  registry.options(MESSAGE_TASK_BLOCKS.projectAction, projectSelectOptions(services));
  registry.view(CALLBACKS.taskCreate, taskCreateSubmission(services, registry.acceptedWork(taskCreateWork)));
  registry.shortcut(SHORTCUTS.addToTaskFromMessage, addToTaskFromMessageShortcut(services));
  registry.options(MESSAGE_TASK_BLOCKS.taskAction, messageTaskSelectOptions(services));
  registry.view(CALLBACKS.taskMessage, taskMessageSubmission(services, registry.acceptedWork(taskMessageWork)));
  registry.event('link_shared', linkShared(services));
  return { [SUBCOMMANDS.tasks]: tasksSubcommand(services), [SUBCOMMANDS.task]: taskSubcommand(services) };
}
