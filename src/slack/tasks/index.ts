import type { Subcommands } from '../command.ts';
import { ACTIONS, CALLBACKS, SHORTCUTS, SUBCOMMANDS } from '../ids.ts';
import type { ListenerRegistry } from '../registry.ts';
import type { SlackServices } from '../services.ts';
import { taskActions } from './buttons.ts';
import { taskSubcommand, tasksSubcommand } from './command.ts';
import { taskStatusFromMessageShortcut } from './shortcut.ts';
import { taskStatusSubmission, taskStatusWork } from './status-form.ts';
import { linkShared } from './unfurl.ts';

/** COR tasks in Slack: `/cor tasks`, `/cor task`, the status form, the message shortcut and link unfurls. */
export function registerTasks(registry: ListenerRegistry, services: SlackServices): Subcommands {
  registry.action(ACTIONS.taskChangeStatus, taskActions.changeStatus(services));
  registry.action(ACTIONS.tasksMore, taskActions.more(services));
  // "Open in COR" opens the browser by itself; Slack still sends the click, which is acknowledged.
  registry.action(ACTIONS.openInCor, async ({ ack }) => {
    await ack();
  });
  registry.view(CALLBACKS.taskStatus, taskStatusSubmission(services, registry.acceptedWork(taskStatusWork)));
  registry.shortcut(SHORTCUTS.taskStatusFromMessage, taskStatusFromMessageShortcut(services));
  registry.event('link_shared', linkShared(services));
  return { [SUBCOMMANDS.tasks]: tasksSubcommand(services), [SUBCOMMANDS.task]: taskSubcommand(services) };
}
