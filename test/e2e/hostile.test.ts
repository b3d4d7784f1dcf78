import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotProcess, addressesOf, botEnv, freePort, SIGNING_SECRET, startBot } from '../../tools/bot-process.ts';
import { FakeCor } from '../../tools/fake-cor/server.ts';
import { FakeSlack } from '../../tools/fake-slack/server.ts';
import { SlackRequestSender, slackSignature } from '../../tools/fake-slack/signed-requests.ts';
import { chooseLanguage, linkUser, waitForResponse } from '../helpers/linking.ts';

/**
 * Hostile and broken requests against the bot as a process: each gets a clean refusal (4xx) or a safe answer,
 * none gets a 5xx or crashes the bot, and none writes anything it should not.
 */
interface Case {
  name: string;
  send: () => Promise<{ status: number; text: string }>;
  /** what the answer must look like; by default: a 4xx refusal */
  check?: (status: number, text: string) => void;
}

const now = () => Math.floor(Date.now() / 1000);
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe('hostile and broken requests (bot process)', () => {
  let slack: FakeSlack;
  let cor: FakeCor;
  let bot: BotProcess;
  let sender: SlackRequestSender;
  let url: string;

  beforeAll(async () => {
    slack = await new FakeSlack().start();
    cor = await new FakeCor().start();
    // A task whose title tries to ping everyone and inject markup.
    cor.data.tasks.push({ id: 48999, title: '<!channel> *urgent* <https://evil.example|click> `x`', project_id: 100, description: '', deadline: null, status: 'nueva', priority: 1, archived: false, collaborators: [2] });
    const port = await freePort();
    bot = await startBot(botEnv(addressesOf(slack, cor), { PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` }));
    url = `${bot.baseUrl}/slack/events`;
    sender = new SlackRequestSender(url, SIGNING_SECRET, slack);
    await linkUser(sender, 'U01JANE', 2);
    await chooseLanguage(sender, slack, 'U01JANE', 'en');
  }, 60_000);
  afterAll(async () => {
    await bot.stop();
    await Promise.all([slack.stop(), cor.stop()]);
  });

  const raw = async (body: string | Uint8Array, headers: Record<string, string>) => {
    const res = await fetch(url, { method: 'POST', body, headers, signal: AbortSignal.timeout(5_000) });
    return { status: res.status, text: await res.text() };
  };
  const signed = (body: string, contentType: string, opts: { ts?: number; sig?: string; omit?: 'ts' | 'sig' } = {}) => {
    const ts = opts.ts ?? now();
    const headers: Record<string, string> = { 'content-type': contentType };
    if (opts.omit !== 'ts') headers['x-slack-request-timestamp'] = String(ts);
    if (opts.omit !== 'sig') headers['x-slack-signature'] = opts.sig ?? slackSignature(SIGNING_SECRET, ts, body);
    return raw(body, headers);
  };
  const command = (text: string, extra: Record<string, string> = {}) =>
    form({ token: 'x', team_id: 'T0DEMO', user_id: 'U01JANE', command: '/cor', text, response_url: slack.newResponseUrl(), trigger_id: `${Math.random()}.t`, channel_id: 'C0GENERAL', ...extra });
  const interaction = (payload: unknown) => form({ payload: typeof payload === 'string' ? payload : JSON.stringify(payload) });
  const action = (actionId: string, value: string, user = 'U01JANE', team = 'T0DEMO') =>
    interaction({
      type: 'block_actions',
      team: { id: team, domain: 'd' },
      user: { id: user, team_id: team, username: 'x', name: 'x' },
      api_app_id: 'A0COR',
      token: 'x',
      trigger_id: `${Math.random()}.t`,
      response_url: slack.newResponseUrl(),
      container: { type: 'message', message_ts: '1.1' },
      actions: [{ type: 'button', action_id: actionId, block_id: 'b', value, action_ts: '1' }],
    });
  const FORM = 'application/x-www-form-urlencoded';
  const refused = (status: number) => expect(status >= 400 && status < 500).toBe(true);
  const safe = (status: number) => expect(status).toBeLessThan(500);

  const bodies: [string, () => string, string][] = [
    ['a slash command', () => command('help'), FORM],
    ['a button click', () => action('log_cancel', '{}'), FORM],
    ['a view submission', () => interaction({ type: 'view_submission', team: { id: 'T0DEMO' }, user: { id: 'U01JANE', team_id: 'T0DEMO' }, view: { id: 'V1', callback_id: 'log_time_modal', private_metadata: '{}', state: { values: {} } } }), FORM],
    ['an options request', () => interaction({ type: 'block_suggestion', team: { id: 'T0DEMO' }, user: { id: 'U01JANE', team_id: 'T0DEMO' }, action_id: 'task_select', block_id: 'task', value: 'home' }), FORM],
    ['an event', () => JSON.stringify({ type: 'event_callback', team_id: 'T0DEMO', api_app_id: 'A0COR', event_id: `Ev${Math.random()}`, event_time: 1, event: { type: 'app_home_opened', user: 'U01JANE', tab: 'home', channel: 'D1' } }), 'application/json'],
  ];
  const signatureFaults: [string, (body: string, type: string) => Promise<{ status: number; text: string }>][] = [
    ['a wrong signature', (b, t) => signed(b, t, { sig: slackSignature('not-the-secret', now(), b) })],
    ['a timestamp 6 minutes old (replay)', (b, t) => signed(b, t, { ts: now() - 360 })],
    ['a timestamp 6 minutes ahead', (b, t) => signed(b, t, { ts: now() + 360 })],
    ['no signature header', (b, t) => signed(b, t, { omit: 'sig' })],
    ['no timestamp header', (b, t) => signed(b, t, { omit: 'ts' })],
    ['a non-numeric timestamp', (b, t) => raw(b, { 'content-type': t, 'x-slack-request-timestamp': 'yesterday', 'x-slack-signature': slackSignature(SIGNING_SECRET, now(), b) })],
    ['a v1 signature', (b, t) => signed(b, t, { sig: slackSignature(SIGNING_SECRET, now(), b).replace('v0=', 'v1=') })],
    ['an empty signature', (b, t) => signed(b, t, { sig: '' })],
    ['the signature of another body', (b, t) => signed(b, t, { sig: slackSignature(SIGNING_SECRET, now(), `${b}x`) })],
    ['a body changed after signing', (b, t) => raw(`${b}&text=evil`, { 'content-type': t, 'x-slack-request-timestamp': String(now()), 'x-slack-signature': slackSignature(SIGNING_SECRET, now(), b) })],
  ];

  const cases: Case[] = [];
  for (const [what, body, type] of bodies) {
    for (const [fault, send] of signatureFaults) cases.push({ name: `${what} with ${fault}`, send: () => send(body(), type) });
    cases.push({ name: `${what} sent as text/plain`, send: () => signed(body(), 'text/plain'), check: safe });
    cases.push({ name: `${what} sent as application/xml`, send: () => signed(body(), 'application/xml'), check: safe });
    cases.push({ name: `${what} cut in half`, send: () => { const b = body(); return signed(b.slice(0, Math.floor(b.length / 2)), type); }, check: safe });
  }
  const malformed: [string, () => string, string][] = [
    ['an empty body', () => '', FORM],
    ['payload= that is not JSON', () => form({ payload: '{"type": "block_actions", ' }), FORM],
    ['payload= that is JSON but not an object', () => form({ payload: '42' }), FORM],
    ['an unknown payload type', () => interaction({ type: 'definitely_not_slack', team: { id: 'T0DEMO' }, user: { id: 'U01JANE' } }), FORM],
    ['a payload with no type', () => interaction({ team: { id: 'T0DEMO' } }), FORM],
    ['block_actions with no actions', () => interaction({ type: 'block_actions', team: { id: 'T0DEMO' }, user: { id: 'U01JANE', team_id: 'T0DEMO' }, actions: [] }), FORM],
    ['a command with no user', () => form({ team_id: 'T0DEMO', command: '/cor', text: 'help', response_url: 'http://127.0.0.1:9/x', trigger_id: '1.t' }), FORM],
    ['a command with no team', () => form({ user_id: 'U01JANE', command: '/cor', text: 'help', response_url: 'http://127.0.0.1:9/x', trigger_id: '1.t' }), FORM],
    ['a command with a bad response_url', () => command('log 1h #48211 yesterday', { response_url: 'not a url' }), FORM],
    ['JSON that is not an object', () => '[1,2,3]', 'application/json'],
    ['broken JSON', () => '{"type": "event_callback", "event": ', 'application/json'],
    ['an event of an unknown type', () => JSON.stringify({ type: 'event_callback', team_id: 'T0DEMO', event_id: 'Ev-x', event: { type: 'made_up_event' } }), 'application/json'],
    ['binary garbage', () => String.fromCharCode(...Array.from({ length: 512 }, (_, i) => (i * 37) % 256)), FORM],
    ['a 2 MB body', () => `text=${'a'.repeat(2 * 1024 * 1024)}`, FORM],
    ['a url_verification without a challenge', () => JSON.stringify({ type: 'url_verification' }), 'application/json'],
  ];
  for (const [name, body, type] of malformed) cases.push({ name, send: () => signed(body(), type), check: safe });

  // Signed and well-formed, but hostile in what they ask.
  const hostile: [string, () => string][] = [
    ['a forged "Log it" naming another person', () => action('log_confirm', JSON.stringify({ u: 'U02JOHN', t: 'T:T0DEMO', k: 'k1', task: 48211, s: '2026-11-20T12:00:00.000Z', e: '2026-11-20T13:00:00.000Z' }))],
    ['a forged "Log it" from another workspace', () => action('log_confirm', JSON.stringify({ u: 'U01JANE', t: 'T:T0OTHER', k: 'k2', task: 48211, s: '2026-11-20T12:00:00.000Z', e: '2026-11-20T13:00:00.000Z' }))],
    ['a "Log it" with a value that is not JSON', () => action('log_confirm', '{oops')],
    ['a "Log it" with a 10 KB note', () => action('log_confirm', JSON.stringify({ u: 'U01JANE', t: 'T:T0DEMO', k: 'k3', task: 48211, s: '2026-11-20T12:00:00.000Z', e: '2026-11-20T13:00:00.000Z', n: 'x'.repeat(10_000) }))],
    ['a "Log it" whose span ends before it starts', () => action('log_confirm', JSON.stringify({ u: 'U01JANE', t: 'T:T0DEMO', k: 'k4', task: 48211, s: '2026-11-20T13:00:00.000Z', e: 'not-a-date' }))],
    ['a reminder button naming a delivery that does not exist', () => action('reminder_log_task', JSON.stringify({ d: 'nope', t: 48211 }))],
    ['a reminder button with SQL in it', () => action('reminder_snooze', JSON.stringify({ d: "x' OR '1'='1" }))],
    ['Change status on a task id that is not a number', () => action('task_change_status', '48211; DROP TABLE')],
    ['Show more with a huge offset', () => action('tasks_more', JSON.stringify({ o: 99_999_999, q: '' }))],
    ['a click by someone not linked', () => action('task_change_status', '48211', 'U02JOHN')],
    ['a click from a workspace this bot is not in', () => action('log_cancel', '{}', 'U01JANE', 'T0NOWHERE')],
    ['/cor log with <!channel> in the note', () => command('log 15m #48211 yesterday -- <!channel> <@U02JOHN> *bold*')],
    ['/cor log with 20,000 characters', () => command(`log 1h #48211 yesterday ${'lorem '.repeat(3_400)}`)],
    ['/cor log with control characters', () => command('log 1h\u0000\u0007\u001b[31m #48211 yesterday\r\n\t')],
    ['/cor task for a title that pings everyone', () => command('task #48999')],
    ['/cor tasks with markup in the words', () => command('tasks <!here> `code` *x*')],
    ['/cor remind with 5,000 characters', () => command(`remind at ${'9'.repeat(5_000)}`)],
    ['/cor with only whitespace and emoji', () => command('   🙂   ')],
    ['/cor log with a negative duration', () => command('log -3h #48211 yesterday')],
    ['/cor log with a date in year 9999', () => command('log 1h #48211 9999-12-31')],
    ['/cor log with a task id beyond any integer', () => command('log 1h #99999999999999999999 yesterday')],
    ['/cor project new with no channel', () => command('project new', { channel_id: '' })],
    ['a view submission with someone else\'s form', () => interaction({ type: 'view_submission', team: { id: 'T0DEMO' }, user: { id: 'U02JOHN', team_id: 'T0DEMO' }, view: { id: 'V9', callback_id: 'task_status_modal', private_metadata: JSON.stringify({ t: 'T:T0DEMO', u: 'U01JANE', task: 48211 }), state: { values: {} } } })],
    ['a view submission with private_metadata that is not JSON', () => interaction({ type: 'view_submission', team: { id: 'T0DEMO' }, user: { id: 'U01JANE', team_id: 'T0DEMO' }, view: { id: 'V9', callback_id: 'reminder_settings_modal', private_metadata: '{{{', state: { values: {} } } })],
    ['an options request for a huge query', () => interaction({ type: 'block_suggestion', team: { id: 'T0DEMO' }, user: { id: 'U01JANE', team_id: 'T0DEMO' }, action_id: 'task_select', block_id: 'task', value: 'x'.repeat(100_000) })],
  ];
  for (const [name, body] of hostile) cases.push({ name, send: () => signed(body(), FORM), check: safe });

  it(`has at least 100 cases (${cases.length})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
  });

  it('refuses or safely answers each, writes nothing it should not, never pings everyone, and stays healthy', async () => {
    const failures: string[] = [];
    for (const c of cases) {
      const started = performance.now();
      const { status, text } = await c.send();
      try {
        (c.check ?? refused)(status, text);
        expect(performance.now() - started).toBeLessThan(3_000);
      } catch (err) {
        failures.push(`${c.name}: HTTP ${status} ${text.slice(0, 120)} (${String(err).slice(0, 120)})`);
      }
    }
    expect(failures).toEqual([]);
    // Let background work finish, then look at what reached COR and Slack.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const writes = cor.exchanges.filter((x) => x.method !== 'GET' && !x.route.includes('oauth') && x.status < 400);
    // The only writes allowed: /cor log lines that were valid for Jane herself (the note, control characters, long text).
    expect(writes.filter((x) => !(x.method === 'POST' && x.route === '/hours' && x.userId === 2)).map((x) => `${x.method} ${x.route} ${x.status}`)).toEqual([]);
    const said = JSON.stringify([...slack.calls.map((c) => c.args), ...slack.responses.map((r) => r.body)]);
    const pings = [...said.matchAll(/<!channel>|<!here>|<@U02JOHN>/g)].map((m) => said.slice(Math.max(0, m.index - 160), m.index + 40));
    expect(pings).toEqual([]);
    expect((await fetch(`${bot.baseUrl}/healthz`)).status).toBe(200);
    expect(bot.child.exitCode).toBeNull();
  }, 120_000);

  it('words that once held the event loop for minutes: someone else\'s /cor help is still acked within Slack\'s 3 s, and the stall shows in /metrics', async () => {
    const hostile = `9${' '.repeat(1_990)}-`;
    const log = await sender.slashCommand({ text: `log ${hostile}`, user_id: 'U01JANE', trigger_id: `${Date.now()}.hostile` });
    expect(log.status).toBe(200);
    const ts = `${Math.floor(Date.now() / 1000)}.000321`;
    expect((await sender.event({ type: 'message', channel: 'D01JANE', channel_type: 'im', user: 'U01JANE', text: hostile, ts, event_ts: ts })).status).toBe(200);
    // Slack gives up on an ack after 3 s: so does this request.
    const form = new URLSearchParams({ token: 'x', team_id: 'T0DEMO', user_id: 'U02JOHN', command: '/cor', text: 'help', response_url: slack.newResponseUrl(), trigger_id: `${Date.now()}.help`, channel_id: 'C0GENERAL' }).toString();
    const ts2 = Math.floor(Date.now() / 1000);
    const help = await fetch(url, {
      method: 'POST',
      body: form,
      headers: { 'content-type': FORM, 'x-slack-request-timestamp': String(ts2), 'x-slack-signature': slackSignature(SIGNING_SECRET, ts2, form) },
      signal: AbortSignal.timeout(3_000),
    });
    expect(help.status).toBe(200);
    expect(await help.text()).toContain('/cor log');
    // Jane is answered too: nothing was read as time, so she is asked for a duration.
    const answer = await waitForResponse(slack, log.responseUrl, (m) => typeof m.text === 'string', 10_000);
    expect(String(answer.text)).toMatch(/How long|hours or minutes/);
    const metrics = await (await fetch(`${bot.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/^nodejs_eventloop_delay_p99_seconds \d/m);
    expect(metrics).toMatch(/^nodejs_eventloop_delay_max_seconds \d/m);
  }, 60_000);
});
