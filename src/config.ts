import { z } from 'zod';
import { INTEGRATION_SOURCES, type IntegrationSource } from './cor/client.ts';
import { LANGUAGES, type Language } from './lib/language.ts';

/**
 * The only reader of process.env. Every problem is collected and reported at once, each with how to fix it.
 */
export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  slack: {
    mode: 'socket' | 'http';
    /** single-workspace install; undefined when `oauth` (multi-workspace) is configured */
    botToken: string | undefined;
    /** multi-workspace install through Slack's OAuth (SLACK_CLIENT_ID and SLACK_CLIENT_SECRET set) */
    oauth: { clientId: string; clientSecret: string; stateSecret: string; authorizeUrl: string } | undefined;
    signingSecret: string | undefined;
    appToken: string | undefined;
    apiUrl: string;
    /** every Web API call's timeout (one attempt: no library retries) */
    timeoutMs: number;
  };
  http: { port: number; host: string; publicUrl: string | undefined };
  databaseUrl: string;
  cor: {
    apiUrl: string;
    integrationsUrl: string;
    authorizeUrl: string | undefined;
    /** the `name` COR's consent page shows */
    appName: string;
    /** link to a task in COR's web app, with {id}; undefined: no "Open in COR" buttons */
    taskUrlTemplate: string | undefined;
    apiKey: string;
    clientSecret: string;
    timeoutMs: number;
    /** `metadata.source` for projects created from channels; unset = `/cor project` is off */
    integrationSource: IntegrationSource | undefined;
  };
  /** base64 keys; undefined in development means "use a local key file" (see main.ts). */
  /** reminder DMs: pacing per workspace, and how often the sweep runs */
  reminders: { sendsPerSecond: number; tickMs: number; leaseMs: number };
  /** how often every channel project's budget is checked against COR */
  budgetSweepMs: number;
  /** how long an acknowledged request is its instance's to finish; after that another instance finishes it */
  workLeaseMs: number;
  /** how long every entry waits before it is written, for the person to undo it; 0: written at once */
  undoMs: number;
  /** link a COR account whose email is not the Slack user's (or cannot be compared); false: refuse the link */
  linkAllowEmailMismatch: boolean;
  /** the language of people the bot knows nothing of yet (no choice, no Slack locale known) */
  defaultLanguage: Language;
  tokenEncryptionKey: string | undefined;
  tokenEncryptionPreviousKeys: string[];
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Configuration has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const HINTS: Record<string, string> = {
  SLACK_CLIENT_ID: 'copy it from your Slack app: Basic Information → App Credentials → Client ID',
  SLACK_CLIENT_SECRET: 'copy it from your Slack app: Basic Information → App Credentials → Client Secret',
  SLACK_STATE_SECRET: 'any long random string (openssl rand -hex 32); it signs the install state',
  SLACK_BOT_TOKEN:
    'create the app from manifest.yml (api.slack.com/apps → Create New App → From a manifest), install it to your workspace, and copy the Bot User OAuth Token (xoxb-...)',
  SLACK_SIGNING_SECRET: 'copy it from your Slack app: Basic Information → App Credentials → Signing Secret',
  SLACK_APP_TOKEN:
    'Socket Mode needs an app-level token: Basic Information → App-Level Tokens → Generate, with the connections:write scope (xapp-...); or set SLACK_MODE=http',
  COR_API_KEY: 'ask your COR admin for an API key (COR → Settings → Integrations → API), or use the fake COR: `npm run fake-cor` prints one',
  COR_CLIENT_SECRET: 'it comes with the COR API key (same page); the fake COR prints one too',
  TOKEN_ENCRYPTION_KEY: 'generate one with `openssl rand -base64 32` and keep it secret; losing it means every user must link again',
};

const urlString = (name: string) =>
  z.string().refine((v) => /^https?:\/\/[^\s]+$/i.test(v) && URL.canParse(v), {
    message: `${name} must be an http(s) URL`,
  });

