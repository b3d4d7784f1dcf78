import type { CorApi } from '../cor/client.ts';
import type { LinkingService, SlackDirectory } from '../domain/linking.ts';
import type { TaskDirectory } from '../domain/tasks.ts';
import type { TimeEntryService } from '../domain/time-entries.ts';
import type { ProjectService } from '../domain/projects.ts';
import type { ReminderService } from '../domain/reminders.ts';
import type { TimerService } from '../domain/timers.ts';
import type { Clock } from '../lib/clock.ts';
import type { WorkTracker } from '../lib/work-tracker.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/index.ts';
import type { SlackClients } from './clients.ts';
import type { HomeTab } from './home.ts';

/** What the Slack layer is given by main.ts (or a test): everything already constructed. */
export interface SlackServices {
  logger: Logger;
  clock: Clock;
  store: Store;
  /** COR as the app itself (client credentials): health checks, user matching. */
  appCor: CorApi;
  /** Work that continues after an ack; drained on graceful stop. */
  work: WorkTracker;
  linking: LinkingService;
  clients: SlackClients;
  directory: SlackDirectory;
  entries: TimeEntryService;
  timers: TimerService;
  reminders: ReminderService;
  projects: ProjectService;
  /** App Home: published on open, redrawn after the person's own changes */
  home: HomeTab;
  tasks: TaskDirectory;
  /** a task's page in COR's web app, when known */
  corTaskUrl: (taskId: number) => string | undefined;
}
