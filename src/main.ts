/**
 * Composition root: config → logger → store → COR client → services → Slack app → schedulers → start;
 * graceful stop. The only module that constructs things: one process, one thread, one service graph.
 */
import { PeopleLanguages } from './domain/languages.ts';
import { config as loadDotenv } from 'dotenv';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { ClientCredentialsTokenSource, CorAuth } from './cor/auth.ts';
import { type CorApi, CorClient } from './cor/client.ts';
import { CorTransport } from './cor/transport.ts';
import { LinkingService } from './domain/linking.ts';
import { ReminderService } from './domain/reminders/service.ts';
import { ProjectService } from './domain/projects.ts';
import { BudgetService } from './domain/budget.ts';
import { ReportService } from './domain/reports/service.ts';
import { TaskDirectory } from './domain/tasks.ts';
import { AcceptedWork } from './domain/accepted-work.ts';
import { LogLines } from './domain/time-entries/lines.ts';
import { CompanyFacts } from './domain/company-facts.ts';
import { DigestService } from './domain/digests/service.ts';
import { SlackDigestMessenger } from './slack/digests/messenger.ts';
import { TimeEntryService } from './domain/time-entries/service.ts';
import { CorTimes } from './domain/time-entries/cor-times.ts';
import { TimerService } from './domain/timers.ts';
import { startHousekeeping } from './scheduler/housekeeping.ts';
import { startOutboxWorker } from './scheduler/outbox-worker.ts';
import { startReminderScheduler } from './scheduler/reminders.ts';
import { startBudgetScheduler } from './scheduler/budget.ts';
import { SlackBudgetMessenger } from './slack/projects/budget-messenger.ts';
import { SlackReminderMessenger } from './slack/reminders/messenger.ts';
import { HomeTab } from './slack/home/home-tab.ts';
import { SlackEntryNotifier } from './slack/log-time/entry-notifier.ts';
import { tenantKeyOf } from './domain/tenant.ts';
import { type Clock, systemClock } from './lib/clock.ts';
import { cipherForStore } from './lib/crypto.ts';
import { TurnGate } from './lib/turns.ts';
import { WorkTracker } from './lib/work-tracker.ts';
import { boltLogger, createLogger, type Logger } from './logger.ts';
import type { Authorize } from '@slack/bolt';
import { createSlackApp, type SlackRuntime } from './slack/app.ts';
import { slackClient, type SlackClientSettings } from './slack/slack-client.ts';
import { slackFailureOf } from './slack/slack-errors.ts';
import type { HttpRoute } from './slack/routes.ts';
import { type BotIdentity, installationAuthorize, singleWorkspaceAuthorize } from './slack/workspace/authorize.ts';
import { MultiWorkspaceClients, SingleWorkspaceClients } from './slack/workspace/clients.ts';
import { slackInstallRoutes } from './slack/workspace/install-routes.ts';
import { SlackProfileDirectory } from './slack/directory.ts';
import { SlackLinkNotifier } from './slack/linking/notifier.ts';
import { COR_CALLBACK_PATH, corOAuthCallbackRoute } from './slack/http/cor-oauth.ts';
import { healthRoute } from './slack/http/health.ts';
import { metricsRoute } from './slack/http/metrics.ts';
import type { SlackClients, SlackServices } from './slack/services.ts';
import { migrateStore, openStore, type Store } from './store/index.ts';

/** How long a graceful stop waits for work started after acks. */
const DRAIN_TIMEOUT_MS = 15_000;
/** How often the outbox is looked at for entries due a retry. */
const OUTBOX_POLL_MS = 2_000;


/** The event loop's delay since the last read (each read starts a new window), for /metrics. */
function readLoopDelay(): () => { p99Ms: number; maxMs: number } {
  const histogram = monitorEventLoopDelay({ resolution: 20 });
  histogram.enable();
  return () => {
    const read = { p99Ms: histogram.percentile(99) / 1e6, maxMs: histogram.max / 1e6 };
    histogram.reset();
    return read;
  };
}

async function whoAmI(botToken: string, slack: SlackClientSettings): Promise<BotIdentity> {
  const answer = await slackClient(botToken, slack).auth.test();
  if (!answer.user_id || !answer.bot_id) throw new Error('auth.test did not say who the bot is');
  return { botId: answer.bot_id, botUserId: answer.user_id, teamId: answer.team_id };
}

function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`cor-slack cannot start.\n${err.message}\nSee .env.example and the configuration table in README.md.\n`);
      process.exit(1);
    }
    throw err;
  }
}

