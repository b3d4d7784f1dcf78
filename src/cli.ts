/**
 * Operator commands over the same store: `npm run cli -- <command>`.
 *   migrate   apply pending migrations to DATABASE_URL
 *   links        list linked users and their token state (never the tokens)
 *   rotate-keys  re-encrypt every stored secret with TOKEN_ENCRYPTION_KEY (older keys in TOKEN_ENCRYPTION_PREVIOUS_KEYS)
 *   reminders preview [--at <ISO time>] [--all] [--json]   who would get a reminder DM at that moment, and why (not)
 *   reminders run [--at <ISO time>] [--json]               one reminder sweep as of that moment (sends the DMs)
 *   digests preview [--at <ISO time>] [--json]             which leads' digests are due then, and what each would say
 *   digests run [--at <ISO time>] [--json]                 one digest sweep as of that moment (posts them)
 *   budget run [--at <ISO time>] [--json]                  one budget sweep of the channel projects (posts the alerts due)
 */
import { parseArgs } from 'node:util';
import pino from 'pino';
import { config as loadDotenv } from 'dotenv';
import { type Config, ConfigError, loadConfig, loadStoreConfig } from './config.ts';
import { ClientCredentialsTokenSource, CorAuth } from './cor/auth.ts';
import { CorClient } from './cor/client.ts';
import { CorTransport } from './cor/transport.ts';
import type { SweepReport } from './domain/reminders/ports.ts';
import { ReminderService } from './domain/reminders/service.ts';
import { DigestService } from './domain/digests/service.ts';
import { CorTimes } from './domain/time-entries/cor-times.ts';
import { CompanyFacts } from './domain/company-facts.ts';
import { systemClock } from './lib/clock.ts';
import { cipherForStore } from './lib/crypto.ts';
import { clockText } from './lib/zoned.ts';
import { boltLogger, createLogger } from './logger.ts';
import { MultiWorkspaceClients, SingleWorkspaceClients } from './slack/workspace/clients.ts';
import { SlackReminderMessenger } from './slack/reminders/messenger.ts';
import { SlackDigestMessenger } from './slack/digests/messenger.ts';
import { BudgetService } from './domain/budget.ts';
import { SlackBudgetMessenger } from './slack/projects/budget-messenger.ts';
import { PeopleLanguages } from './domain/languages.ts';
import { SlackProfileDirectory } from './slack/directory.ts';
import { migrateStore, openStore, type Store } from './store/index.ts';

const USAGE = 'usage: npm run cli -- <migrate | links | rotate-keys | reminders preview|run [--at <ISO time>] [--all] [--json] | digests preview|run [--at <ISO time>] [--json] | budget run [--at <ISO time>] [--json]>';

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** COR as the app and Slack, over the configured store, as the bot has them (logs to stderr: stdout is the report). */
function wiring(config: Config, store: Store) {
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, pino.destination(2));
  const transport = new CorTransport({ apiUrl: config.cor.apiUrl, integrationsUrl: config.cor.integrationsUrl, timeoutMs: config.cor.timeoutMs, clock: systemClock, logger });
  const corAuth = new CorAuth(transport, { apiKey: config.cor.apiKey, clientSecret: config.cor.clientSecret }, systemClock);
  const slack = { apiUrl: config.slack.apiUrl, timeoutMs: config.slack.timeoutMs, logger: boltLogger(logger) };
  const clients = config.slack.oauth
    ? new MultiWorkspaceClients(store.installations, slack, systemClock)
    : new SingleWorkspaceClients(config.slack.botToken as string, slack, undefined);
  const directory = new SlackProfileDirectory(clients, systemClock);
  // Reminders and digests a sweep sends speak each person's language (their DMs), or the digest's.
  const languages = new PeopleLanguages({ store, slack: directory, defaultLanguage: config.defaultLanguage, clock: systemClock });
  return { logger, clients, directory, languages, appCor: new CorClient(transport).as(new ClientCredentialsTokenSource(corAuth, systemClock)) };
}

/** The reminder sweep, as the bot runs it. */
function reminderService(config: Config, store: Store): ReminderService {
  const { logger, clients, languages, appCor } = wiring(config, store);
  return new ReminderService({
    links: store.links,
    reminders: store.reminders,
    appCor,
    messenger: new SlackReminderMessenger(clients, systemClock, languages),
    // A CLI process writes no entries, so it learns no workspace's reading: COR's times are read as UTC here.
    times: new CorTimes(),
    clock: systemClock,
    logger,
    sendsPerSecond: config.reminders.sendsPerSecond,
    leaseMs: config.reminders.leaseMs,
  });
}

