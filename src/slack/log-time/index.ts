import { isReportQuestion } from '../../domain/parse/report-question.ts';
import type { Subcommands } from '../command.ts';
import { ACTIONS, CALLBACKS, LOG_MODAL_BLOCKS, SHORTCUTS, SUBCOMMANDS } from '../ids.ts';
import { messagesToBot } from '../messages-to-bot.ts';
import type { ListenerRegistry } from '../registry.ts';
import type { SlackServices } from '../services.ts';
import { logActions, logPendingWork } from './buttons.ts';
import { logSubcommand, logWordsWork } from './command.ts';
import { logMessageWork } from './dm.ts';
import { logFormWork, logModalSubmission } from './form.ts';
import { lineActions, logLineWork } from './line.ts';
import { undoEntries } from './undo.ts';
import { logTimeFromMessageShortcut, logTimeShortcut } from './shortcuts.ts';
import { taskSelectOptions } from './task-options.ts';

/** Logging time: `/cor log`, messages written to the bot, its questions' buttons, the log-time form and the two "Log time to COR" shortcuts. */
export function registerLogTime(registry: ListenerRegistry, services: SlackServices): Subcommands {
  const logPending = registry.acceptedWork(logPendingWork);
  registry.action(ACTIONS.logConfirm, logActions.writePending(services, logPending));
  registry.action(ACTIONS.logPickTask, logActions.writePending(services, logPending));
  registry.action(ACTIONS.logChangeTask, logActions.changeTask(services));
  registry.action(ACTIONS.logCancel, logActions.cancel(services));
  registry.action(ACTIONS.openLogModal, logActions.openModal(services));
  registry.action(ACTIONS.undoEntries, undoEntries(services));
  registry.action(ACTIONS.lineTask, lineActions.pickTask(services));
  registry.action(ACTIONS.lineTaskSearch, lineActions.pickTask(services));
  registry.options(ACTIONS.lineTaskSearch, taskSelectOptions(services));
  registry.action(ACTIONS.lineDuration, lineActions.pickDuration(services));
  registry.action(ACTIONS.lineLogAll, lineActions.logAll(services, registry.acceptedWork(logLineWork)));
  registry.action(ACTIONS.lineCancel, lineActions.cancel(services));
  registry.view(CALLBACKS.logModal, logModalSubmission(services, registry.acceptedWork(logFormWork)));
  registry.options(LOG_MODAL_BLOCKS.taskAction, taskSelectOptions(services));
  registry.shortcut(SHORTCUTS.logTime, logTimeShortcut(services));
  registry.shortcut(SHORTCUTS.logTimeFromMessage, logTimeFromMessageShortcut(services));
  // A report question ("my week") is the reports feature's: one rule says which messages are logs.
  registry.event('message', messagesToBot(services, registry.acceptedWork(logMessageWork), (text) => !isReportQuestion(text)));
  return { [SUBCOMMANDS.log]: logSubcommand(services, registry.acceptedWork(logWordsWork)) };
}
