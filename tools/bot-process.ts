import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FAKE_API_KEY, FAKE_CLIENT_SECRET, type FakeCor } from './fake-cor/server.ts';
import { DEFAULT_WORKSPACE, type FakeSlack } from './fake-slack/server.ts';

export const REPO = fileURLToPath(new URL('..', import.meta.url));
export const TSX_CLI = join(REPO, 'node_modules/tsx/dist/cli.mjs');
const MAIN = join(REPO, 'src/main.ts');
export const CLI = join(REPO, 'src/cli.ts');
/**
 * How `npm run cli` runs the operator CLI (keep in step with package.json): tsx loaded into the one process
 * (a kill reaches the real work) and a bounded heap (a sweep over thousands of people stays small).
 */
const TSX_LOADER = pathToFileURL(join(REPO, 'node_modules/tsx/dist/loader.mjs')).href;
export const CLI_NODE_ARGS = ['--max-old-space-size=128', '--max-semi-space-size=8', '--import', TSX_LOADER];
/** How `npm start` runs the bot (keep in step with package.json): tsx loaded into the one process. */
const START_NODE_ARGS = ['--import', TSX_LOADER];
export const SIGNING_SECRET = 'e2e-signing-secret';

export interface BotProcess {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  dir: string;
  databaseFile: string;
  output(): string;
  /** Sends a signal and resolves with the exit code; `keepFiles` leaves its directory (and store) in place. */
  stop(signal?: NodeJS.Signals, keepFiles?: boolean): Promise<number | null>;
}

/** A port that is free right now (for a bot whose PUBLIC_URL must be known before it starts). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Where the fakes listen: from the in-process fakes, or read from a fakes process. */
export interface FakeAddresses {
  slackApiUrl: string;
  corApiUrl: string;
  corIntegrationsUrl: string;
  corAuthorizeUrl: string;
}

export function addressesOf(slack: FakeSlack, cor: FakeCor): FakeAddresses {
  return { slackApiUrl: slack.apiUrl, corApiUrl: cor.apiUrl, corIntegrationsUrl: cor.integrationsUrl, corAuthorizeUrl: cor.authorizeUrl };
}

/** The bot's environment for HTTP mode against a fake Slack and a fake COR. */
export function botEnv(urls: FakeAddresses, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: 'test',
    SLACK_MODE: 'http',
    SLACK_BOT_TOKEN: DEFAULT_WORKSPACE.botToken,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: urls.slackApiUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    COR_API_URL: urls.corApiUrl,
    COR_INTEGRATIONS_URL: urls.corIntegrationsUrl,
    COR_AUTHORIZE_URL: urls.corAuthorizeUrl,
    COR_API_KEY: FAKE_API_KEY,
    COR_CLIENT_SECRET: FAKE_CLIENT_SECRET,
    TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
    LOG_LEVEL: 'info',
    // Entries written at once: the undo window has its own tests (test/e2e/undo.test.ts, test/listeners/undo.test.ts).
    UNDO_SECONDS: '0',
    ...extra,
  };
}

/**
 * Runs `src/main.ts` (or another entry, e.g. the bench baseline) as its own process, the way `npm start`
 * does (tsx loaded into the one process: a signal reaches the bot itself), in a temp working directory, and waits
 * until it logs that it is listening. `nodeArgs` (e.g. --cpu-prof for the bench) reach the bot's own process.
 */
export async function startBot(env: Record<string, string>, timeoutMs = 20_000, entry = MAIN, opts: { nodeArgs?: string[] } = {}): Promise<BotProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'cor-slack-proc-'));
  const databaseFile = join(dir, 'data', 'bot.db');
  const args = [...(opts.nodeArgs ?? []), ...START_NODE_ARGS, entry];
  const child = spawn(process.execPath, args, {
    cwd: dir,
    env: { DATABASE_URL: `file:${databaseFile}`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot did not start in time:\n${out}`)), timeoutMs);
    const check = () => {
      const line = out.split('\n').find((l) => l.includes('cor-slack is running'));
      if (line) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { port: number }).port);
      }
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`bot exited with ${code} before it started:\n${out}`));
    });
  });
  return {
    child,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    dir,
    databaseFile,
    output: () => out,
    async stop(signal: NodeJS.Signals = 'SIGTERM', keepFiles = false) {
      if (child.exitCode === null) child.kill(signal);
      const code = await exited;
      if (!keepFiles) rmSync(dir, { recursive: true, force: true });
      return code;
    },
  };
}

/** Runs the bot expecting it to refuse to start; resolves with its exit code and output. */
export async function runBotToExit(env: Record<string, string>, timeoutMs = 20_000): Promise<{ code: number | null; output: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'cor-slack-e2e-'));
  const child = spawn(process.execPath, [...START_NODE_ARGS, MAIN], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  clearTimeout(timer);
  rmSync(dir, { recursive: true, force: true });
  return { code, output };
}