function openConfiguredStore(config: Config, logger: Logger | undefined): Store {
  const cipher = cipherForStore({ key: config.tokenEncryptionKey, previousKeys: config.tokenEncryptionPreviousKeys, databaseUrl: config.databaseUrl }, (keyPath) =>
    logger?.warn({ keyPath }, 'TOKEN_ENCRYPTION_KEY is not set: using a development key kept in a local file'),
  );
  return openStore(config.databaseUrl, cipher);
}

/** Every service, built once; and COR as the app itself (the health check asks it). */
function composeServices(base: { config: Config; logger: Logger; clock: Clock; store: Store; clients: SlackClients }): { services: SlackServices; appCor: CorApi } {
  const { config, logger, clock, store, clients } = base;
  const turns = new TurnGate();
  const transport = new CorTransport({
    turns,
    apiUrl: config.cor.apiUrl,
    integrationsUrl: config.cor.integrationsUrl,
    timeoutMs: config.cor.timeoutMs,
    clock,
    logger: logger.child({ component: 'cor' }),
  });
  const corAuth = new CorAuth(transport, { apiKey: config.cor.apiKey, clientSecret: config.cor.clientSecret }, clock);
  const cor = new CorClient(transport);
  const appCor = cor.as(new ClientCredentialsTokenSource(corAuth, clock));
  const publicUrl = config.http.publicUrl ?? `http://localhost:${config.http.port}`;
  const directory = new SlackProfileDirectory(clients, clock);
  const languages = new PeopleLanguages({ store, slack: directory, defaultLanguage: config.defaultLanguage, clock });
  const linking = new LinkingService({
    store,
    corAuth,
    cor,
    appCor,
    slack: directory,
    notifier: new SlackLinkNotifier(clients, languages),
    consent: { authorizeUrl: config.cor.authorizeUrl, redirectUri: `${publicUrl}${COR_CALLBACK_PATH}`, appName: config.cor.appName },
    allowEmailMismatch: config.linkAllowEmailMismatch,
    clock,
    logger: logger.child({ component: 'linking' }),
  });
  const tasks = new TaskDirectory(clock);
  const work = new WorkTracker();
  const home = new HomeTab(clock);
  // The company's users and working times, read for both sweeps once and kept a while.
  const company = new CompanyFacts(appCor, clock);
  // How each workspace's COR writes its times, learned from its answers to our writes, for every reader of them.
  const times = new CorTimes();
  const reminders = new ReminderService({
    company,
    times,
    links: store.links,
    reminders: store.reminders,
    appCor,
    messenger: new SlackReminderMessenger(clients, clock, languages),
    clock,
    logger: logger.child({ component: 'reminders' }),
    sendsPerSecond: config.reminders.sendsPerSecond,
    leaseMs: config.reminders.leaseMs,
  });
  const entries: TimeEntryService = new TimeEntryService({
    outbox: store.outbox,
    settings: store.reminders,
    tasks,
    apiFor: (link) => linking.apiFor(link),
    findLink: (id) => store.links.findById(id),
    notifier: new SlackEntryNotifier(clients, clock, { taskUrl: (id) => config.cor.taskUrlTemplate?.replace('{id}', String(id)), lineProgress: (key) => lines.progress(key), languages }),
    times,
    clock,
    logger: logger.child({ component: 'time-entries' }),
    leaseMs: config.workLeaseMs,
    undoMs: config.undoMs,
    // Once a flow of a person's own writes is done (one entry, a line, an outbox pass): their reminder DMs about those
    // days, their App Home redraw and the budget of the channel projects they wrote on, once however many entries.
    afterWrite: (link, written) => {
      void work.track(reminders.refreshAfterWrite(link, written.map((w) => w.start)).catch((err: unknown) => logger.warn({ err }, 'could not redraw a reminder DM')));
      void work.track(budget.afterWrite(link, written).catch((err: unknown) => logger.warn({ err }, 'could not check a project budget after a write')));
      home.refresh(services, link);
    },
  });
  const lines: LogLines = new LogLines({ drafts: store.drafts, outbox: store.outbox, entries, clock });
  const projects = new ProjectService({ channels: store.channelProjects, apiFor: (link) => linking.apiFor(link), source: config.cor.integrationSource, clock });
  const budget = new BudgetService({
    channels: store.channelProjects,
    budget: store.budget,
    links: store.links,
    appCor,
    slack: new SlackBudgetMessenger(clients, languages),
    times,
    clock,
    logger: logger.child({ component: 'budget' }),
  });
  const taskUrl = config.cor.taskUrlTemplate;
  const services: SlackServices = {
    logger,
    clock,
    work,
    turns,
    accepted: new AcceptedWork({ store: store.accepted, clock, logger, leaseMs: config.workLeaseMs }),
    linking,
    clients,
    directory,
    languages,
    entries,
    lines,
    digests: new DigestService({
      digests: store.digests,
      links: store.links,
      settings: store.reminders,
      company,
      appCor,
      slack: new SlackDigestMessenger(clients, directory, clock, languages),
      times,
      reminders,
      clock,
      logger,
      leaseMs: config.reminders.leaseMs,
    }),
    timers: new TimerService({ timers: store.timers, tasks, entries, clock }),
    reminders,
    projects,
    budget,
    reports: new ReportService({ linking, company, settings: store.reminders, links: store.links, times, clock, logger: logger.child({ component: 'reports' }) }),
    home,
    tasks,
    corTaskUrl: (id) => taskUrl?.replace('{id}', String(id)),
  };
  return { services, appCor };
}

