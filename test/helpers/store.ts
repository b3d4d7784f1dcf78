import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TokenCipher } from '../../src/lib/crypto.ts';
import { migrateStore, openStore, type Store } from '../../src/store/index.ts';

export interface TempStore {
  store: Store;
  databaseUrl: string;
  file: string;
  cipher: TokenCipher;
  key: Buffer;
  cleanup(): Promise<void>;
}

/** A migrated SQLite store in a temp directory, with its own encryption key. */
export function tempStore(): TempStore {
  const dir = mkdtempSync(join(tmpdir(), 'cor-slack-test-'));
  const file = join(dir, 'test.db');
  const databaseUrl = `file:${file}`;
  migrateStore(databaseUrl);
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
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
