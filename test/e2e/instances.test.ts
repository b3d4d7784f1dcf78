import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TokenCipher } from '../../src/lib/crypto.ts';
import { openStore } from '../../src/store/index.ts';
import { addressesOf, botEnv, freePort, SIGNING_SECRET, startBot } from '../../tools/bot-process.ts';
import { FakeCor } from '../../tools/fake-cor/server.ts';
import { FakeSlack } from '../../tools/fake-slack/server.ts';
import { SlackRequestSender } from '../../tools/fake-slack/signed-requests.ts';
import { chooseLanguage, consentUrlOf, responsesTo, waitForResponse } from '../helpers/linking.ts';
import { tempStore, type TempStore } from '../helpers/store.ts';
import { twoBotsOnPostgres, type TwoBots } from '../helpers/bot.ts';

const KEY = Buffer.alloc(32, 3); // the key botEnv configures

/** Two bot processes in HTTP mode on one PostgreSQL, as behind a load balancer. */
describe('two instances on one PostgreSQL', () => {
  let two: TwoBots;
  let slack: FakeSlack;
  let cor: FakeCor;
  let db: TempStore;
  let toA: SlackRequestSender;
  let toB: SlackRequestSender;

  beforeAll(async () => {
    two = await twoBotsOnPostgres({ REMINDER_TICK_SECONDS: '1' });
    ({ slack, cor, db, toA, toB } = two);
  }, 60_000);
  afterAll(() => two.close());

  it('links through one instance and completes the consent on the other (state in the shared store)', async () => {
    const card = await toA.slashCommand({ text: 'link', user_id: 'U01JANE' });
    const consent = new URL(consentUrlOf(card.json));
    consent.searchParams.set('user_id', '2');
    const redirect = await fetch(consent, { redirect: 'manual' });
    const callback = new URL(redirect.headers.get('location') ?? '');
    callback.host = new URL(two.b.baseUrl).host; // the load balancer sent the person to B
    expect((await fetch(callback)).status).toBe(200);
    const whoami = await toA.slashCommand({ text: 'whoami', user_id: 'U01JANE' });
    await waitForResponse(slack, whoami.responseUrl, (m) => String(m.text).includes('Jane Doe'), 10_000);
    // Jane's Slack speaks es-LA; the tests below read her answers in English, as she chose. A choice reaches the
    // other instance within 30 s (what each knew of her is kept that long): she says it to both, to follow at once.
    await chooseLanguage(toA, slack, 'U01JANE', 'en');
    await chooseLanguage(toB, slack, 'U01JANE', 'en');
  });

  it('the same /cor log sent to both (a Slack retry landing elsewhere) writes once; different ones each once', async () => {
    const posts = () => cor.requestsTo('POST', '/hours').filter((x) => x.status === 200).length;
    const before = posts();
    const same = { text: 'log 1h #48211 yesterday', user_id: 'U01JANE', trigger_id: `${Date.now()}.same` };
    const [ra, rb] = await Promise.all([toA.slashCommand(same), toB.slashCommand(same)]);
    await Promise.all([
      waitForResponse(slack, ra.responseUrl, (m) => /Logged|already/.test(String(m.text)), 10_000),
      waitForResponse(slack, rb.responseUrl, (m) => /Logged|already/.test(String(m.text)), 10_000),
    ]);
    expect(posts()).toBe(before + 1);

    const different = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? toA : toB).slashCommand({ text: `log 15m #48212 ${i + 2} days ago`, user_id: 'U01JANE', trigger_id: `${Date.now()}.d${i}` })),
    );
    await Promise.all(different.map((r) => waitForResponse(slack, r.responseUrl, (m) => String(m.text).startsWith('✓ Logged'), 15_000)));
    expect(posts()).toBe(before + 11);
  }, 60_000);

  it('a message to the bot delivered to both instances, and retried by Slack, writes once and is answered once', async () => {
    const posts = () => cor.requestsTo('POST', '/hours').filter((x) => x.status === 200).length;
    const before = posts();
    const ts = `${Math.floor(Date.now() / 1000)}.000777`;
    const event = { type: 'message', channel: 'D01JANE', channel_type: 'im', user: 'U01JANE', text: '35m #48214 yesterday', ts, event_ts: ts };
    const answers = () => slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'D01JANE' && String(c.args.text).startsWith('✓ Logged 35m'));
    const [a, b] = await Promise.all([toA.event(event), toB.event(event)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await slack.waitFor(() => answers().length === 1, 10_000);
    // Slack's retry of the same event (it saw no answer in time) lands on A again.
    expect((await toA.event(event, 'T0DEMO', { retry: { eventId: 'EvRetry1', num: 1 } })).status).toBe(200);
    // Then another message to A: once it is answered, the retry (received before it) has been handled too.
    const next = `${Math.floor(Date.now() / 1000)}.000778`;
    await toA.event({ ...event, text: '10m #48214 yesterday', ts: next, event_ts: next });
    await slack.waitFor(() => slack.callsTo('chat.postMessage').some((c) => c.args.channel === 'D01JANE' && String(c.args.text).startsWith('✓ Logged 10m')), 10_000);
    expect(posts()).toBe(before + 2);
    expect(answers()).toHaveLength(1);
  }, 30_000);

  it('both instances sweep reminders every second; each person gets one DM', async () => {
    // Twenty more people, due whenever the test runs (every day from midnight). They live where it is about noon now:
    // the sweeps running meanwhile must not find one due on the default settings (17:30, Monday to Friday) between
    // its link and its settings, and close its day before the settings say every day.
    const hoursToNoon = 12 - new Date().getUTCHours();
    const tz = hoursToNoon === 0 ? 'UTC' : `Etc/GMT${hoursToNoon > 0 ? '-' : '+'}${Math.abs(hoursToNoon)}`;
    const store = openStore(db.databaseUrl, new TokenCipher(KEY));
    for (let i = 0; i < 20; i++) {
      const link = await store.links.upsert({ tenantKey: 'T:T0DEMO', slackUserId: `UP${i}`, corUserId: 10 + i, corName: `Demo Person ${10 + i}`, tz, tokens: { accessToken: `a${i}`, refreshToken: `r${i}`, expiresAt: new Date() } });
      await store.reminders.saveSetting({ ...(await store.reminders.getSetting(link.id)), localTime: '00:00', weekdays: [1, 2, 3, 4, 5, 6, 7] });
    }
    await store.close();
    const dms = () => {
      const counts = new Map<string, number>();
      for (const c of slack.callsTo('chat.postMessage')) {
        const channel = String(c.args.channel);
        if (channel.startsWith('UP')) counts.set(channel, (counts.get(channel) ?? 0) + 1);
      }
      return counts;
    };
    await slack.waitFor(() => dms().size === 20, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // a few more ticks of both
    expect([...dms().values()].every((n) => n === 1)).toBe(true);
    expect(dms().size).toBe(20);
  }, 60_000);
});

