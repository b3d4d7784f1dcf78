import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TokenCipher } from '../../src/lib/crypto.ts';
import { migrateStore, openStore } from '../../src/store/index.ts';
import { addressesOf, botEnv, CLI, CLI_NODE_ARGS, startBot } from '../../tools/bot-process.ts';
import { FakeCor } from '../../tools/fake-cor/server.ts';
import { FakeSlack } from '../../tools/fake-slack/server.ts';

const run = promisify(execFile);
const KEY = Buffer.alloc(32, 3); // the key botEnv configures
/** Monday 23 Nov 2026 20:31 UTC: 17:31 in Buenos Aires, 20:31 in London, 05:31 Tuesday in Tokyo. */
const AT = '2026-11-23T20:31:00Z';
const ZONES = ['America/Argentina/Buenos_Aires', 'Europe/London', 'Asia/Tokyo'];
const PEOPLE = 42;

describe('reminder sweeps as whole processes (cor-slack reminders preview|run)', () => {
  let dir: string;
  let slack: FakeSlack;
  let cor: FakeCor;
  let env: Record<string, string>;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cor-slack-remind-'));
    slack = await new FakeSlack().start();
    cor = await new FakeCor().start();
    const databaseUrl = `file:${join(dir, 'bot.db')}`;
    env = botEnv(addressesOf(slack, cor), { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', REMINDER_SENDS_PER_SECOND: '1000' });
    await migrateStore(databaseUrl);
    const store = openStore(databaseUrl, new TokenCipher(KEY));
    // Demo people 6..47 (8 h a day, Monday to Friday), spread over three zones.
    for (let i = 0; i < PEOPLE; i++) {
      const corUserId = 6 + i;
      await store.links.upsert({
        tenantKey: 'T:T0DEMO',
        slackUserId: `U${String(corUserId).padStart(3, '0')}`,
        corUserId,
        corName: `Demo Person ${corUserId}`,
        tz: ZONES[i % 3] as string,
        tokens: { accessToken: `at-${corUserId}`, refreshToken: `rt-${corUserId}`, expiresAt: new Date(AT) },
      });
    }
    await store.close();
    // Person 6 (Buenos Aires) already logged a full day.
    cor.data.hours.push({ id: 77001, user_id: 6, task_log_id: 48216, start: '2026-11-23 12:00:00', stop: '2026-11-23 20:00:00', comments: null, created_at: '2026-11-23 20:00:00' });
  });
  afterEach(async () => {
    await Promise.all([slack.stop(), cor.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = (...args: string[]) => run(process.execPath, [...CLI_NODE_ARGS, CLI, ...args], { cwd: dir, env });
  /** Buenos Aires and London people are past 17:30; Tokyo's is tomorrow morning; person 6 has logged 8 h. */
  const due = () =>
    Array.from({ length: PEOPLE }, (_, i) => ({ id: `U${String(6 + i).padStart(3, '0')}`, zone: ZONES[i % 3] }))
      .filter((p) => p.zone !== 'Asia/Tokyo' && p.id !== 'U006')
      .map((p) => p.id)
      .sort();
  const dmCounts = () => {
    const counts = new Map<string, number>();
    for (const c of slack.callsTo('chat.postMessage')) counts.set(String(c.args.channel), (counts.get(String(c.args.channel)) ?? 0) + 1);
    return counts;
  };

  it('preview says who would get a DM and why, and changes nothing', async () => {
    const { stdout } = await cli('reminders', 'preview', '--at', AT);
    expect(stdout).toContain(`${PEOPLE} linked people at 2026-11-23T20:31:00.000Z: ${due().length} would get a DM`);
    expect(stdout).toMatch(/U006 .*enough logged \(8h of 8h\)/);
    expect(stdout).toMatch(/U007 .*Europe\/London 20:31 +day +due +0m of 8h logged on 2026-11-23: 8h missing/);
    expect(stdout).toContain('(14 more not due yet or off; --all lists them)');
    expect((await cli('reminders', 'preview', '--at', AT, '--all')).stdout).toMatch(/U008 .*Asia\/Tokyo 05:31 .*not yet: reminder at 17:30 their time/);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
    const store = openStore(env.DATABASE_URL as string, new TokenCipher(KEY));
    expect(await store.reminders.countByState()).toEqual({});
    await store.close();
  });

  it('run sends exactly the due DMs, in one COR hours request, and a second run sends none', async () => {
    const first = JSON.parse((await cli('reminders', 'run', '--at', AT, '--json')).stdout) as { sent: number; due: number; people: number };
    expect(first).toMatchObject({ people: PEOPLE, sent: due().length, due: due().length });
    expect([...dmCounts().keys()].sort()).toEqual(due());
    expect([...dmCounts().values()].every((n) => n === 1)).toBe(true);
    expect(cor.requestsTo('GET', '/hours')).toHaveLength(1);
    const second = JSON.parse((await cli('reminders', 'run', '--at', '2026-11-23T20:45:00Z', '--json')).stdout) as { sent: number };
    expect(second.sent).toBe(0);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(due().length);
  });

  it('Slack answering 429 to a share of the DMs: every due DM still goes out exactly once', async () => {
    slack.setRateLimit('chat.postMessage', 8);
    const result = JSON.parse((await cli('reminders', 'run', '--at', AT, '--json')).stdout) as { sent: number; due: number };
    expect(result).toMatchObject({ sent: due().length, due: due().length });
    expect(slack.rateLimited.filter((m) => m === 'chat.postMessage').length).toBeGreaterThan(0);
    expect([...dmCounts().keys()].sort()).toEqual(due());
    expect([...dmCounts().values()].every((n) => n === 1)).toBe(true);
  }, 60_000);

  it('a sweep killed mid-way is finished by the next one: every due DM exactly once', async () => {
    slack.setLatency('chat.postMessage', 50);
    const child = spawn(process.execPath, [...CLI_NODE_ARGS, CLI, 'reminders', 'run', '--at', AT], { cwd: dir, env: { ...env, REMINDER_SENDS_PER_SECOND: '15' }, stdio: 'ignore' });
    await slack.waitFor(() => slack.callsTo('chat.postMessage').length >= 5, 20_000);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(slack.callsTo('chat.postMessage').length).toBeLessThan(due().length);
    const store = openStore(env.DATABASE_URL as string, new TokenCipher(KEY));
    const states = await store.reminders.countByState();
    const recorded = states.sent ?? 0;
    await store.close();
    // After the dead sweep's leases run out, the next sweep retries what it had claimed: DMs it had posted
    // without recording them are found in the conversation, the others are sent.
    const next = JSON.parse((await cli('reminders', 'run', '--at', '2026-11-23T20:37:00Z', '--json')).stdout) as { sent: number };
    expect(next.sent).toBe(due().length - recorded);
    expect([...dmCounts().keys()].sort()).toEqual(due());
    expect([...dmCounts().values()].every((n) => n === 1)).toBe(true);
  });

  it('COR down during a sweep delays every DM and drops none', async () => {
    cor.addFault({ method: 'GET', path: '/hours', status: 503, times: 1_000 });
    const down = JSON.parse((await cli('reminders', 'run', '--at', AT, '--json')).stdout) as { sent: number; delayed: number };
    expect(down).toMatchObject({ sent: 0, delayed: due().length + 1 }); // person 6 too: COR was not there to say it was enough
    cor.clearFaults();
    const back = JSON.parse((await cli('reminders', 'run', '--at', '2026-11-23T20:37:00Z', '--json')).stdout) as { sent: number };
    expect(back.sent).toBe(due().length);
    expect([...dmCounts().values()].every((n) => n === 1)).toBe(true);
  });

  it('the running bot sweeps on its own every tick, and a restart sends nothing twice', async () => {
    // Someone whose reminder is due whenever the test runs: every day, from midnight, in UTC.
    const store = openStore(env.DATABASE_URL as string, new TokenCipher(KEY));
    const link = await store.links.find('T:T0DEMO', 'U009');
    if (!link) throw new Error('no link');
    await store.links.updateProfile(link.id, { tz: 'UTC' });
    const all = await store.links.activeRecipients();
    for (const other of all) {
      const setting = await store.reminders.getSetting(other.id);
      await store.reminders.saveSetting(other.id === link.id ? { ...setting, localTime: '00:00', weekdays: [1, 2, 3, 4, 5, 6, 7] } : { ...setting, enabled: false });
    }
    await store.close();
    const tick = { REMINDER_TICK_SECONDS: '1', LOG_LEVEL: 'info' };
    const bot = await startBot({ ...env, ...tick });
    await slack.waitFor(() => dmCounts().get('U009') === 1, 15_000).catch((err: unknown) => {
      throw new Error(`${String(err)}\n${bot.output()}`);
    });
    expect(await bot.stop()).toBe(0);
    const again = await startBot({ ...env, ...tick });
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await again.stop()).toBe(0);
    expect([...dmCounts().entries()]).toEqual([['U009', 1]]);
  }, 40_000);
});
