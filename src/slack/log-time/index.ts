import type { Subcommands } from '../command.ts';
import { ACCEPTED, ACTIONS, CALLBACKS, LOG_MODAL_BLOCKS, SHORTCUTS, SUBCOMMANDS } from '../ids.ts';
import type { ListenerRegistry } from '../registry.ts';
import type { SlackServices } from '../services.ts';
import { logActions, logPending } from './buttons.ts';
import { logSubcommand, logWords } from './command.ts';
import { logMessage, messageToBot } from './dm.ts';
import { logForm, logModalSubmission } from './form.ts';
import { lineActions, logLine } from './line.ts';
import { undoEntries } from './undo.ts';
import { logTimeFromMessageShortcut, logTimeShortcut } from './shortcuts.ts';
import { taskSelectOptions } from './task-options.ts';

/** Logging time: `/cor log`, messages written to the bot, its questions' buttons, the log-time form and the two "Log time to COR" shortcuts. */
export function registerLogTime(registry: ListenerRegistry, services: SlackServices): Subcommands {
  registry.action(ACTIONS.logConfirm, logActions.writePending(services));
  registry.action(ACTIONS.logPickTask, logActions.writePending(services));
  registry.action(ACTIONS.logChangeTask, logActions.changeTask(services));
  registry.action(ACTIONS.logCancel, logActions.cancel(services));
  registry.action(ACTIONS.openLogModal, logActions.openModal(services));
  registry.action(ACTIONS.undoEntries, undoEntries(services));
  registry.action(ACTIONS.lineTask, lineActions.pickTask(services));
  registry.action(ACTIONS.lineTaskSearch, lineActions.pickTask(services));
  registry.options(ACTIONS.lineTaskSearch, taskSelectOptions(services));
  registry.action(ACTIONS.lineDuration, lineActions.pickDuration(services));
  registry.action(ACTIONS.lineLogAll, lineActions.logAll(services));
  registry.action(ACTIONS.lineCancel, lineActions.cancel(services));
  registry.acceptedWork(ACCEPTED.logLine, logLine);
  registry.view(CALLBACKS.logModal, logModalSubmission(services));
  registry.options(LOG_MODAL_BLOCKS.taskAction, taskSelectOptions(services));
  registry.shortcut(SHORTCUTS.logTime, logTimeShortcut(services));
  registry.shortcut(SHORTCUTS.logTimeFromMessage, logTimeFromMessageShortcut(services));
  registry.acceptedWork(ACCEPTED.logWords, logWords);
  registry.acceptedWork(ACCEPTED.logForm, logForm);
  registry.acceptedWork(ACCEPTED.logPending, logPending);
  registry.event('message', messageToBot(services));
  registry.acceptedWork(ACCEPTED.logMessage, logMessage);
  return { [SUBCOMMANDS.log]: logSubcommand(services) };
}