/** The digest sweep, as the bot runs it. */
function digestService(config: Config, store: Store): DigestService {
  const { logger, clients, directory, languages, appCor } = wiring(config, store);
  return new DigestService({
    digests: store.digests,
    links: store.links,
    settings: store.reminders,
    company: new CompanyFacts(appCor, systemClock),
    appCor,
    slack: new SlackDigestMessenger(clients, directory, systemClock, languages),
    times: new CorTimes(),
    clock: systemClock,
    logger,
    leaseMs: config.reminders.leaseMs,
  });
}

/** `--at` and the configuration a sweep command needs; a number is the exit code of a mistake. */
function sweepArgs(name: 'reminders' | 'digests' | 'budget', argv: string[]): { mode: 'preview' | 'run'; at: Date; all: boolean; json: boolean; config: Config } | number {
  // `--all` (everyone's decision, also those not due) is the reminders'; a digest preview shows every line already.
  const options = { at: { type: 'string' as const }, json: { type: 'boolean' as const, default: false }, ...(name === 'reminders' ? { all: { type: 'boolean' as const, default: false } } : {}) };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options });
  } catch (err) {
    process.stderr.write(`${name}: ${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const mode = positionals[0];
  if (mode !== 'preview' && mode !== 'run') {
    process.stderr.write(`${name}: say "preview" or "run"\n${USAGE}\n`);
    return 2;
  }
  const at = values.at ? new Date(values.at) : systemClock.now();
  if (Number.isNaN(at.getTime())) {
    process.stderr.write(`--at: "${values.at}" is not an ISO time such as 2026-11-23T20:30:00Z\n`);
    return 2;
  }
  try {
    return { mode, at, all: 'all' in values && values.all === true, json: values.json === true, config: loadConfig() };
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${name} need the bot's configuration (store, COR and Slack):\n${err.message}\n`);
    return 1;
  }
}

