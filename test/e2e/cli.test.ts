import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TokenCipher } from '../../src/lib/crypto.ts';
import { openStore } from '../../src/store/index.ts';
import { CLI, CLI_NODE_ARGS, REPO } from '../../tools/bot-process.ts';
import { readFileSync } from 'node:fs';

const run = promisify(execFile);
const KEY = Buffer.alloc(32, 9);

describe('operator CLI', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cor-slack-cli-'));
    env = { PATH: process.env.PATH ?? '', DATABASE_URL: `file:${join(dir, 'cli.db')}`, TOKEN_ENCRYPTION_KEY: KEY.toString('base64') };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const cli = (...args: string[]) => run(process.execPath, [...CLI_NODE_ARGS, CLI, ...args], { cwd: dir, env });

  it('is run by `npm run cli` the way these tests run it', () => {
    const scripts = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const heapFlags = CLI_NODE_ARGS.slice(0, CLI_NODE_ARGS.indexOf('--import'));
    expect(scripts.cli).toBe(`node ${heapFlags.join(' ')} --import tsx src/cli.ts`);
    // and `npm start` runs the bot as startBot does: tsx loaded into the one process
    expect(scripts.start).toBe('node --import tsx src/main.ts');
  });

  it('migrates, then says it is up to date', async () => {
    expect((await cli('migrate')).stdout).toMatch(/^applied: \d+_init/);
    expect((await cli('migrate')).stdout).toMatch(/^up to date \(12 migrations\)/);
  });

  it('lists links with their token state and never a token', async () => {
    await cli('migrate');
    const store = openStore(env.DATABASE_URL as string, new TokenCipher(KEY));
    await store.links.upsert({ tenantKey: 'T:T0DEMO', slackUserId: 'U01JANE', corUserId: 2, corName: 'Jane Doe', tokens: { accessToken: 'cor-at-SECRET', refreshToken: 'cor-rt-SECRET', expiresAt: new Date('2026-11-22T13:00:00Z') } });
    await store.close();
    const { stdout } = await cli('links');
    expect(stdout).toContain('U01JANE');
    expect(stdout).toContain('Jane Doe');
    expect(stdout).toContain('expires 2026-11-22T13:00:00.000Z');
    expect(stdout).toContain('1 link(s)');
    expect(stdout).not.toContain('SECRET');
  });

  it('rotate-keys re-seals every secret with the current key; the old key is then no longer needed', async () => {
    await cli('migrate');
    const store = openStore(env.DATABASE_URL as string, new TokenCipher(KEY));
    await store.links.upsert({ tenantKey: 'T:T0DEMO', slackUserId: 'U01JANE', corUserId: 2, corName: 'Jane Doe', tokens: { accessToken: 'at-1', refreshToken: 'rt-1', expiresAt: new Date() } });
    await store.installations.save({ tenantKey: 'T:T0DEMO', teamId: 'T0DEMO', enterpriseId: null, botUserId: 'UB', botId: 'BB', botToken: 'xoxb-x', installation: { team: { id: 'T0DEMO' } } });
    await store.close();
    const newKey = Buffer.alloc(32, 4);
    env = { ...env, TOKEN_ENCRYPTION_KEY: newKey.toString('base64'), TOKEN_ENCRYPTION_PREVIOUS_KEYS: KEY.toString('base64') };
    expect((await cli('rotate-keys')).stdout).toContain('re-encrypted 1 link(s) and 1 installation(s)');
    expect((await cli('rotate-keys')).stdout).toContain('re-encrypted 0 link(s) and 0 installation(s)');
    const onlyNew = openStore(env.DATABASE_URL as string, new TokenCipher(newKey));
    const link = await onlyNew.links.find('T:T0DEMO', 'U01JANE');
    expect(await onlyNew.links.tokens(link?.id ?? '')).toMatchObject({ accessToken: 'at-1', refreshToken: 'rt-1' });
    expect((await onlyNew.installations.find('T:T0DEMO'))?.botToken).toBe('xoxb-x');
    await onlyNew.close();
  });

  it('refuses an unknown command with usage', async () => {
    await expect(cli('explode')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('usage: npm run cli') });
  });
});
