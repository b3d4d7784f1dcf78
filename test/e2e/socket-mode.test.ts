import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localParts } from '../../src/lib/zoned.ts';
import { addressesOf, type BotProcess, botEnv, freePort, startBot } from '../../tools/bot-process.ts';
import { FakeCor } from '../../tools/fake-cor/server.ts';
import { FakeSlack } from '../../tools/fake-slack/server.ts';
import { buttonClick, slashCommandBody } from '../helpers/bolt.ts';
import { consentThrough, waitForResponse } from '../helpers/linking.ts';
import { buttonValue, logFormSubmission } from '../helpers/payloads.ts';

const TZ = 'America/Argentina/Buenos_Aires'; // Jane's Slack zone
const JANE = 2;

// The default run mode (`npm start`): the bot as a process over Socket Mode, against a fake Socket Mode server.
describe('Socket Mode (bot process, the default mode)', () => {
  let slack: FakeSlack;
  let cor: FakeCor;
  let bot: BotProcess;
  const day = (daysAgo: number) => addDays(localParts(new Date(), TZ).date, -daysAgo);
  const command = (text: string, triggerId: string) => {
    const payload = slashCommandBody(text, slack, { trigger_id: triggerId });
    return { payload, responseUrl: String(payload.response_url) };
  };

  beforeAll(async () => {
    slack = await new FakeSlack().start();
    cor = await new FakeCor().start();
    const port = await freePort();
    // botEnv's HTTP-mode settings, less the signing secret: SLACK_MODE's default is Socket Mode.
    const { SLACK_MODE: _mode, SLACK_SIGNING_SECRET: _secret, ...env } = botEnv(addressesOf(slack, cor), { PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` });
    bot = await startBot({ ...env, SLACK_APP_TOKEN: 'xapp-1-A0COR-fake' });
    await slack.socketMode.connected(1);
    const link = command('link', 'link.1');
    const card = await slack.socketMode.send({ type: 'slash_commands', payload: link.payload });
    await consentThrough(card, JANE);
    // Jane's Slack speaks es-LA; here she reads the bot in English, as she chose.
    const language = command('language en', 'language.1');
    await slack.socketMode.send({ type: 'slash_commands', payload: language.payload });
    await waitForResponse(slack, language.responseUrl, (b) => String(b.text).includes('English'));
  });
  afterAll(async () => {
    await bot.stop();
    await Promise.all([slack.stop(), cor.stop()]);
  });

  it('connects with the app-level token through the configured Slack API', () => {
    expect(slack.callsTo('apps.connections.open').map((c) => c.token)).toEqual(['xapp-1-A0COR-fake']);
  });

  it('/cor log: acked over the socket, then the entry and the answer', async () => {
    const before = cor.hoursOf(JANE).length;
    const { payload, responseUrl } = command(`log 1h #48211 ${day(3)}`, 'sock.log.1');
    const ack = await slack.socketMode.send({ type: 'slash_commands', payload });
    expect(ack).toMatchObject({ text: '⏳ Logging…' });
    await waitForResponse(slack, responseUrl, (b) => String(b.text).startsWith('✓ Logged 1h'), 10_000);
    expect(cor.hoursOf(JANE).length).toBe(before + 1);
  });

  it('a button: Log it on a guessed task writes once, even when the click comes twice', async () => {
    const before = cor.hoursOf(JANE).length;
    const { payload, responseUrl } = command(`log 30m on login flwo ${day(4)}`, 'sock.guess.1');
    await slack.socketMode.send({ type: 'slash_commands', payload });
    const question = await waitForResponse(slack, responseUrl, (b) => String(b.text).startsWith('I guessed'), 10_000);
    const clicks = [slack.newResponseUrl(), slack.newResponseUrl()].map((url) => ({ url, body: buttonClick('log_confirm', buttonValue(question, 'log_confirm'), { responseUrl: url }) }));
    await Promise.all(clicks.map((c) => slack.socketMode.send({ type: 'interactive', payload: c.body })));
    const answers = await Promise.all(clicks.map((c) => waitForResponse(slack, c.url, () => true, 10_000)));
    expect(answers.map((a) => String(a.text)).sort()).toEqual([expect.stringContaining('already'), expect.stringContaining('✓ Logged 30m on Mobile app login flow')].sort());
    expect(cor.hoursOf(JANE).length).toBe(before + 1);
  });

  it('a form submission closes the form in the ack, then writes once and DMs the result', async () => {
    const before = cor.hoursOf(JANE).length;
    const form = logFormSubmission({ viewId: 'VSOCKET1', tz: TZ, taskId: '48211', date: day(5), duration: '20m' });
    const ack = await slack.socketMode.send({ type: 'interactive', payload: form });
    expect(ack).toEqual({});
    await slack.waitFor(() => slack.callsTo('chat.postMessage').some((c) => String(c.args.text).startsWith('✓ Logged 20m')), 10_000);
    expect(cor.hoursOf(JANE).length).toBe(before + 1);
  });

  it('an App Home event publishes the home tab', async () => {
    const published = slack.callsTo('views.publish').length;
    const event = { type: 'app_home_opened', user: 'U01JANE', channel: 'D01', tab: 'home', event_ts: '1.1' };
    await slack.socketMode.send({
      type: 'events_api',
      payload: { token: 'x', team_id: 'T0DEMO', api_app_id: 'A0COR', event, type: 'event_callback', event_id: 'EvSOCKET1', event_time: 1, authorizations: [{ team_id: 'T0DEMO', user_id: 'UBOT', is_bot: true }] },
    });
    const call = await slack.waitFor(() => slack.callsTo('views.publish')[published], 10_000);
    expect(call.args).toMatchObject({ user_id: 'U01JANE' });
  });

  it('a message to the bot over the socket logs once, even when the envelope comes twice', async () => {
    const before = cor.hoursOf(JANE).length;
    const ts = '1764500000.000900';
    const event = { type: 'message', channel: 'D01JANE', channel_type: 'im', user: 'U01JANE', text: '40m #48211 yesterday', ts, event_ts: ts };
    const envelope = { type: 'events_api' as const, payload: { token: 'x', team_id: 'T0DEMO', api_app_id: 'A0COR', event, type: 'event_callback', event_id: 'EvSOCKETDM', event_time: 1, authorizations: [{ team_id: 'T0DEMO', user_id: 'UBOT', is_bot: true }] } };
    await slack.socketMode.send(envelope);
    await slack.socketMode.send(envelope);
    const answer = await slack.waitFor(() => slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'D01JANE' && String(c.args.text).startsWith('✓ Logged 40m')), 10_000);
    expect(answer).toBeDefined();
    // Another message after them: once it is answered, the repeated envelope (sent before it) was handled too.
    const later = { ...event, text: '5m #48211 yesterday', ts: '1764500000.000901', event_ts: '1764500000.000901' };
    await slack.socketMode.send({ ...envelope, payload: { ...envelope.payload, event: later, event_id: 'EvSOCKETDM2' } });
    await slack.waitFor(() => slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'D01JANE' && String(c.args.text).startsWith('✓ Logged 5m')), 10_000);
    expect(cor.hoursOf(JANE).length).toBe(before + 2);
    expect(slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'D01JANE' && String(c.args.text).startsWith('✓ Logged 40m'))).toHaveLength(1);
  });

  it('a reconnect in the middle: work under way finishes once, a redelivered envelope writes nothing twice', async () => {
    const before = cor.hoursOf(JANE).length;
    let release = () => {};
    cor.addFault({ until: new Promise<void>((resolve) => (release = resolve)) }); // COR holds its answers
    const { payload, responseUrl } = command(`log 45m #48211 ${day(6)}`, 'sock.reconnect.1');
    const ack = await slack.socketMode.send({ type: 'slash_commands', payload, envelopeId: 'env-reconnect-1' });
    expect(ack).toMatchObject({ text: '⏳ Logging…' });
    slack.socketMode.disconnect(); // Slack recycles the connection while the entry is still being written
    await slack.socketMode.connected(2);
    // Slack redelivers an envelope on the new connection; the bot must not write it a second time.
    const again = await slack.socketMode.send({ type: 'slash_commands', payload, envelopeId: 'env-reconnect-1' });
    expect(again).toMatchObject({ text: '⏳ Logging…' });
    cor.clearFaults();
    release();
    await waitForResponse(slack, responseUrl, (b) => String(b.text).startsWith('✓ Logged 45m'), 10_000);
    await waitForResponse(slack, responseUrl, (b) => String(b.text).includes('already'), 10_000);
    expect(cor.hoursOf(JANE).length).toBe(before + 1);
    // And the new connection carries new work.
    const next = command(`log 15m #48211 ${day(7)}`, 'sock.after.1');
    await slack.socketMode.send({ type: 'slash_commands', payload: next.payload });
    await waitForResponse(slack, next.responseUrl, (b) => String(b.text).startsWith('✓ Logged 15m'), 10_000);
    expect(cor.hoursOf(JANE).length).toBe(before + 2);
  }, 30_000);
});