async function withStore<T>(config: Config, work: (store: Store) => Promise<T>): Promise<T> {
  await migrateStore(config.databaseUrl);
  const store = openStore(config.databaseUrl, cipherForStore({ key: config.tokenEncryptionKey, previousKeys: config.tokenEncryptionPreviousKeys, databaseUrl: config.databaseUrl }));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

async function digests(argv: string[]): Promise<number> {
  const args = sweepArgs('digests', argv);
  if (typeof args === 'number') return args;
  return withStore(args.config, async (store) => {
    const started = performance.now();
    const report = await digestService(args.config, store).sweep(args.at, { dryRun: args.mode === 'preview' });
    const ms = performance.now() - started;
    if (args.json) {
      const { contents, ...summary } = report;
      const shown = contents.map((c) => ({ digest: c.digest.id, owner: c.digest.ownerSlackUserId, channel: c.digest.channelId, period: c.period.period, rows: c.rows }));
      process.stdout.write(`${JSON.stringify({ ...summary, ms: Math.round(ms), maxRssKb: process.resourceUsage().maxRSS, digests: shown })}\n`);
      return 0;
    }
    const lines = report.contents.flatMap((c) => [
      `${c.digest.id} by ${c.digest.ownerSlackUserId} → ${c.digest.channelId}, about ${c.period.period}:`,
      ...c.rows.map((r) => (r.kind === 'unlinked' ? `  ${r.slackUserId || r.name || '?'}  not linked` : `  ${r.slackUserId}  ${r.name}: ${r.onLeave ? 'on leave' : `${r.logged.toFixed(2)}h of ${r.target.toFixed(2)}h${r.short ? ' (short)' : ''}`}`)),
    ]);
    const verb = args.mode === 'preview' ? 'would be sent' : 'sent';
    lines.push(`${report.due} digests due at ${report.at.toISOString()}: ${args.mode === 'preview' ? report.due : report.sent} ${verb}, ${report.delayed} delayed, ${report.failed} failed`);
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  });
}

async function budget(argv: string[]): Promise<number> {
  const args = sweepArgs('budget', argv);
  if (typeof args === 'number') return args;
  if (args.mode !== 'run') {
    process.stderr.write(`budget: only "run"\n${USAGE}\n`);
    return 2;
  }
  const at = args.at;
  return withStore(args.config, async (store) => {
    const { logger, clients, languages, appCor } = wiring(args.config, store);
    const service = new BudgetService({ channels: store.channelProjects, budget: store.budget, links: store.links, appCor, slack: new SlackBudgetMessenger(clients, languages), times: new CorTimes(), clock: { now: () => at }, logger });
    const started = performance.now();
    const report = await service.sweep();
    const ms = performance.now() - started;
    if (args.json) process.stdout.write(`${JSON.stringify({ ...report, ms: Math.round(ms), maxRssKb: process.resourceUsage().maxRSS })}\n`);
    else process.stdout.write(`${report.channels} channel projects, ${report.checked} checked against COR, ${report.posted} budget alerts posted\n`);
    return 0;
  });
}

async function reminders(argv: string[]): Promise<number> {
  const args = sweepArgs('reminders', argv);
  if (typeof args === 'number') return args;
  return withStore(args.config, async (store) => {
    const started = performance.now();
    const report = await reminderService(args.config, store).sweep(args.at, { dryRun: args.mode === 'preview', explain: args.mode === 'preview' || args.all });
    const ms = performance.now() - started;
    if (args.json) {
      const { decisions, ...summary } = report;
      process.stdout.write(`${JSON.stringify({ ...summary, ms: Math.round(ms), maxRssKb: process.resourceUsage().maxRSS, ...(args.all ? { decisions } : {}) })}\n`);
      return 0;
    }
    process.stdout.write(`${describe(report, args.mode, args.all)}\n`);
    return 0;
  });
}

function describe(report: SweepReport, mode: 'preview' | 'run', all: boolean): string {
  const verb = mode === 'preview' ? 'would get a DM' : 'got a DM';
  const due = mode === 'preview' ? report.due : report.sent;
  const summary = `${report.people} linked people at ${report.at.toISOString()}: ${due} ${verb}, ${report.delayed} delayed, ${report.failed} failed`;
  if (report.decisions.length === 0) {
    // A run without --all: counts per outcome (a line per person would be thousands of lines).
    const rows = Object.entries(report.reasons).sort((a, b) => b[1] - a[1]).map(([reason, n]) => [String(n), reason]);
    return [table(['people', 'outcome'], rows), summary].join('\n');
  }
  const shown = report.decisions.filter((d) => all || d.outcome !== 'not_due' || d.kind !== undefined);
  const rows = shown.map((d) => [d.link.tenantKey, d.link.slackUserId, `${d.link.corName} (${d.link.corUserId})`, `${d.tz} ${clockText(report.at, d.tz)}`, d.kind ?? '-', d.outcome, d.reason]);
  const hidden = report.decisions.length - shown.length;
  return [table(['workspace', 'slack user', 'cor user', 'their time', 'kind', 'outcome', 'why'], rows), `${summary}${hidden > 0 ? ` (${hidden} more not due yet or off; --all lists them)` : ''}`].join('\n');
}

async function main(argv: string[]): Promise<number> {
  loadDotenv({ quiet: true });
  const command = argv[0];
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  let config: ReturnType<typeof loadStoreConfig>;
  try {
    config = loadStoreConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
  if (command === 'reminders') return reminders(argv.slice(1));
  if (command === 'digests') return digests(argv.slice(1));
  if (command === 'budget') return budget(argv.slice(1));
  if (command === 'migrate') {
    const result = await migrateStore(config.databaseUrl);
    process.stdout.write(result.applied.length ? `applied: ${result.applied.join(', ')}\n` : `up to date (${result.alreadyApplied} migrations)\n`);
    return 0;
  }
  if (command !== 'links' && command !== 'rotate-keys') {
    process.stderr.write(`unknown command "${command}"\n${USAGE}\n`);
    return 2;
  }
  await migrateStore(config.databaseUrl);
  const store = openStore(config.databaseUrl, cipherForStore({ key: config.tokenEncryptionKey, previousKeys: config.tokenEncryptionPreviousKeys, databaseUrl: config.databaseUrl }));
  try {
    if (command === 'rotate-keys') {
      const links = await store.links.reencrypt();
      const installations = await store.installations.reencrypt();
      process.stdout.write(`re-encrypted ${links} link(s) and ${installations} installation(s) with the current key\n`);
      return 0;
    }
    const links = await store.links.list();
    const rows = links.map((l) => [l.tenantKey, l.slackUserId, String(l.corUserId), l.corName, l.state, l.hasTokens ? `expires ${l.tokenExpiresAt?.toISOString() ?? '?'}` : 'none', l.linkedAt.toISOString()]);
    process.stdout.write(`${table(['workspace', 'slack user', 'cor user', 'name', 'state', 'tokens', 'linked at'], rows)}\n${links.length} link(s)\n`);
    return 0;
  } finally {
    await store.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
