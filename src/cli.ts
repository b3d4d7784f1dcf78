/**
 * Operator commands over the same store: `npm run cli -- <command>`.
 *   migrate   apply pending migrations to DATABASE_URL
 *   links        list linked users and their token state (never the tokens)
 *   rotate-keys  re-encrypt every stored secret with TOKEN_ENCRYPTION_KEY (older keys in TOKEN_ENCRYPTION_PREVIOUS_KEYS)
 */
import { dirname, join } from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { ConfigError, loadStoreConfig } from './config.ts';
import { loadOrCreateKeyFile, TokenCipher } from './lib/crypto.ts';
import { migrateStore, openStore } from './store/index.ts';

const USAGE = 'usage: npm run cli -- <migrate | links | rotate-keys>';

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
  if (command === 'migrate') {
    const result = migrateStore(config.databaseUrl);
    process.stdout.write(result.applied.length ? `applied: ${result.applied.join(', ')}\n` : `up to date (${result.alreadyApplied} migrations)\n`);
    return 0;
  }
  if (command !== 'links' && command !== 'rotate-keys') {
    process.stderr.write(`unknown command "${command}"\n${USAGE}\n`);
    return 2;
  }
  migrateStore(config.databaseUrl);
  const key = config.tokenEncryptionKey
    ? Buffer.from(config.tokenEncryptionKey, 'base64')
    : loadOrCreateKeyFile(join(dirname(config.databaseUrl.replace(/^file:/, '')), 'token-encryption.key'));
  const store = openStore(config.databaseUrl, new TokenCipher(key, config.tokenEncryptionPreviousKeys.map((k) => Buffer.from(k, 'base64'))));
  try {
    if (command === 'rotate-keys') {
      const links = await store.links.reencrypt();
      const installations = await store.installations.reencrypt();
      process.stdout.write(`re-encrypted ${links} link(s) and ${installations} installation(s) with the current key\n`);
      return 0;
    }
    const links = await store.links.list();
    const rows = links.map((l) => [l.tenantKey, l.slackUserId, String(l.corUserId), l.corName, l.state, l.hasTokens ? `expires ${l.tokenExpiresAt?.toISOString() ?? '?'}` : 'none', l.linkedAt.toISOString()]);
    const header = ['workspace', 'slack user', 'cor user', 'name', 'state', 'tokens', 'linked at'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
    process.stdout.write(`${[line(header), ...rows.map(line)].join('\n')}\n${links.length} link(s)\n`);
    return 0;
  } finally {
    await store.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
