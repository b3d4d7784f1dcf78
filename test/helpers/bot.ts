import { inject } from 'vitest';
import { type BotProcess, addressesOf, botEnv, freePort, SIGNING_SECRET, startBot } from '../../tools/bot-process.ts';
import { FakeCor } from '../../tools/fake-cor/server.ts';
import { FakeSlack } from '../../tools/fake-slack/server.ts';
import { SlackRequestSender } from '../../tools/fake-slack/signed-requests.ts';
import { chooseLanguage, linkUser } from './linking.ts';
import { tempStore, type TempStore } from './store.ts';

export interface BotWithFakes {
  slack: FakeSlack;
  cor: FakeCor;
  /** the running bot (a test that restarts it puts the new one here, so `close` stops it) */
  bot: BotProcess;
  /** signed requests to the bot's /slack/events */
  sender: SlackRequestSender;
  /** the bot's environment (to start it again on the same port) */
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * Fake Slack, fake COR and the bot as a process in HTTP mode on a port of its own (its PUBLIC_URL, for the COR
 * consent round trip); `linkJane` links U01JANE to COR user 2 through /cor link first.
 */
export async function botWithFakes(opts: { env?: Record<string, string>; linkJane?: boolean } = {}): Promise<BotWithFakes> {
  const slack = await new FakeSlack().start();
  const cor = await new FakeCor().start();
  const port = await freePort();
  const env = botEnv(addressesOf(slack, cor), { PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, ...opts.env });
  const bot = await startBot(env);
  const sender = new SlackRequestSender(`${bot.baseUrl}/slack/events`, SIGNING_SECRET, slack);
  if (opts.linkJane) {
    await linkUser(sender, 'U01JANE', 2);
    // Jane's Slack speaks es-LA: the tests that link her read the bot in English, as she chose.
    await chooseLanguage(sender, slack, 'U01JANE', 'en');
  }
  const fixture: BotWithFakes = {
    slack,
    cor,
    bot,
    sender,
    env,
    async close() {
      await fixture.bot.stop();
      await Promise.all([slack.stop(), cor.stop()]);
    },
  };
  return fixture;
}

export interface TwoBots {
  slack: FakeSlack;
  cor: FakeCor;
  /** the throw-away PostgreSQL both share */
  db: TempStore;
  a: BotProcess;
  b: BotProcess;
  toA: SlackRequestSender;
  toB: SlackRequestSender;
  close(): Promise<void>;
}

/** Two bot processes on one throw-away PostgreSQL, as behind a load balancer, with the fakes (`env`: extra settings). */
export async function twoBotsOnPostgres(env: Record<string, string>): Promise<TwoBots> {
  const slack = await new FakeSlack().start();
  const cor = await new FakeCor().start();
  const db = await tempStore({ postgres: inject('postgresUrl') });
  const start = async () => {
    const port = await freePort();
    return startBot(botEnv(addressesOf(slack, cor), { PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, DATABASE_URL: db.databaseUrl, ...env }));
  };
  const [a, b] = await Promise.all([start(), start()]);
  return {
    slack,
    cor,
    db,
    a,
    b,
    toA: new SlackRequestSender(`${a.baseUrl}/slack/events`, SIGNING_SECRET, slack),
    toB: new SlackRequestSender(`${b.baseUrl}/slack/events`, SIGNING_SECRET, slack),
    async close() {
      await Promise.all([a.stop(), b.stop()]);
      await db.cleanup();
      await Promise.all([slack.stop(), cor.stop()]);
    },
  };
}
