import { PeopleLanguages } from '../../src/domain/languages.ts';
import type { Language } from '../../src/lib/language.ts';
import { AcceptedWork } from '../../src/domain/accepted-work.ts';
import { LogLines } from '../../src/domain/time-entries/lines.ts';
import { CompanyFacts } from '../../src/domain/company-facts.ts';
import { DigestService } from '../../src/domain/digests/service.ts';
import { SlackDigestMessenger } from '../../src/slack/digests/messenger.ts';
import type { AcceptedKinds } from '../../src/slack/accepted.ts';
import { inject } from 'vitest';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import { ClientCredentialsTokenSource } from '../../src/cor/auth.ts';
import { type Clock, systemClock } from '../../src/lib/clock.ts';
import { ReminderService } from '../../src/domain/reminders/service.ts';
import { SlackReminderMessenger } from '../../src/slack/reminders/messenger.ts';
import { HomeTab } from '../../src/slack/home/home-tab.ts';
import { ProjectService } from '../../src/domain/projects.ts';
import { BudgetService } from '../../src/domain/budget.ts';
import { ReportService } from '../../src/domain/reports/service.ts';
import { SlackBudgetMessenger } from '../../src/slack/projects/budget-messenger.ts';
import type { CorApi, IntegrationSource } from '../../src/cor/client.ts';
import { TurnGate } from '../../src/lib/turns.ts';
import { WorkTracker } from '../../src/lib/work-tracker.ts';
import { LinkingService } from '../../src/domain/linking.ts';
import { TaskDirectory } from '../../src/domain/tasks.ts';
import { TimeEntryService } from '../../src/domain/time-entries/service.ts';
import { CorTimes } from '../../src/domain/time-entries/cor-times.ts';
import { TimerService } from '../../src/domain/timers.ts';
import { SlackEntryNotifier } from '../../src/slack/log-time/entry-notifier.ts';
import { createBoltApp } from '../../src/slack/app.ts';
import { singleWorkspaceAuthorize } from '../../src/slack/workspace/authorize.ts';
import { SingleWorkspaceClients } from '../../src/slack/workspace/clients.ts';
import { SlackProfileDirectory } from '../../src/slack/directory.ts';
import { SlackLinkNotifier } from '../../src/slack/linking/notifier.ts';
import type { Registered } from '../../src/slack/registry.ts';
import type { UserLinkRecord } from '../../src/store/links.ts';
import type { SlackServices } from '../../src/slack/services.ts';
import { DEFAULT_WORKSPACE, FakeSlack } from '../../tools/fake-slack/server.ts';
import { FakeCor } from '../../tools/fake-cor/server.ts';
import { corKit, storeLinkedUser } from './cor.ts';
import { memoryLogger } from './logger.ts';
import { boltLogger } from '../../src/logger.ts';
import { tempStore, type TempStore } from './store.ts';

/** A receiver that does nothing but let tests push events in (as Bolt's own tests do). */
class TestReceiver implements Receiver {
  init(_app: App): void {}
  start(): Promise<unknown> {
    return Promise.resolve();
  }
  stop(): Promise<unknown> {
    return Promise.resolve();
  }
}

class InstanceDied extends Error {
  constructor() {
    super('the instance died right after the ack');
  }
}

/** Bolt may hand the listener's error back as it is, or wrapped with others. */
function isInstanceDied(err: unknown): boolean {
  if (err instanceof InstanceDied) return true;
  const inner = (err as { original?: unknown; originals?: unknown[] } | null) ?? {};
  return inner.original instanceof InstanceDied || (inner.originals ?? []).some((e) => e instanceof InstanceDied);
}

interface AckRecord {
  acked: boolean;
  body: unknown;
}

export interface ListenerHarness {
  app: App & { registered: Registered; acceptedKinds: AcceptedKinds };
  services: SlackServices;
  /** COR as the app itself (client credentials), as main.ts gives the domain services. */
  appCor: CorApi;
  slack: FakeSlack;
  cor: FakeCor;
  db: TempStore;
  logText(): string;
  /**
   * Pushes a payload through the real Bolt app, as the receiver would; resolves with what was acked, once the work
   * after every ack is done (`waitForWork: false`: at once, e.g. while COR still holds another request's work).
   * `dieAfterAck`: the ack goes out and then the listener stops dead, as an instance killed right after acking.
   */
  send(body: Record<string, unknown>, opts?: { waitForWork?: boolean; dieAfterAck?: boolean }): Promise<AckRecord>;
  /** A link stored directly (as after the OAuth flow), with tokens the fake COR accepts for an hour. */
  /** `tz` null: a link made while Slack did not say the person's zone */
  /** `locale`: the Slack locale the link keeps (default en-US: English unless the test says otherwise, e.g. 'es-LA') */
  linkStored(slackUserId: string, corUserId: number, corName: string, tz: string | null, locale?: string): Promise<UserLinkRecord>;
  close(): Promise<void>;
}

