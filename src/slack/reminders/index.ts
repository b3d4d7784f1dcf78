import type { Subcommands } from '../command.ts';
import { ACTIONS, CALLBACKS, SUBCOMMANDS } from '../ids.ts';
import type { ListenerRegistry } from '../registry.ts';
import type { SlackServices } from '../services.ts';
import { reminderActions, reminderLogWork } from './buttons.ts';
import { remindSubcommand } from './command.ts';
import { reminderSettingsSubmission } from './settings-form.ts';

/** Daily reminder DMs: their buttons, the settings form and `/cor remind` (the DMs go out through messenger.ts). */
export function registerReminders(registry: ListenerRegistry, services: SlackServices): Subcommands {
  registry.action(ACTIONS.reminderLogTask, reminderActions.logTask(services, registry.acceptedWork(reminderLogWork)));
  registry.action(ACTIONS.reminderSnooze, reminderActions.snooze(services));
  registry.action(ACTIONS.reminderSkip, reminderActions.skip(services));
  registry.action(ACTIONS.reminderSettings, reminderActions.openSettings(services));
  registry.view(CALLBACKS.reminderSettings, reminderSettingsSubmission(services));
  return { [SUBCOMMANDS.remind]: remindSubcommand(services) };
}
