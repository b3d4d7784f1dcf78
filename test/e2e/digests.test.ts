import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TokenCipher } from '../../src/lib/crypto.ts';
import { migrateStore, openStore } from '../../src/store/index.ts';
import { addressesOf, botEnv, CLI, CLI_NODE_ARGS } from '../../tools/bot-process.ts';
import { FakeCor } from '../../tools/fake-cor/server.ts';
import { FakeSlack } from '../../tools/fake-slack/server.ts';

const run = promisify(execFile);
const KEY = Buffer.alloc(32, 3); // the key botEnv configures
/** Monday 30 Nov 2026, 09:01 in New York: the digest (09:00, about Friday 27 Nov) is due. */
const AT = '2026-11-30T14:01:00Z';
const PEOPLE = 10;

describe('digest sweeps as whole processes (cor-slack digests preview|run)', () => {
  let dir: string;
  let slack: FakeSlack;
  let cor: FakeCor;
  let env: Record<string, string>;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cor-slack-digest-'));
    slack = await new FakeSlack().start();
    cor = await new FakeCor().start();
    const databaseUrl = `file:${join(dir, 'bot.db')}`;
    env = botEnv(addressesOf(slack, cor), { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' });
    await migrateStore(databaseUrl);
    const store = openStore(databaseUrl, new TokenCipher(KEY));
    const people: string[] = [];
    for (let i = 0; i < PEOPLE; i++) {
      const corUserId = 6 + i;
      const slackUserId = `U${String(corUserId).padStart(3, '0')}`;
      people.push(slackUserId);
      await store.links.upsert({ tenantKey: 'T:T0DEMO', slackUserId, corUserId, corName: `Demo Person ${corUserId}`, tz: 'America/Argentina/Buenos_Aires', tokens: { accessToken: `at-${corUserId}`, refreshToken: `rt-${corUserId}`, expiresAt: new Date(AT) } });
    }
    // Its lead, John (a Project Manager in COR), is linked: a lead who is not gets no digest.
    await store.links.upsert({ tenantKey: 'T:T0DEMO', slackUserId: 'U02JOHN', corUserId: 3, corName: 'John Smith', tz: 'America/New_York', tokens: { accessToken: 'at-3', refreshToken: 'rt-3', expiresAt: new Date(AT) } });
    await store.digests.create({ tenantKey: 'T:T0DEMO', ownerSlackUserId: 'U02JOHN', audience: { kind: 'people', slackUserIds: [...people, 'U099'] }, channelId: 'C0LEADS', schedule: 'daily', localTime: '09:00', tz: 'America/New_York', shortUnderHours: null, language: null });
    await store.close();
    // Person 6 logged a full Friday.
    cor.data.hours.push({ id: 78001, user_id: 6, task_log_id: 48216, start: '2026-11-27 12:00:00', stop: '2026-11-27 20:00:00', comments: null, created_at: '2026-11-27 20:00:00' });
  });
  afterEach(async () => {
    await Promise.all([slack.stop(), cor.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = (...args: string[]) => run(process.execPath, [...CLI_NODE_ARGS, CLI, ...args], { cwd: dir, env });
  const posts = () => slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0LEADS');

  it('preview shows what the due digest would say, and sends nothing', async () => {
    const { stdout } = await cli('digests', 'preview', '--at', AT);
    expect(stdout).toContain('by U02JOHN → C0LEADS, about daily:2026-11-27:');
    expect(stdout).toMatch(/U007 {2}Demo Person 7: 0\.00h of 8\.00h \(short\)/);
    expect(stdout).toMatch(/U006 {2}Demo Person 6: 8\.00h of 8\.00h\n/);
    expect(stdout).toContain('U099  not linked');
    expect(stdout).toMatch(/1 digests due at 2026-11-30T14:01:00.000Z: 1 would be sent, 0 delayed, 0 failed/);
    expect(posts()).toHaveLength(0);
  }, 60_000);

  it('two sweeps at once (two instances) post the digest once; a later sweep posts nothing more', async () => {
    const outs = await Promise.all([cli('digests', 'run', '--at', AT, '--json'), cli('digests', 'run', '--at', AT, '--json')]);
    const sent = outs.map((o) => (JSON.parse(o.stdout) as { sent: number }).sent).sort();
    expect(sent).toEqual([0, 1]);
    expect(posts()).toHaveLength(1);
    expect(String(posts()[0]?.args.text)).toBe('Hours for Fri 27 Nov: 9 of 11 people are short.');
    const again = JSON.parse((await cli('digests', 'run', '--at', AT, '--json')).stdout) as { due: number };
    expect(again.due).toBe(0);
    expect(posts()).toHaveLength(1);
  }, 60_000);
});
