/**
 * Composition root: config → logger → store → COR client → services → Slack app → start; graceful stop.
 * The only module that constructs things. It runs in two threads: the request thread (Slack's requests,
 * their acks) and the background thread (the work after acks, the outbox and the reminder sweeps), each
 * with its own services over the same store; BACKGROUND_THREAD=false keeps everything in one.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { WebClient } from '@slack/web-api';
import { config as loadDotenv } from 'dotenv';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { ClientCredentialsTokenSource, CorAuth } from './cor/auth.ts';
import { CorClient } from './cor/client.ts';
import { CorTransport } from './cor/transport.ts';
import { LinkingService } from './domain/linking.ts';
import { ReminderService } from './domain/reminders.ts';
import { ProjectService } from './domain/projects.ts';
import { TaskDirectory } from './domain/tasks.ts';
import { TimeEntryService } from './domain/time-entries.ts';
import { TimerService } from './domain/timers.ts';
import { startOutboxWorker } from './scheduler/outbox-worker.ts';
import { startReminderScheduler } from './scheduler/reminders.ts';
import { SlackReminderMessenger } from './slack/reminder-messenger.ts';
import { HomeTab } from './slack/home.ts';
import { SlackEntryNotifier } from './slack/entry-notifier.ts';
import { tenantKeyOf } from './domain/tenant.ts';
import { systemClock } from './lib/clock.ts';
import { AckPressure } from './lib/pressure.ts';
import { TimeSlicer } from './lib/time-slicer.ts';
import { cipherForStore } from './lib/crypto.ts';
import { WorkTracker } from './lib/work-tracker.ts';
import { lowerThisThreadPriority } from './lib/thread-priority.ts';
import { boltLogger, createLogger, type Logger } from './logger.ts';
import type { Clock } from './lib/clock.ts';
import type { UserLinkRecord } from './store/links.ts';
import { type BackgroundEvent, type BackgroundJob, runBackgroundJob } from './slack/background/jobs.ts';
import { type BackgroundLane, InProcessLane } from './slack/background/lane.ts';
import { serveBackgroundJobs, WorkerLane } from './slack/background/worker-lane.ts';
import type { Authorize } from '@slack/bolt';
import { type BotIdentity, createSlackApp, type HttpRoute, installationAuthorize, singleWorkspaceAuthorize } from './slack/app.ts';
import { MultiWorkspaceClients, SingleWorkspaceClients, type SlackClients } from './slack/clients.ts';
import { slackInstallRoutes } from './slack/routes/slack-install.ts';
import { SlackProfileDirectory } from './slack/directory.ts';
import { SlackLinkNotifier } from './slack/notifier.ts';
import { COR_CALLBACK_PATH, corOAuthCallbackRoute } from './slack/routes/cor-oauth.ts';
import { healthRoute } from './slack/routes/health.ts';
import type { SlackServices } from './slack/services.ts';
import { migrateStore, openStore, type Store } from './store/index.ts';

/** How long a graceful stop waits for work started after acks. */
const DRAIN_TIMEOUT_MS = 15_000;
/** The background thread's niceness (0 normal, 19 lowest): it yields the CPU to the request thread. */
const BACKGROUND_NICE = 10;
/** How often the outbox is looked at for entries due a retry. */
const OUTBOX_POLL_MS = 2_000;

async function whoAmI(botToken: string, apiUrl: string): Promise<BotIdentity> {
  const client = new WebClient(botToken, { slackApiUrl: apiUrl, retryConfig: { retries: 2 } });
  const answer = await client.auth.test();
  if (!answer.user_id || !answer.bot_id) throw new Error('auth.test did not say who the bot is');
  return { botId: answer.bot_id, botUserId: answer.user_id, teamId: answer.team_id };
}

