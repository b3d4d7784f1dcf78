import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TokenCipher } from '../../src/lib/crypto.ts';
import { openStore } from '../../src/store/index.ts';
import { REPO, TSX_CLI } from '../../tools/bot-process.ts';

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

  const cli = (...args: string[]) => run(process.execPath, [TSX_CLI, join(REPO, 'src/cli.ts'), ...args], { cwd: dir, env });

  it('migrates, then says it is up to date', async () => {
    expect((await cli('migrate')).stdout).toMatch(/^applied: \d+_init/);
    expect((await cli('migrate')).stdout).toMatch(/^up to date \(1 migrations\)/);
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

  it('refuses an unknown command with usage', async () => {
    await expect(cli('explode')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('usage: npm run cli') });
  });
});
