import type { SlackServices } from '../../services.ts';
import { ACTIONS, PROJECT_MODAL_BLOCKS } from '../../views/ids.ts';
import type { ListenerRegistry } from '../registry.ts';
import { logActions } from './log.ts';
import { reminderActions } from './reminders.ts';
import { taskActions } from './tasks.ts';
import { stopTimerFromHome } from './home.ts';
import { projectDatePreview } from '../views/project-modal.ts';

export function registerActions(registry: ListenerRegistry, services: SlackServices): void {
  // A URL button opens the browser by itself; Slack still sends the click, which must be acknowledged.
  for (const urlButton of [ACTIONS.openCorConsent, ACTIONS.openInCor]) {
    registry.action(urlButton, async ({ ack }) => {
      await ack();
    });
  }
  registry.action(ACTIONS.logConfirm, logActions.writePending(services));
  registry.action(ACTIONS.logPickTask, logActions.writePending(services));
  registry.action(ACTIONS.logChangeTask, logActions.changeTask(services));
  registry.action(ACTIONS.logCancel, logActions.cancel(services));
  registry.action(ACTIONS.openLogModal, logActions.openModal(services));
  registry.action(ACTIONS.reminderLogTask, reminderActions.logTask(services));
  registry.action(ACTIONS.reminderSnooze, reminderActions.snooze(services));
  registry.action(ACTIONS.reminderSkip, reminderActions.skip(services));
  registry.action(ACTIONS.reminderSettings, reminderActions.openSettings(services));
  registry.action(ACTIONS.taskChangeStatus, taskActions.changeStatus(services));
  registry.action(ACTIONS.tasksMore, taskActions.more(services));
  registry.action(ACTIONS.timerStop, stopTimerFromHome(services));
  // Enter in the project form's date fields.
  registry.action(PROJECT_MODAL_BLOCKS.startAction, projectDatePreview(services));
  registry.action(PROJECT_MODAL_BLOCKS.endAction, projectDatePreview(services));
}