function startSchedulers(services: SlackServices, config: Config, runtime: SlackRuntime): { stop(): void } {
  const outbox = startOutboxWorker({ entries: services.entries, resumeAccepted: () => runtime.resumeAccepted(), intervalMs: OUTBOX_POLL_MS, logger: services.logger, work: services.work });
  const housekeeping = startHousekeeping({ forget: [() => services.accepted.forgetOld(), () => services.lines.forgetOld()], logger: services.logger, work: services.work });
  const reminders = startReminderScheduler({ reminders: services.reminders, digests: services.digests, clock: services.clock, tickMs: config.reminders.tickMs, logger: services.logger, work: services.work });
  const budget = startBudgetScheduler({ budget: services.budget, intervalMs: config.budgetSweepMs, logger: services.logger, work: services.work });
  return {
    stop() {
      budget.stop();
      outbox.stop();
      reminders.stop();
      housekeeping.stop();
    },
  };
}

export async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  const clock = systemClock;
  const migration = await migrateStore(config.databaseUrl);
  logger.info({ applied: migration.applied, alreadyApplied: migration.alreadyApplied }, 'store migrated');
  const store = openConfiguredStore(config, logger);

  const publicUrl = config.http.publicUrl ?? `http://localhost:${config.http.port}`;
  const slack: SlackClientSettings = { apiUrl: config.slack.apiUrl, timeoutMs: config.slack.timeoutMs, logger: boltLogger(logger) };
  let clients: SlackClients;
  let authorize: Authorize<boolean>;
  const extraRoutes: HttpRoute[] = [];
  if (config.slack.oauth) {
    clients = new MultiWorkspaceClients(store.installations, slack, clock);
    authorize = installationAuthorize(store.installations);
    extraRoutes.push(...slackInstallRoutes({ ...config.slack.oauth, apiUrl: config.slack.apiUrl, timeoutMs: config.slack.timeoutMs, publicUrl, defaultLanguage: config.defaultLanguage }, store.installations, logger));
  } else {
    const botToken = config.slack.botToken as string;
    let identity: BotIdentity;
    try {
      identity = await whoAmI(botToken, slack);
    } catch (err) {
      // One attempt, as every Slack call: a Slack that did not answer is said so, not blamed on the token.
      if (slackFailureOf(err).answered) logger.fatal({ err }, 'Slack refused SLACK_BOT_TOKEN (auth.test): check the token, or reinstall the app and copy it again');
      else logger.fatal({ err }, 'Slack did not answer auth.test: check SLACK_API_URL and the network, then start again');
      await store.close();
      process.exit(1);
    }
    clients = new SingleWorkspaceClients(botToken, slack, identity.teamId ? tenantKeyOf({ teamId: identity.teamId }) : undefined);
    authorize = singleWorkspaceAuthorize(botToken, identity);
  }

  const { services, appCor } = composeServices({ config, logger, clock, store, clients });
  const runtime = createSlackApp(
    {
      mode: config.slack.mode,
      signingSecret: config.slack.signingSecret,
      appToken: config.slack.appToken,
      apiUrl: config.slack.apiUrl,
      slackTimeoutMs: config.slack.timeoutMs,
      port: config.http.port,
      host: config.http.host,
    },
    services,
    authorize,
    [healthRoute({ store: () => store.ping(), cor: () => appCor.me() }, services), metricsRoute({ storeQueries: () => store.queryCount(), eventLoopDelay: readLoopDelay() }), corOAuthCallbackRoute(services, logger), ...extraRoutes],
  );
  await runtime.start();
  const schedulers = startSchedulers(services, config, runtime);
  logger.info({ mode: config.slack.mode, install: config.slack.oauth ? 'multi-workspace' : 'single-workspace', host: config.http.host, port: runtime.port() }, 'cor-slack is running');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, inFlight: services.work.size }, 'stopping: no new requests, finishing in-flight work');
    await runtime.stop();
    schedulers.stop();
    const drained = await services.work.drain(DRAIN_TIMEOUT_MS);
    if (!drained) logger.warn({ left: services.work.size }, 'in-flight work did not finish in time');
    await store.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

await main();
