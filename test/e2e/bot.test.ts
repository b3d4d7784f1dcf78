import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeCor } from '../../tools/fake-cor/server.ts';
import { FakeSlack } from '../../tools/fake-slack/server.ts';
import { SlackRequestSender, slackSignature } from '../../tools/fake-slack/signed-requests.ts';
import { type BotProcess, addressesOf, botEnv, runBotToExit, SIGNING_SECRET, startBot } from '../../tools/bot-process.ts';

describe('the bot as a process, in HTTP mode', () => {
  let slack: FakeSlack;
  let cor: FakeCor;
  let bot: BotProcess;
  let sender: SlackRequestSender;

  beforeAll(async () => {
    slack = await new FakeSlack().start();
    cor = await new FakeCor().start();
    bot = await startBot(botEnv(addressesOf(slack, cor)));
    sender = new SlackRequestSender(`${bot.baseUrl}/slack/events`, SIGNING_SECRET, slack);
  });
  afterAll(async () => {
    if (bot.child.exitCode === null) await bot.stop();
    await Promise.all([slack.stop(), cor.stop()]);
  });

  it('applied the migrations on start and learned who it is once (auth.test)', () => {
    expect(existsSync(bot.databaseFile)).toBe(true);
    const db = new Database(bot.databaseFile, { readonly: true });
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((t) => t.name);
    db.close();
    expect(tables).toEqual(expect.arrayContaining(['_prisma_migrations', 'UserLink', 'TimeEntryRequest', 'ReminderDelivery', 'OAuthState', 'Installation', 'Timer']));
    expect(slack.callsTo('auth.test')).toHaveLength(1);
  });

  it('reports health with the store and COR reachability', async () => {
    const res = await fetch(`${bot.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', store: 'ok', cor: 'ok' });
  });

  it('answers a signed /cor help with the usage card in the HTTP response', async () => {
    const res = await sender.slashCommand({ text: 'help' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('/cor log'), blocks: expect.any(Array) });
  });

  it('answers an unknown subcommand with the card, not an error', async () => {
    const res = await sender.slashCommand({ text: 'dance' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ text: expect.stringContaining("I don't know `dance` yet") });
  });

  it('verifies before it reads: a forged click on an action nobody handles gets 401, not which actions exist; a signed ssl_check gets an empty 200', async () => {
    const click = { type: 'block_actions', team: { id: 'T0DEMO' }, user: { id: 'U01JANE', team_id: 'T0DEMO' }, actions: [{ action_id: 'no_such_action', block_id: 'b' }] };
    const forged = await sender.interaction(click, { signature: 'v0=deadbeef' });
    expect([forged.status, forged.text]).toEqual([401, 'bad signature']);
    const sslCheck = await sender.send(new URLSearchParams({ ssl_check: '1', token: 'x' }).toString(), 'application/x-www-form-urlencoded');
    expect([sslCheck.status, sslCheck.text]).toEqual([200, '']);
  });

  it('refuses a bad signature and a stale timestamp with 401, and does nothing', async () => {
    const callsBefore = slack.calls.length;
    const forged = await sender.slashCommand({ text: 'help' }, { signature: 'v0=deadbeef' });
    const wrongSecret = await sender.slashCommand({ text: 'help' }, { signature: slackSignature('not-the-secret', Math.floor(Date.now() / 1000), 'x') });
    const staleAt = Math.floor(Date.now() / 1000) - 10 * 60;
    const stale = await sender.slashCommand({ text: 'help' }, { timestamp: staleAt });
    expect([forged.status, wrongSecret.status, stale.status]).toEqual([401, 401, 401]);
    expect(stale.text).not.toContain('/cor log');
    await new Promise((r) => setTimeout(r, 100));
    expect(slack.calls.length).toBe(callsBefore);
    expect(slack.responses).toHaveLength(0);
  });

  it('publishes App Home on app_home_opened sent as a signed event', async () => {
    const res = await sender.event({ type: 'app_home_opened', user: 'U01JANE', channel: 'D01', tab: 'home', event_ts: '1.1' });
    expect(res.status).toBe(200);
    const call = await slack.waitFor(() => slack.callsTo('views.publish')[0]);
    expect(call.args).toMatchObject({ user_id: 'U01JANE', view: { type: 'home' } });
  });

  it('serves 404 for unknown paths', async () => {
    expect((await fetch(`${bot.baseUrl}/nope`)).status).toBe(404);
  });

  it('never writes a token to its output', () => {
    expect(bot.output()).not.toMatch(/xoxb-fake-demo-token|cor-at-|cor-rt-|fake-cor-client-secret/);
  });

  it('on SIGTERM finishes work already acknowledged, then exits 0', async () => {
    slack.setLatency('views.publish', 800);
    const published = slack.callsTo('views.publish').length;
    const acked = await sender.event({ type: 'app_home_opened', user: 'U02JOHN', channel: 'D02', tab: 'home', event_ts: '2.1' });
    expect(acked.status).toBe(200);
    await slack.waitFor(() => slack.callsTo('views.publish').length > published);
    const code = await bot.stop('SIGTERM');
    expect(code).toBe(0);
    expect(bot.output()).toMatch(/"inFlight":1/);
    expect(bot.output()).toContain('"msg":"stopped"');
    expect(bot.output()).not.toContain('did not finish in time');
    expect(bot.output()).not.toContain('listener failed');
  });
});

describe('the bot as a process, when it cannot start', () => {
  it('lists every configuration problem at once and exits non-zero', async () => {
    const { code, output } = await runBotToExit({ PATH: process.env.PATH ?? '', SLACK_MODE: 'http', PORT: 'x' });
    expect(code).toBe(1);
    expect(output).toContain('PORT must be a whole number');
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'COR_API_KEY', 'COR_CLIENT_SECRET']) expect(output).toContain(`${name} is missing`);
  });

  it('exits non-zero with a clear message when Slack refuses the bot token', async () => {
    const slack = await new FakeSlack().start();
    const cor = await new FakeCor().start();
    try {
      const { code, output } = await runBotToExit(botEnv(addressesOf(slack, cor), { SLACK_BOT_TOKEN: 'xoxb-revoked', DATABASE_URL: 'file::memory:' }));
      expect(code).toBe(1);
      expect(output).toContain('Slack refused SLACK_BOT_TOKEN');
      expect(output).not.toContain('xoxb-revoked');
    } finally {
      await Promise.all([slack.stop(), cor.stop()]);
    }
  });

  it('reports COR as unreachable in health, still 200 for the instance', async () => {
    const slack = await new FakeSlack().start();
    const cor = await new FakeCor().start();
    cor.addFault({ path: '/oauth/token', status: 503 });
    const bot = await startBot(botEnv(addressesOf(slack, cor)));
    try {
      const res = await fetch(`${bot.baseUrl}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'degraded', store: 'ok', cor: 'error: server' });
    } finally {
      await bot.stop();
      await Promise.all([slack.stop(), cor.stop()]);
    }
  });
});