/** What the background thread is told by the request thread. */
interface BackgroundThreadData {
  entry: string;
  /** single workspace: who the bot is (auth.test already answered in the request thread) */
  identity: BotIdentity | undefined;
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

function singleWorkspaceClients(config: Config, identity: BotIdentity, logger: Logger): SlackClients {
  return new SingleWorkspaceClients(config.slack.botToken as string, config.slack.apiUrl, identity.teamId ? tenantKeyOf({ teamId: identity.teamId }) : undefined, boltLogger(logger));
}

/** After one of a person's own writes: their reminder DM about that day and their App Home redraw. */
function redrawAfterWrite(services: SlackServices, link: UserLinkRecord, start: Date): void {
  void services.work.track(services.reminders.refreshAfterWrite(link, start).catch((err: unknown) => services.logger.warn({ err }, 'could not redraw a reminder DM')));
  services.home.refresh(services, link);
}

/** Every service, built the same way in both threads. */
function composeServices(
  base: { config: Config; logger: Logger; clock: Clock; store: Store; clients: SlackClients },
  opts: {
    /** the lane for work after acks, given how to run a job in this thread */
    background: (runHere: (job: BackgroundJob) => Promise<void>, pressure: AckPressure) => BackgroundLane;
    afterWrite?: (link: UserLinkRecord, start: Date) => void;
    /** after this thread changed a task in COR */
    onTaskChange?: (link: UserLinkRecord, taskId: number) => void;
    /** this thread also reads Slack's requests: its background work yields to them (see TimeSlicer) */
    servesRequests: boolean;
  },
): SlackServices {
  const { config, logger, clock, store, clients } = base;
  const slicer = opts.servesRequests ? new TimeSlicer() : undefined;
  const breakPoint = slicer && (() => slicer.turn());
  const transport = new CorTransport({
    breakPoint,
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
  const linking = new LinkingService({
    store,
    corAuth,
    cor,
    appCor,
    slack: directory,
    notifier: new SlackLinkNotifier(clients),
    consent: { authorizeUrl: config.cor.authorizeUrl, redirectUri: `${publicUrl}${COR_CALLBACK_PATH}`, appName: config.cor.appName },
    clock,
    logger: logger.child({ component: 'linking' }),
  });
  const tasks = new TaskDirectory(clock, opts.onTaskChange);
  const entries = new TimeEntryService({
    outbox: store.outbox,
    tasks,
    apiFor: (link) => linking.apiFor(link),
    findLink: (id) => store.links.findById(id),
    notifier: new SlackEntryNotifier(clients, clock),
    clock,
    logger: logger.child({ component: 'time-entries' }),
    breakPoint,
    // Only called once requests flow, after `services` below exists.
    afterWrite: opts.afterWrite ?? ((link, start) => redrawAfterWrite(services, link, start)),
  });
  const projects = new ProjectService({ channels: store.channelProjects, apiFor: (link) => linking.apiFor(link), source: config.cor.integrationSource, clock });
  const reminders = new ReminderService({
    links: store.links,
    reminders: store.reminders,
    appCor,
    messenger: new SlackReminderMessenger(clients, clock),
    clock,
    logger: logger.child({ component: 'reminders' }),
    sendsPerSecond: config.reminders.sendsPerSecond,
    leaseMs: config.reminders.leaseMs,
    breakPoint,
  });
  const taskUrl = config.cor.taskUrlTemplate;
  const work = new WorkTracker();
  const pressure = new AckPressure();
  // Jobs only run once requests flow, after `services` exists.
  const runHere = (job: BackgroundJob) => work.track(runBackgroundJob(services, job));
  const services: SlackServices = {
    logger,
    clock,
    store,
    appCor,
    work,
    pressure,
    background: opts.background(runHere, pressure),
    linking,
    clients,
    directory,
    entries,
    timers: new TimerService({ timers: store.timers, tasks, entries, clock }),
    reminders,
    projects,
    home: new HomeTab(),
    tasks,
    corTaskUrl: (id) => taskUrl?.replace('{id}', String(id)),
  };
  return services;
}

function startSchedulers(services: SlackServices, config: Config): { stop(): void } {
  const outbox = startOutboxWorker({ entries: services.entries, intervalMs: OUTBOX_POLL_MS, logger: services.logger, work: services.work });
  const reminders = startReminderScheduler({ reminders: services.reminders, clock: services.clock, tickMs: config.reminders.tickMs, logger: services.logger, work: services.work });
  return {
    stop() {
      outbox.stop();
      reminders.stop();
    },
  };
}

/** The request thread: Slack's requests and their acks; the work after them goes to the background thread. */
async function runRequestThread(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  const clock = systemClock;
  const migration = await migrateStore(config.databaseUrl);
  logger.info({ applied: migration.applied, alreadyApplied: migration.alreadyApplied }, 'store migrated');
  const store = openConfiguredStore(config, logger);

  const publicUrl = config.http.publicUrl ?? `http://localhost:${config.http.port}`;
  let clients: SlackClients;
  let authorize: Authorize<boolean>;
  let identity: BotIdentity | undefined;
  const extraRoutes: HttpRoute[] = [];
  if (config.slack.oauth) {
    clients = new MultiWorkspaceClients(store.installations, config.slack.apiUrl, boltLogger(logger));
    authorize = installationAuthorize(store.installations);
    extraRoutes.push(...slackInstallRoutes({ ...config.slack.oauth, apiUrl: config.slack.apiUrl, publicUrl }, store.installations, logger));
  } else {
    const botToken = config.slack.botToken as string;
    try {
      identity = await whoAmI(botToken, config.slack.apiUrl);
    } catch (err) {
      logger.fatal({ err }, 'Slack refused SLACK_BOT_TOKEN (auth.test): check the token, or reinstall the app and copy it again');
      await store.close();
      process.exit(1);
    }
    clients = singleWorkspaceClients(config, identity, logger);
    authorize = singleWorkspaceAuthorize(botToken, identity);
  }

  let lane: WorkerLane | undefined;
  let stopping = false;
  // The outbox and the reminder sweeps run in the background thread; while it is not there, here.
  let schedulersHere: { stop(): void } | undefined;
  const runSchedulersHere = (here: boolean) => {
    if (here && !schedulersHere && !stopping) schedulersHere = startSchedulers(services, config);
    if (!here) {
      schedulersHere?.stop();
      schedulersHere = undefined;
    }
  };
  const services = composeServices(
    { config, logger, clock, store, clients },
    {
      background: (runHere, pressure) => {
        if (!config.backgroundThread) return new InProcessLane(runHere, pressure);
        lane = new WorkerLane({
          bootstrap: new URL('./background-thread.mjs', import.meta.url),
          workerData: { entry: import.meta.url, identity } satisfies BackgroundThreadData,
          logger,
          fallback: runHere,
          pressure,
          onRunningChange: (running) => runSchedulersHere(!running),
          onEvent: (event) => {
            // The background thread wrote for this person: this thread's caches and pages follow.
            services.tasks.invalidate(event.link);
            redrawAfterWrite(services, event.link, event.start);
          },
        });
        return lane;
      },
      // The background thread's caches forget a task this thread changed (its status decides what /cor log matches).
      onTaskChange: (link, taskId) => lane?.tell({ kind: 'task_changed', link, taskId }),
      servesRequests: true,
    },
  );
  const inBackground = lane
    ? await lane.start().then(
        () => true,
        (err: unknown) => {
          logger.error({ err }, 'the background thread could not start: its work runs in the request thread');
          return false;
        },
      )
    : false;

  const runtime = createSlackApp(
    {
      mode: config.slack.mode,
      signingSecret: config.slack.signingSecret,
      appToken: config.slack.appToken,
      apiUrl: config.slack.apiUrl,
      port: config.http.port,
      host: config.http.host,
    },
    services,
    authorize,
    [healthRoute(services), corOAuthCallbackRoute(services.linking, logger), ...extraRoutes],
  );
  await runtime.start();
  if (!inBackground) runSchedulersHere(true);
  logger.info(
    { mode: config.slack.mode, install: config.slack.oauth ? 'multi-workspace' : 'single-workspace', background: inBackground ? 'thread' : 'request thread', host: config.http.host, port: runtime.port() },
    'cor-slack is running',
  );

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, inFlight: services.work.size }, 'stopping: no new requests, finishing in-flight work');
    await runtime.stop();
    runSchedulersHere(false);
    const drained = await services.work.drain(DRAIN_TIMEOUT_MS);
    if (!drained) logger.warn({ left: services.work.size }, 'in-flight work did not finish in time');
    await lane?.stop(DRAIN_TIMEOUT_MS);
    await store.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/** The background thread: jobs from the request thread, the outbox and the reminder sweeps. */
async function runBackgroundThread(port: NonNullable<typeof parentPort>): Promise<void> {
  const data = workerData as BackgroundThreadData;
  const config = loadConfig();
  const logger = createLogger(config.logLevel).child({ thread: 'background' });
  // When both compete for the CPU, acks go first: this thread's work can wait a little, Slack's 3 s cannot.
  if (!lowerThisThreadPriority(BACKGROUND_NICE)) logger.info('could not lower the background thread\'s CPU priority on this system');
  const store = openConfiguredStore(config, undefined);
  const clients = data.identity ? singleWorkspaceClients(config, data.identity, logger) : new MultiWorkspaceClients(store.installations, config.slack.apiUrl, boltLogger(logger));
  let emit: ((event: BackgroundEvent) => void) | undefined;
  const services = composeServices(
    { config, logger, clock: systemClock, store, clients },
    {
      // Jobs arrive here already past the request thread's burst: they start at once.
      background: (runHere) => ({ runsIn: 'background thread', run: runHere }),
      afterWrite: (link, start) => emit?.({ kind: 'wrote', link, start }),
      servesRequests: false,
    },
  );
  const schedulers = startSchedulers(services, config);
  emit = serveBackgroundJobs(port, {
    logger,
    run: (job) => services.background.run(job),
    onEvent: (event) => services.tasks.forget(event.link, event.taskId),
    async stop(drainMs) {
      schedulers.stop();
      const drained = await services.work.drain(drainMs);
      if (!drained) logger.warn({ left: services.work.size }, 'background work did not finish in time');
      await store.close();
    },
  }).emit;
}

export async function main(): Promise<void> {
  if (isMainThread || !parentPort) await runRequestThread();
  else await runBackgroundThread(parentPort);
}

await main();