describe('an instance killed mid-sweep', () => {
  it('the other finishes its sweep after the lease: every due DM exactly once', async () => {
    const slack = await new FakeSlack().start();
    const cor = await new FakeCor().start();
    const db = await tempStore({ postgres: inject('postgresUrl') });
    const store = openStore(db.databaseUrl, new TokenCipher(KEY));
    for (let i = 0; i < 40; i++) {
      const link = await store.links.upsert({ tenantKey: 'T:T0DEMO', slackUserId: `UK${i}`, corUserId: 6 + i, corName: `Demo Person ${6 + i}`, tz: 'UTC', tokens: { accessToken: `a${i}`, refreshToken: `r${i}`, expiresAt: new Date() } });
      await store.reminders.saveSetting({ ...(await store.reminders.getSetting(link.id)), localTime: '00:00', weekdays: [1, 2, 3, 4, 5, 6, 7] });
    }
    await store.close();
    slack.setLatency('chat.postMessage', 40);
    const start = async () => {
      const port = await freePort();
      const env = botEnv(addressesOf(slack, cor), { PORT: String(port), DATABASE_URL: db.databaseUrl, REMINDER_TICK_SECONDS: '1', REMINDER_SENDS_PER_SECOND: '20', REMINDER_LEASE_SECONDS: '4' });
      return startBot(env, 30_000);
    };
    const [a, b] = await Promise.all([start(), start()]);
    try {
      const dms = () => {
        const counts = new Map<string, number>();
        for (const c of slack.callsTo('chat.postMessage')) counts.set(String(c.args.channel), (counts.get(String(c.args.channel)) ?? 0) + 1);
        return counts;
      };
      await slack.waitFor(() => dms().size >= 8, 20_000);
      expect(await a.stop('SIGKILL')).toBeNull(); // killed, not exited
      expect(dms().size).toBeLessThan(40); // the sweep was not over
      await slack.waitFor(() => dms().size === 40, 30_000);
      await new Promise((resolve) => setTimeout(resolve, 3_000)); // more ticks of the survivor
      expect(dms().size).toBe(40);
      expect([...dms().entries()].filter(([, n]) => n !== 1)).toEqual([]);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await db.cleanup();
      await Promise.all([slack.stop(), cor.stop()]);
    }
  }, 90_000);
});


