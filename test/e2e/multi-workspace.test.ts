import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeCor } from '../../tools/fake-cor/server.ts';
import { FAKE_SLACK_CLIENT, FakeSlack } from '../../tools/fake-slack/server.ts';
import { SlackRequestSender } from '../../tools/fake-slack/signed-requests.ts';
import { type BotProcess, addressesOf, botEnv, freePort, SIGNING_SECRET, startBot } from '../../tools/bot-process.ts';

/** Installs the app into `teamId` through /slack/install and Slack's (fake) consent, carrying the state cookie. */
/** `acceptLanguage`: the browser's Accept-Language on the way back from Slack (the page's language). */
async function install(bot: BotProcess, teamId: string, acceptLanguage?: string): Promise<{ status: number; html: string }> {
  const start = await fetch(`${bot.baseUrl}/slack/install`, { redirect: 'manual' });
  const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const consent = new URL(start.headers.get('location') ?? '');
  consent.searchParams.set('team', teamId);
  const back = await fetch(consent, { redirect: 'manual' });
  const res = await fetch(back.headers.get('location') ?? '', { headers: { cookie, ...(acceptLanguage ? { 'accept-language': acceptLanguage } : {}) } });
  return { status: res.status, html: await res.text() };
}

function consentUrlOf(card: unknown): string {
  const blocks = (card as { blocks: { elements?: { url?: string }[] }[] }).blocks;
  return blocks.flatMap((b) => b.elements ?? []).find((e) => e.url)?.url ?? '';
}

describe('multi-workspace install, end to end', () => {
  let slack: FakeSlack;
  let cor: FakeCor;
  let bot: BotProcess;
  let sender: SlackRequestSender;

  beforeAll(async () => {
    slack = await new FakeSlack({ workspaces: [] }).start();
    cor = await new FakeCor().start();
    const port = await freePort();
    const env = botEnv(addressesOf(slack, cor), {
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SLACK_BOT_TOKEN: '',
      SLACK_CLIENT_ID: FAKE_SLACK_CLIENT.clientId,
      SLACK_CLIENT_SECRET: FAKE_SLACK_CLIENT.clientSecret,
      SLACK_STATE_SECRET: 'e2e-state-secret',
      SLACK_AUTHORIZE_URL: slack.apiUrl.replace('/api/', '/oauth/v2/authorize'),
    });
    bot = await startBot(env);
    sender = new SlackRequestSender(`${bot.baseUrl}/slack/events`, SIGNING_SECRET, slack);
  });
  afterAll(async () => {
    await bot.stop();
    await Promise.all([slack.stop(), cor.stop()]);
  });

  it('installs two workspaces through Slack OAuth, the page in the browser’s language', async () => {
    const demo = await install(bot, 'T0DEMO');
    expect(demo.status).toBe(200);
    expect(demo.html).toContain('<html lang="en">');
    expect(demo.html).toContain('COR is installed');
    const other = await install(bot, 'T0OTHER', 'pt-BR,pt;q=0.9,en;q=0.8');
    expect(other.status).toBe(200);
    expect(other.html).toContain('<html lang="pt">');
    expect(other.html).toContain('O COR está instalado');
    expect(slack.callsTo('oauth.v2.access')).toHaveLength(2);
  });

  it('refuses a callback without the install state cookie', async () => {
    const start = await fetch(`${bot.baseUrl}/slack/install`, { redirect: 'manual' });
    const consent = new URL(start.headers.get('location') ?? '');
    consent.searchParams.set('team', 'T0DEMO');
    const back = await fetch(consent, { redirect: 'manual' });
    const res = await fetch(back.headers.get('location') ?? '', { headers: { 'accept-language': 'es-419,es;q=0.9' } });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('La instalación no terminó');
  });

  it('answers each workspace with its own bot token, and keeps their links apart', async () => {
    const demoToken = slack.workspaces.find((w) => w.teamId === 'T0DEMO')?.botToken;
    const otherToken = slack.workspaces.find((w) => w.teamId === 'T0OTHER')?.botToken;
    // Jane (U01JANE) links in the demo workspace.
    const link = await sender.slashCommand({ text: 'link', user_id: 'U01JANE', team_id: 'T0DEMO' });
    const consent = new URL(consentUrlOf(link.json));
    consent.searchParams.set('user_id', '2');
    const callback = await fetch(consent, { redirect: 'manual' });
    expect((await fetch(callback.headers.get('location') ?? '')).status).toBe(200);
    const welcome = await slack.waitFor(() => slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'U01JANE'));
    expect(welcome.token).toBe(demoToken);

    // The same user id in the other workspace is someone else, and not linked.
    const other = await sender.slashCommand({ text: 'whoami', user_id: 'U01JANE', team_id: 'T0OTHER' });
    const answer = await slack.waitFor(() => slack.responses.find((r) => r.id === other.responseUrl.split('/').pop()));
    // Jane Other's Slack speaks Spanish (es-ES), as Jane's (es-LA) does.
    expect(String(answer.body.text)).toContain('Primero vincula tu cuenta de COR');
    const demo = await sender.slashCommand({ text: 'whoami', user_id: 'U01JANE', team_id: 'T0DEMO' });
    const demoAnswer = await slack.waitFor(() => slack.responses.find((r) => r.id === demo.responseUrl.split('/').pop()));
    expect(String(demoAnswer.body.text)).toContain('Tu cuenta está vinculada como *Jane Doe*');
    // Guessing who they are reads the profile from the other workspace, with that workspace's token.
    await sender.slashCommand({ text: 'link', user_id: 'U01JANE', team_id: 'T0OTHER' });
    const info = await slack.waitFor(() => slack.callsTo('users.info').find((c) => c.token === otherToken));
    expect(info.args.user).toBe('U01JANE');
    expect(slack.callsTo('users.info').every((c) => c.token === otherToken || c.token === demoToken)).toBe(true);
  });

  it('tokens_revoked then app_uninstalled (either order) forget the workspace and its links', async () => {
    const revoked = await sender.event({ type: 'tokens_revoked', tokens: { bot: ['UBOTEMO'] }, event_ts: '1.1' }, 'T0DEMO');
    expect(revoked.status).toBe(200);
    const uninstalled = await sender.event({ type: 'app_uninstalled', event_ts: '1.2' }, 'T0DEMO');
    expect(uninstalled.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(bot.output()).toContain('"msg":"workspace forgotten"');
    // Reinstall and check Jane is no longer linked there.
    await install(bot, 'T0DEMO');
    const who = await sender.slashCommand({ text: 'whoami', user_id: 'U01JANE', team_id: 'T0DEMO' });
    const answer = await slack.waitFor(() => slack.responses.find((r) => r.id === who.responseUrl.split('/').pop()));
    expect(String(answer.body.text)).toContain('Primero vincula tu cuenta de COR');
    // The other workspace is untouched.
    const other = await sender.slashCommand({ text: 'help', team_id: 'T0OTHER' });
    expect(other.status).toBe(200);
  });

  it('never writes a Slack bot token to its output', () => {
    for (const w of slack.workspaces) expect(bot.output()).not.toContain(w.botToken);
  });
});
