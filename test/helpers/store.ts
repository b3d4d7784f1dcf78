import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { TokenCipher } from '../../src/lib/crypto.ts';
import { migrateStore, openStore, type Store } from '../../src/store/index.ts';

export interface TempStore {
  store: Store;
  databaseUrl: string;
  /** the SQLite file (SQLite stores only) */
  file: string;
  cipher: TokenCipher;
  key: Buffer;
  cleanup(): Promise<void>;
}

/**
 * A migrated store with its own encryption key: SQLite in a temp directory, or (given a PostgreSQL server URL)
 * a fresh database on that server, dropped afterwards.
 */
export async function tempStore(opts: { postgres?: string } = {}): Promise<TempStore> {
  let databaseUrl: string;
  let file = '';
  let drop: () => Promise<void>;
  if (opts.postgres) {
    const name = `cor_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: opts.postgres });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(opts.postgres);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    drop = async () => {
      const c = new pg.Client({ connectionString: opts.postgres });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'cor-slack-test-'));
    file = join(dir, 'test.db');
    databaseUrl = `file:${file}`;
    drop = async () => rmSync(dir, { recursive: true, force: true });
  }
  await migrateStore(databaseUrl);
  const key = randomBytes(32);
  const cipher = new TokenCipher(key);
  const store = openStore(databaseUrl, cipher);
  return {
    store,
    databaseUrl,
    file,
    cipher,
    key,
    async cleanup() {
      await store.close();
      await drop();
    },
  };
}