describe('an instance killed right after acknowledging /cor log', () => {
  it('while alive its lease is renewed (work slower than the lease is not taken over); killed, another instance finishes the command once the lease runs out: written once, answered in place', async () => {
    const slack = await new FakeSlack().start();
    const cor = await new FakeCor().start();
    const db = await tempStore({ postgres: inject('postgresUrl') });
    const store = openStore(db.databaseUrl, new TokenCipher(KEY));
    const t = cor.issueTokens(2);
    // A link that keeps an English Slack locale: the answers below are read in English.
    const link = await store.links.upsert({ tenantKey: 'T:T0DEMO', slackUserId: 'U01JANE', corUserId: 2, corName: 'Jane Doe', tz: 'America/Argentina/Buenos_Aires', locale: 'en-US', tokens: { accessToken: t.access_token, refreshToken: t.refresh_token, expiresAt: new Date(Date.now() + 3_600_000) } });
    await store.reminders.saveSetting({ ...(await store.reminders.getSetting(link.id)), enabled: false });
    await store.close();
    const start = async () => {
      const port = await freePort();
      const env = botEnv(addressesOf(slack, cor), { PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, DATABASE_URL: db.databaseUrl, WORK_LEASE_SECONDS: '2' });
      return startBot(env, 30_000);
    };
    const [a, b] = await Promise.all([start(), start()]);
    // COR holds A's first look-up after the ack (the day's entries): A is killed while waiting for it.
    let release = () => {};
    let arrived = () => {};
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    cor.addFault({ method: 'GET', path: '/hours', times: 1, arrived, until: new Promise<void>((resolve) => (release = resolve)) });
    try {
      const toA = new SlackRequestSender(`${a.baseUrl}/slack/events`, SIGNING_SECRET, slack);
      const posts = () => cor.requestsTo('POST', '/hours').filter((x) => x.status === 200);
      const sent = await toA.slashCommand({ text: 'log 1h #48211 yesterday', user_id: 'U01JANE', trigger_id: `${Date.now()}.crash` });
      expect(sent.json).toMatchObject({ text: '⏳ Logging…' });
      await reached;
      // A waits on COR for more than two leases: it renews its lease, so B leaves the command alone.
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      expect(cor.requestsTo('GET', '/hours')).toHaveLength(0); // the held read is recorded once answered: no other read
      expect(responsesTo(slack, sent.responseUrl).filter((m) => String(m.text).startsWith('✓'))).toHaveLength(0);
      expect(await a.stop('SIGKILL')).toBeNull(); // killed, not exited: the command was acknowledged, nothing written
      release();
      expect(posts()).toHaveLength(0);
      // B finds the command A left, does it, and answers in place of A's "Logging…".
      const answer = await waitForResponse(slack, sent.responseUrl, (m) => String(m.text).startsWith('✓ Logged 1h'), 20_000);
      expect(String(answer.text)).toContain('Homepage redesign');
      await new Promise((resolve) => setTimeout(resolve, 3_000)); // more passes of the survivor
      expect(posts()).toHaveLength(1);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await db.cleanup();
      await Promise.all([slack.stop(), cor.stop()]);
    }
  }, 90_000);
});