/** A whole number of milliseconds or seconds, at least `min`. */
const wholeNumber = (name: string, unit: 'milliseconds' | 'seconds', min: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number of ${unit}`)
    .transform(Number)
    .refine((n) => n >= min, `${name} must be at least ${min}`);

function isBase64Key(value: string): boolean {
  return /^[A-Za-z0-9+/_-]+={0,2}$/.test(value) && Buffer.from(value, 'base64').length === 32;
}

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  SLACK_MODE: z.enum(['socket', 'http'], { message: 'SLACK_MODE must be "socket" or "http"' }).default('socket'),
  SLACK_BOT_TOKEN: z.string().optional(),
  SLACK_SIGNING_SECRET: z.string().optional(),
  SLACK_APP_TOKEN: z.string().optional(),
  SLACK_API_URL: urlString('SLACK_API_URL').default('https://slack.com/api/'),
  SLACK_CLIENT_ID: z.string().optional(),
  SLACK_CLIENT_SECRET: z.string().optional(),
  SLACK_STATE_SECRET: z.string().optional(),
  SLACK_TIMEOUT_MS: wholeNumber('SLACK_TIMEOUT_MS', 'milliseconds', 100).default(10_000),
  SLACK_AUTHORIZE_URL: urlString('SLACK_AUTHORIZE_URL').default('https://slack.com/oauth/v2/authorize'),
  PORT: z
    .string()
    .regex(/^\d+$/, 'PORT must be a whole number between 0 and 65535')
    .transform(Number)
    .refine((n) => n <= 65535, 'PORT must be a whole number between 0 and 65535')
    .default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: urlString('PUBLIC_URL').optional(),
  DATABASE_URL: z
    .string()
    .refine((v) => v.startsWith('file:') || /^postgres(ql)?:\/\//.test(v), 'DATABASE_URL must be a SQLite URL such as file:./data/cor-slack.db or a PostgreSQL URL such as postgresql://user@host/db')
    .default('file:./data/cor-slack.db'),
  COR_API_URL: urlString('COR_API_URL').default('https://api.projectcor.com/v1'),
  COR_INTEGRATIONS_URL: urlString('COR_INTEGRATIONS_URL').default('https://integrations.projectcor.com'),
  COR_AUTHORIZE_URL: urlString('COR_AUTHORIZE_URL').optional(),
  COR_APP_NAME: z.string().min(1).default('cor-slack'),
  COR_TASK_URL: z.string().refine((v) => v.includes('{id}') && /^https?:\/\//.test(v), 'COR_TASK_URL must be an http(s) URL containing {id}').optional(),
  COR_API_KEY: z.string().optional(),
  COR_CLIENT_SECRET: z.string().optional(),
  COR_INTEGRATION_SOURCE: z.enum(INTEGRATION_SOURCES, { message: `COR_INTEGRATION_SOURCE must be one of ${INTEGRATION_SOURCES.join(', ')}` }).optional(),
  COR_TIMEOUT_MS: wholeNumber('COR_TIMEOUT_MS', 'milliseconds', 100).default(10_000),
  REMINDER_SENDS_PER_SECOND: z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'REMINDER_SENDS_PER_SECOND must be a number of DMs per second')
    .transform(Number)
    .refine((n) => n > 0, 'REMINDER_SENDS_PER_SECOND must be above 0')
    .default(5),
  REMINDER_TICK_SECONDS: wholeNumber('REMINDER_TICK_SECONDS', 'seconds', 1).default(60),
  REMINDER_LEASE_SECONDS: wholeNumber('REMINDER_LEASE_SECONDS', 'seconds', 1).default(300),
  BUDGET_SWEEP_SECONDS: wholeNumber('BUDGET_SWEEP_SECONDS', 'seconds', 1).default(600),
  WORK_LEASE_SECONDS: wholeNumber('WORK_LEASE_SECONDS', 'seconds', 1).default(45),
  UNDO_SECONDS: z
    .string()
    .regex(/^\d+$/, 'UNDO_SECONDS must be a whole number of seconds (0 turns the undo window off)')
    .transform(Number)
    .refine((n) => n <= 300, 'UNDO_SECONDS must be at most 300')
    .default(10),
  DEFAULT_LANGUAGE: z.enum(LANGUAGES, { message: `DEFAULT_LANGUAGE must be one of ${LANGUAGES.join(', ')}` }).default('en'),
  LINK_ALLOW_EMAIL_MISMATCH: z
    .enum(['true', 'false'], { message: 'LINK_ALLOW_EMAIL_MISMATCH must be true or false' })
    .transform((v) => v === 'true')
    .default(false),
  TOKEN_ENCRYPTION_KEY: z.string().optional(),
  TOKEN_ENCRYPTION_PREVIOUS_KEYS: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

function missing(name: string): string {
  return `${name} is missing: ${HINTS[name] ?? 'set it in .env or the environment'}`;
}

const previousKeysOf = (value: string | undefined) => (value ?? '').split(',').map((k) => k.trim()).filter(Boolean);

type Combined = Partial<Record<'SLACK_CLIENT_ID' | 'SLACK_CLIENT_SECRET' | 'SLACK_STATE_SECRET' | 'PUBLIC_URL' | 'SLACK_BOT_TOKEN' | 'SLACK_MODE' | 'SLACK_SIGNING_SECRET' | 'SLACK_APP_TOKEN' | 'COR_API_KEY' | 'COR_CLIENT_SECRET' | 'TOKEN_ENCRYPTION_KEY' | 'NODE_ENV' | 'TOKEN_ENCRYPTION_PREVIOUS_KEYS', string>>;

/** What is missing, or does not go together, among the settings (read as given when some value is malformed). */
function combinationProblems(e: Combined): string[] {
  const problems: string[] = [];
  const multiWorkspace = Boolean(e.SLACK_CLIENT_ID || e.SLACK_CLIENT_SECRET);
  if (multiWorkspace) {
    if (!e.SLACK_CLIENT_ID) problems.push(missing('SLACK_CLIENT_ID'));
    if (!e.SLACK_CLIENT_SECRET) problems.push(missing('SLACK_CLIENT_SECRET'));
    if (!e.SLACK_STATE_SECRET) problems.push(missing('SLACK_STATE_SECRET'));
    if (!e.PUBLIC_URL) problems.push('PUBLIC_URL is missing: the multi-workspace install needs the public URL Slack redirects back to');
  } else if (!e.SLACK_BOT_TOKEN) problems.push(missing('SLACK_BOT_TOKEN'));
  if (e.SLACK_BOT_TOKEN && !e.SLACK_BOT_TOKEN.startsWith('xoxb-')) problems.push('SLACK_BOT_TOKEN must be a bot token starting with xoxb-');
  if (e.SLACK_MODE === 'http' && !e.SLACK_SIGNING_SECRET) problems.push(missing('SLACK_SIGNING_SECRET'));
  if (e.SLACK_MODE === 'socket') {
    if (!e.SLACK_APP_TOKEN) problems.push(missing('SLACK_APP_TOKEN'));
    else if (!e.SLACK_APP_TOKEN.startsWith('xapp-')) problems.push('SLACK_APP_TOKEN must be an app-level token starting with xapp-');
  }
  if (!e.COR_API_KEY) problems.push(missing('COR_API_KEY'));
  if (!e.COR_CLIENT_SECRET) problems.push(missing('COR_CLIENT_SECRET'));
  if (e.TOKEN_ENCRYPTION_KEY && !isBase64Key(e.TOKEN_ENCRYPTION_KEY)) {
    problems.push(`TOKEN_ENCRYPTION_KEY must be 32 bytes in base64: ${HINTS.TOKEN_ENCRYPTION_KEY}`);
  }
  if (!e.TOKEN_ENCRYPTION_KEY && e.NODE_ENV === 'production') {
    problems.push(`TOKEN_ENCRYPTION_KEY is required when NODE_ENV=production: ${HINTS.TOKEN_ENCRYPTION_KEY}`);
  }
  if (previousKeysOf(e.TOKEN_ENCRYPTION_PREVIOUS_KEYS).some((k) => !isBase64Key(k))) {
    problems.push('TOKEN_ENCRYPTION_PREVIOUS_KEYS must be a comma-separated list of 32-byte base64 keys');
  }
  return problems;
}

/** Reads and validates configuration; throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Treat empty strings as unset: `FOO=` in a .env file means "not configured".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = schema.safeParse(cleaned);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? 'environment');
      problems.push(issue.message.includes(name) ? issue.message : `${name}: ${issue.message}`);
    }
  }
  // What is missing or does not go together is said too when a value is malformed: every problem at once.
  problems.push(...combinationProblems(parsed.success ? parsed.data : { ...cleaned, SLACK_MODE: cleaned.SLACK_MODE ?? 'socket' }));
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  const e = parsed.data;
  const multiWorkspace = Boolean(e.SLACK_CLIENT_ID || e.SLACK_CLIENT_SECRET);


  return {
    nodeEnv: e.NODE_ENV,
    slack: {
      mode: e.SLACK_MODE,
      botToken: multiWorkspace ? undefined : e.SLACK_BOT_TOKEN,
      oauth: multiWorkspace
        ? {
            clientId: e.SLACK_CLIENT_ID as string,
            clientSecret: e.SLACK_CLIENT_SECRET as string,
            stateSecret: e.SLACK_STATE_SECRET as string,
            authorizeUrl: e.SLACK_AUTHORIZE_URL,
          }
        : undefined,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`,
      timeoutMs: e.SLACK_TIMEOUT_MS,
    },
    http: { port: e.PORT, host: e.HOST, publicUrl: e.PUBLIC_URL?.replace(/\/+$/, '') },
    databaseUrl: e.DATABASE_URL,
    cor: {
      apiUrl: e.COR_API_URL.replace(/\/+$/, ''),
      integrationsUrl: e.COR_INTEGRATIONS_URL.replace(/\/+$/, ''),
      authorizeUrl: e.COR_AUTHORIZE_URL,
      appName: e.COR_APP_NAME,
      taskUrlTemplate: e.COR_TASK_URL ?? (e.COR_AUTHORIZE_URL ? `${new URL(e.COR_AUTHORIZE_URL).origin}/tasks/{id}` : undefined),
      apiKey: e.COR_API_KEY as string,
      clientSecret: e.COR_CLIENT_SECRET as string,
      timeoutMs: e.COR_TIMEOUT_MS,
      integrationSource: e.COR_INTEGRATION_SOURCE,
    },
    reminders: { sendsPerSecond: e.REMINDER_SENDS_PER_SECOND, tickMs: e.REMINDER_TICK_SECONDS * 1000, leaseMs: e.REMINDER_LEASE_SECONDS * 1000 },
    budgetSweepMs: e.BUDGET_SWEEP_SECONDS * 1000,
    workLeaseMs: e.WORK_LEASE_SECONDS * 1000,
    undoMs: e.UNDO_SECONDS * 1000,
    linkAllowEmailMismatch: e.LINK_ALLOW_EMAIL_MISMATCH,
    defaultLanguage: e.DEFAULT_LANGUAGE,
    tokenEncryptionKey: e.TOKEN_ENCRYPTION_KEY,
    tokenEncryptionPreviousKeys: previousKeysOf(e.TOKEN_ENCRYPTION_PREVIOUS_KEYS),
    logLevel: e.LOG_LEVEL,
  };
}

/** The part of the configuration operator commands need (store and keys), validated the same way. */
export function loadStoreConfig(env: Record<string, string | undefined> = process.env): Pick<Config, 'nodeEnv' | 'databaseUrl' | 'tokenEncryptionKey' | 'tokenEncryptionPreviousKeys' | 'logLevel'> {
  const full = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-operator', SLACK_APP_TOKEN: 'xapp-operator', COR_API_KEY: '-', COR_CLIENT_SECRET: '-', ...env, SLACK_MODE: 'socket' });
  return {
    nodeEnv: full.nodeEnv,
    databaseUrl: full.databaseUrl,
    tokenEncryptionKey: full.tokenEncryptionKey,
    tokenEncryptionPreviousKeys: full.tokenEncryptionPreviousKeys,
    logLevel: full.logLevel,
  };
}
