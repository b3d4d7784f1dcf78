import type { WebClient } from '@slack/web-api';
import type { PeopleLanguages } from '../domain/languages.ts';
import type { LinkingService, SlackDirectory } from '../domain/linking.ts';
import type { BudgetService } from '../domain/budget.ts';
import type { ProjectService } from '../domain/projects.ts';
import type { ReportService } from '../domain/reports/service.ts';
import type { ReminderService } from '../domain/reminders/service.ts';
import type { TaskDirectory } from '../domain/tasks.ts';
import type { AcceptedWork } from '../domain/accepted-work.ts';
import type { LogLines } from '../domain/time-entries/lines.ts';
import type { DigestService } from '../domain/digests/service.ts';
import type { TimeEntryService } from '../domain/time-entries/service.ts';
import type { TimerService } from '../domain/timers.ts';
import type { Clock } from '../lib/clock.ts';
import type { TurnGate } from '../lib/turns.ts';
import type { WorkTracker } from '../lib/work-tracker.ts';
import type { Logger } from '../logger.ts';
import type { UserLinkRecord } from '../store/links.ts';

/** The Web API client to use for a tenant's workspace (its bot token); workspace/ has the two kinds. */
export interface SlackClients {
  forTenant(tenantKey: string): Promise<WebClient>;
}

/** Slack profiles, cached a few minutes: a person's profile change (user_change) forgets theirs, so it is read anew. */
export interface SlackProfiles extends SlackDirectory {
  forget(tenantKey: string, slackUserId: string): void;
}

/** App Home of each person (home/ implements it): published on open, redrawn after the person's own changes. */
export interface AppHome {
  opened(services: SlackServices, client: WebClient, tenantKey: string, userId: string): Promise<void>;
  /** After the person's own change; never fails the change it follows. */
  refresh(services: SlackServices, link: UserLinkRecord): void;
  /**
   * One flow of the person's own changes (a timer stopped, a status saved with hours): the redraws its writes ask
   * for wait until it ends, then Home is redrawn once, taken after all of it. `changed`: whether the flow changed
   * what Home shows besides its writes (true unless said); `onHome`: it started on their Home, so it is looked at.
   */
  redrawAfter<T>(services: SlackServices, link: UserLinkRecord, flow: () => Promise<T>, opts?: { changed?: (result: T) => boolean; onHome?: boolean }): Promise<T>;
}

/** What the Slack layer is given by main.ts (or a test): everything already constructed. */
export interface SlackServices {
  logger: Logger;
  clock: Clock;
  /** Work that continues after an ack; drained on graceful stop. */
  work: WorkTracker;
  /** Work resuming after an ack or a COR answer takes its turn here, a few flows per turn of the event loop. */
  turns: TurnGate;
  /** what was acknowledged and not yet finished, in the store (finished by any instance after a crash) */
  accepted: AcceptedWork;
  linking: LinkingService;
  clients: SlackClients;
  directory: SlackProfiles;
  /** the language each person is spoken to in */
  languages: PeopleLanguages;
  entries: TimeEntryService;
  /** leads' digests of who is short of hours */
  digests: DigestService;
  /** lines of several entries, kept as drafts while their card waits */
  lines: LogLines;
  timers: TimerService;
  reminders: ReminderService;
  projects: ProjectService;
  /** budget alerts of channel projects, and their numbers on demand */
  budget: BudgetService;
  /** reports of hours (whose, on what, over which days), asked as the person */
  reports: ReportService;
  home: AppHome;
  tasks: TaskDirectory;
  /** a task's page in COR's web app, when known */
  corTaskUrl: (taskId: number) => string | undefined;
}