/** A real Bolt App with every listener, real services over a temp store, fake Slack and fake COR over HTTP. */
export async function listenerHarness(
  opts: {
    clock?: Clock;
    integrationSource?: IntegrationSource;
    corTimeoutMs?: number;
    /** every Web API call's timeout (SLACK_TIMEOUT_MS); default 2 s */
    slackTimeoutMs?: number;
    reminderSendsPerSecond?: number;
    corHourTimes?: 'utc' | 'user-zone';
    /** default 0: written at once */
    undoSeconds?: number;
    /** default 60 s */
    workLeaseMs?: number;
    /** default: the vitest project's */
    store?: 'sqlite' | 'postgresql';
    /** DEFAULT_LANGUAGE; default en */
    defaultLanguage?: Language;
  } = {},
): Promise<ListenerHarness> {
  const clock = opts.clock ?? systemClock;
  const slack = await new FakeSlack().start();
  const cor = await new FakeCor(opts.corHourTimes ? { hourTimes: opts.corHourTimes } : {}).start();
  // The same listener tests run once per store (vitest projects): PostgreSQL when the project says so.
  const db = await tempStore((opts.store ?? inject('store')) === 'postgresql' ? { postgres: inject('postgresUrl') } : {});
  const { logger, text } = memoryLogger();
  const kit = corKit(cor, opts.corTimeoutMs === undefined ? {} : { timeoutMs: opts.corTimeoutMs });
  const slackSettings = { apiUrl: slack.apiUrl, timeoutMs: opts.slackTimeoutMs ?? 2_000 };
  const clients = new SingleWorkspaceClients(DEFAULT_WORKSPACE.botToken, { ...slackSettings, logger: boltLogger(logger) }, 'T:T0DEMO');
  const appCor = kit.client.as(new ClientCredentialsTokenSource(kit.auth, clock));
  const directory = new SlackProfileDirectory(clients, clock);
  const languages = new PeopleLanguages({ store: db.store, slack: directory, defaultLanguage: opts.defaultLanguage ?? 'en', clock });
  const linking = new LinkingService({
    store: db.store,
    corAuth: kit.auth,
    cor: kit.client,
    appCor,
    slack: directory,
    notifier: new SlackLinkNotifier(clients, languages),
    consent: { authorizeUrl: cor.authorizeUrl, redirectUri: 'http://127.0.0.1:9/cor/oauth/callback', appName: 'cor-slack' },
    allowEmailMismatch: false,
    // one process: no other instance can rotate the tokens meanwhile, so a refused refresh is final at once
    rivalWaitMs: 0,
    clock,
    logger,
  });
  const tasks = new TaskDirectory(clock);
  const times = new CorTimes();
  const entries: TimeEntryService = new TimeEntryService({
    outbox: db.store.outbox,
    settings: db.store.reminders,
    tasks,
    apiFor: (link) => linking.apiFor(link),
    findLink: (id) => db.store.links.findById(id),
    notifier: new SlackEntryNotifier(clients, clock, { taskUrl: (id) => `https://acme.cor.example/tasks/${id}`, lineProgress: (key) => lines.progress(key), languages }),
    times,
    clock,
    logger,
    undoMs: (opts.undoSeconds ?? 0) * 1000,
    afterWrite: (link, written) => {
      void work.track(reminders.refreshAfterWrite(link, written.map((w) => w.start)));
      void work.track(budget.afterWrite(link, written));
      home.refresh(services, link);
    },
  });
  const lines: LogLines = new LogLines({ drafts: db.store.drafts, outbox: db.store.outbox, entries, clock });
  const work = new WorkTracker();
  const home = new HomeTab(clock);
  const projects = new ProjectService({ channels: db.store.channelProjects, apiFor: (link) => linking.apiFor(link), source: 'integrationSource' in opts ? opts.integrationSource : 'ZAPIER', clock });
  const company = new CompanyFacts(appCor, clock);
  const budget = new BudgetService({ channels: db.store.channelProjects, budget: db.store.budget, links: db.store.links, appCor, slack: new SlackBudgetMessenger(clients, languages), times, clock, logger });
  const reminders = new ReminderService({
    company,
    times,
    links: db.store.links,
    reminders: db.store.reminders,
    appCor,
    messenger: new SlackReminderMessenger(clients, clock, languages),
    clock,
    logger,
    sendsPerSecond: opts.reminderSendsPerSecond ?? Number.POSITIVE_INFINITY,
  });
  const services: SlackServices = {
    logger,
    clock,
    work,
    turns: new TurnGate(),
    accepted: new AcceptedWork({ store: db.store.accepted, clock, logger, leaseMs: opts.workLeaseMs ?? 60_000 }),
    linking,
    clients,
    directory,
    languages,
    entries,
    lines,
    digests: new DigestService({
      digests: db.store.digests,
      links: db.store.links,
      settings: db.store.reminders,
      company,
      appCor,
      slack: new SlackDigestMessenger(clients, directory, clock, languages),
      times,
      reminders,
      clock,
      logger,
    }),
    timers: new TimerService({ timers: db.store.timers, tasks, entries, clock: clock }),
    reminders,
    projects,
    budget,
    reports: new ReportService({ linking, company, settings: db.store.reminders, links: db.store.links, times, clock, logger }),
    home,
    tasks,
    corTaskUrl: (id) => `https://acme.cor.example/tasks/${id}`,
  };
  const app = createBoltApp(
    { receiver: new TestReceiver(), slack: slackSettings, authorize: singleWorkspaceAuthorize(DEFAULT_WORKSPACE.botToken, { botId: 'BBOT', botUserId: 'UBOT', teamId: 'T0DEMO' }) },
    services,
  );
  return {
    app,
    services,
    appCor,
    slack,
    cor,
    db,
    logText: text,
    linkStored: (slackUserId, corUserId, corName, tz, locale) => storeLinkedUser(db.store, cor, { slackUserId, corUserId, corName, tz, now: clock.now(), ...(locale ? { locale } : {}) }),
    async send(body, opts = {}) {
      const record: AckRecord = { acked: false, body: undefined };
      const event: ReceiverEvent = {
        body,
        ack: async (response?: unknown) => {
          if (record.acked) throw new Error('acked twice');
          record.acked = true;
          record.body = response;
          if (opts.dieAfterAck) throw new InstanceDied();
        },
      };
      try {
        await app.processEvent(event);
      } catch (err) {
        if (!(opts.dieAfterAck && isInstanceDied(err))) throw err;
      }
      if (opts.waitForWork !== false) await services.work.drain(5_000);
      return record;
    },
    async close() {
      await Promise.all([slack.stop(), cor.stop(), db.cleanup()]);
    },
  };
}

export function slashCommandBody(text: string, slack: FakeSlack, overrides: Record<string, string> = {}): Record<string, unknown> {
  return {
    token: 'x',
    team_id: 'T0DEMO',
    team_domain: 'demo',
    channel_id: 'C0GENERAL',
    channel_name: 'general',
    user_id: 'U01JANE',
    user_name: 'jane',
    command: '/cor',
    text,
    api_app_id: 'A0COR',
    response_url: slack.newResponseUrl(),
    trigger_id: '1.trigger',
    ...overrides,
  };
}

/** A button click (block_actions) from a message, as Slack sends it. */
export function buttonClick(actionId: string, value: string | undefined, opts: { user?: string; responseUrl?: string; team?: string; container?: Record<string, unknown> } = {}): Record<string, unknown> {
  const team = opts.team ?? 'T0DEMO';
  return {
    type: 'block_actions',
    team: { id: team, domain: 'demo' },
    user: { id: opts.user ?? 'U01JANE', team_id: team, username: 'x', name: 'x' },
    api_app_id: 'A0COR',
    token: 'x',
    trigger_id: '7.t',
    ...(opts.responseUrl ? { response_url: opts.responseUrl } : {}),
    container: opts.container ?? { type: 'message', message_ts: '1.1', is_ephemeral: true },
    actions: [{ type: 'button', action_id: actionId, block_id: 'b', ...(value === undefined ? {} : { value }), action_ts: '1' }],
  };
}

/** A modal's submission (view_submission), as Slack sends it. */

export { viewSubmission } from './payloads.ts';
