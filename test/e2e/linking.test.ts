import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeCor } from '../../tools/fake-cor/server.ts';
import type { FakeSlack } from '../../tools/fake-slack/server.ts';
import type { SlackRequestSender } from '../../tools/fake-slack/signed-requests.ts';
import type { BotProcess } from '../../tools/bot-process.ts';
import { type BotWithFakes, botWithFakes } from '../helpers/bot.ts';
import { consentUrlOf } from '../helpers/linking.ts';

interface Card {
  text: string;
  blocks: { type: string; elements?: { url?: string; action_id?: string }[]; text?: { text: string } }[];
}

/** Goes through COR's consent page as COR user `corUserId` and lands on the bot's callback. */
async function consentAs(consentUrl: string, corUserId: number): Promise<{ status: number; html: string; callbackUrl: string }> {
  const url = new URL(consentUrl);
  url.searchParams.set('user_id', String(corUserId));
  const redirect = await fetch(url, { redirect: 'manual' });
  const callbackUrl = redirect.headers.get('location') ?? '';
  const res = await fetch(callbackUrl);
  return { status: res.status, html: await res.text(), callbackUrl };
}

/** The texts of the DMs the bot sent one person. */
function dmsTo(slack: FakeSlack, user: string): string[] {
  return slack.callsTo('chat.postMessage').filter((c) => c.args.channel === user).map((c) => String(c.args.text));
}

describe('linking, end to end (bot process, fake Slack, fake COR)', () => {
  let slack: FakeSlack;
  let cor: FakeCor;
  let bot: BotProcess;
  let sender: SlackRequestSender;
  let e2e: BotWithFakes;
  const issuedTokens: string[] = [];

  async function linkCommand(user = 'U01JANE') {
    const res = await sender.slashCommand({ text: 'link', user_id: user });
    expect(res.status).toBe(200);
    return res;
  }

  beforeAll(async () => {
    e2e = await botWithFakes();
    ({ slack, cor, bot, sender } = e2e);
  });
  afterAll(() => e2e.close());

  it('a command that needs a link answers with the link card', async () => {
    const res = await sender.slashCommand({ text: 'whoami', user_id: 'U01JANE' });
    expect(res.status).toBe(200);
    const answer = await slack.waitFor(() => slack.responses.find((r) => r.id === res.responseUrl.split('/').pop()));
    // Jane's Slack speaks Spanish (es-LA): every answer to her is in Spanish.
    expect(answer.body.text).toContain('Primero vincula tu cuenta de COR');
    expect(consentUrlOf(answer.body)).toContain(cor.authorizeUrl);
  });

  it('/cor link: a card with the consent button at once, then who they probably are (matched by email)', async () => {
    const res = await linkCommand();
    const url = new URL(consentUrlOf(res.json));
    expect(`${url.origin}${url.pathname}`).toBe(cor.authorizeUrl);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('name')).toBe('cor-slack');
    expect(url.searchParams.get('redirect_uri')).toBe(`${bot.baseUrl}/cor/oauth/callback`);
    expect(url.searchParams.get('state')?.length).toBeGreaterThanOrEqual(32);
    const followUp = await slack.waitFor(() => slack.responses.find((r) => r.id === res.responseUrl.split('/').pop()));
    expect(followUp.body).toMatchObject({ replace_original: true, text: expect.stringContaining('¿Eres *Jane Doe* en COR?') });
    // Jane's COR email differs only by case from her Slack email; all pages of /users were read.
    expect(cor.requestsTo('GET', '/users').length).toBeGreaterThan(0);
  });

  it('the consent round trip links the user, shows a clean page and sends a welcome DM', async () => {
    const res = await linkCommand();
    const { status, html, callbackUrl } = await consentAs(consentUrlOf(res.json), 2);
    expect(status).toBe(200);
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('Cuenta vinculada como Jane Doe');
    expect(html).toContain('Puedes cerrar esta pestaña y volver a Slack.');
    const welcome = await slack.waitFor(() => slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'U01JANE'));
    expect(String(welcome.args.text)).toContain('Tu cuenta está vinculada a COR como Jane Doe');
    expect(JSON.stringify(welcome.args.blocks)).not.toContain(':warning:');
    // Her own COR account (the same email, in another case): nobody else is told anything.
    expect(slack.callsTo('chat.postMessage').map((c) => c.args.channel)).toEqual(['U01JANE']);
    issuedTokens.push(...cor.exchanges.filter((x) => x.route === '/oauth2/token').flatMap((x) => [String((x.response as { access_token?: string }).access_token), String((x.response as { refresh_token?: string }).refresh_token)]));

    // The same callback again: the state was used up (and no longer says who: the browser's language, or the default).
    const again = await fetch(callbackUrl);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('This link was already used');
  });

  it('/cor whoami: whom, since when, access checked against COR, time zone and language', async () => {
    const res = await sender.slashCommand({ text: 'whoami', user_id: 'U01JANE' });
    const answer = await slack.waitFor(() => slack.responses.find((r) => r.id === res.responseUrl.split('/').pop()));
    expect(answer.body.text).toContain('Tu cuenta está vinculada como *Jane Doe* (Jane.Doe@acme.example), usuario 2 de COR');
    expect(answer.body.text).toContain('Acceso a COR: activo');
    expect(answer.body.text).toContain('Zona horaria: America/Argentina/Buenos_Aires · Idioma: español (sigue a Slack)');
  });

  it('refuses missing, forged and incomplete callbacks with a clear page and changes nothing', async () => {
    const base = `${bot.baseUrl}/cor/oauth/callback`;
    const missing = await fetch(`${base}?code=abc`);
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('This link is incomplete');
    const forged = await fetch(`${base}?code=abc&state=${'x'.repeat(32)}`);
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('This link is not valid');
    const res = await linkCommand('U02JOHN');
    const state = new URL(consentUrlOf(res.json)).searchParams.get('state');
    const denied = await fetch(`${base}?error=access_denied&state=${state}`);
    expect(await denied.text()).toContain('You did not allow access in COR');
    const john = await sender.slashCommand({ text: 'whoami', user_id: 'U02JOHN' });
    const answer = await slack.waitFor(() => slack.responses.find((r) => r.id === john.responseUrl.split('/').pop()));
    expect(answer.body.text).toContain('First, link your COR account');
  });

  it("refuses a link approved by someone else's COR account: the page says so, nothing is stored, both are told", async () => {
    const res = await linkCommand('U04MIKE');
    const { status, html } = await consentAs(consentUrlOf(res.json), 3); // Mike's link, approved by John in COR
    expect(status).toBe(403);
    expect(html).toContain('Not linked: this COR account is not theirs');
    expect(html).toContain('nothing was linked and no access to this COR account was kept');
    const mike = await slack.waitFor(() => dmsTo(slack, 'U04MIKE')[0]);
    expect(mike).toContain('I did not link you to COR: the COR account that approved your link belongs to another COR user');
    expect(mike).not.toMatch(/john/i);
    const john = await slack.waitFor(() => dmsTo(slack, 'U02JOHN')[0]);
    expect(john).toContain('<@U04MIKE> tried to link your COR account (john.smith@acme.example) to their own Slack user');
    expect(john).toContain('Nothing was linked');
    const who = await sender.slashCommand({ text: 'whoami', user_id: 'U04MIKE' });
    const answer = await slack.waitFor(() => slack.responses.find((r) => r.id === who.responseUrl.split('/').pop()));
    expect(answer.body.text).toContain('First, link your COR account');
  });

  it('refreshes an expired token with rotation on the next use', async () => {
    const refreshesBefore = cor.requestsTo('POST', '/oauth/refreshtoken').length;
    cor.expireAccessTokens();
    const res = await sender.slashCommand({ text: 'whoami', user_id: 'U01JANE' });
    const answer = await slack.waitFor(() => slack.responses.find((r) => r.id === res.responseUrl.split('/').pop()));
    expect(answer.body.text).toContain('Acceso a COR: activo');
    const refreshes = cor.requestsTo('POST', '/oauth/refreshtoken').slice(refreshesBefore);
    expect(refreshes.map((x) => x.status)).toEqual([200]);
    issuedTokens.push(String((refreshes[0]?.response as { access_token: string }).access_token), String((refreshes[0]?.response as { refresh_token: string }).refresh_token));
    // Using it again works with the rotated refresh token, no new refresh needed.
    const again = await sender.slashCommand({ text: 'whoami', user_id: 'U01JANE' });
    await slack.waitFor(() => slack.responses.find((r) => r.id === again.responseUrl.split('/').pop()));
    expect(cor.requestsTo('POST', '/oauth/refreshtoken').length).toBe(refreshesBefore + 1);
  });

  it('when refresh fails for good, concurrent requests lead to exactly one re-link DM', async () => {
    cor.revokeRefreshTokens(2);
    cor.expireAccessTokens();
    const dmsBefore = slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U01JANE').length;
    const sent = await Promise.all([1, 2, 3, 4].map(() => sender.slashCommand({ text: 'whoami', user_id: 'U01JANE' })));
    for (const s of sent) await slack.waitFor(() => slack.responses.find((r) => r.id === s.responseUrl.split('/').pop()));
    await new Promise((r) => setTimeout(r, 300));
    const dms = slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U01JANE').slice(dmsBefore);
    expect(dms).toHaveLength(1);
    expect(String(dms[0]?.args.text)).toContain('COR dejó de aceptar mi acceso en tu nombre');
    expect(JSON.stringify(dms[0]?.args.blocks)).toContain('open_cor_consent');
    const later = await sender.slashCommand({ text: 'whoami', user_id: 'U01JANE' });
    const answer = await slack.waitFor(() => slack.responses.find((r) => r.id === later.responseUrl.split('/').pop()));
    expect(answer.body.text).toContain('Acceso a COR: vencido definitivamente: usa `/cor link` para vincularte de nuevo');
  });

  it('relinking after that brings access back', async () => {
    const res = await linkCommand();
    expect((res.json as Card).text).toContain('COR ya no acepta mi acceso en tu nombre');
    const { html } = await consentAs(consentUrlOf(res.json), 2);
    expect(html).toContain('Cuenta vinculada como Jane Doe');
    const who = await sender.slashCommand({ text: 'whoami', user_id: 'U01JANE' });
    const answer = await slack.waitFor(() => slack.responses.find((r) => r.id === who.responseUrl.split('/').pop()));
    expect(answer.body.text).toContain('Acceso a COR: activo');
  });

  it('/cor unlink removes the tokens at once', async () => {
    const res = await sender.slashCommand({ text: 'unlink', user_id: 'U01JANE' });
    expect((res.json as Card).text).toContain('Listo, tu cuenta ya no está vinculada. Tus credenciales de COR se eliminaron');
    // No link any more, and the ack comes before any Slack call: the workspace default (English).
    const again = await sender.slashCommand({ text: 'unlink', user_id: 'U01JANE' });
    expect((again.json as Card).text).toContain('You were not linked');
  });

  it('no token ever reaches the database file, the logs or a Slack message', () => {
    const allTokens = [
      ...issuedTokens,
      ...cor.exchanges.filter((x) => ['/oauth2/token', '/oauth/refreshtoken', '/oauth/token'].includes(x.route) && x.status === 200).flatMap((x) => {
        const r = x.response as { access_token: string; refresh_token: string };
        return [r.access_token, r.refresh_token];
      }),
    ].filter((t) => t.startsWith('cor-'));
    expect(allTokens.length).toBeGreaterThan(4);
    const raw = readFileSync(bot.databaseFile).toString('latin1') + readFileSync(`${bot.databaseFile}-wal`, { flag: 'a+' }).toString('latin1');
    const slackText = JSON.stringify([slack.calls, slack.responses]);
    for (const token of allTokens) {
      expect(raw).not.toContain(token);
      expect(bot.output()).not.toContain(token);
      expect(slackText).not.toContain(token);
    }
  });
});

describe('linking with LINK_ALLOW_EMAIL_MISMATCH=true (bot process, fake Slack, fake COR)', () => {
  let e2e: BotWithFakes;
  beforeAll(async () => {
    e2e = await botWithFakes({ env: { LINK_ALLOW_EMAIL_MISMATCH: 'true' } });
  });
  afterAll(() => e2e.close());

  it("links as before with a warning to the asker, and tells the COR account's owner", async () => {
    const { slack, sender } = e2e;
    const res = await sender.slashCommand({ text: 'link', user_id: 'U04MIKE' });
    const { status, html } = await consentAs(consentUrlOf(res.json), 3); // Mike's link, approved by John in COR
    expect(status).toBe(200);
    expect(html).toContain('Linked as John Smith');
    const welcome = await slack.waitFor(() => slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'U04MIKE'));
    expect(JSON.stringify(welcome.args.blocks)).toContain('Your COR email (john.smith@acme.example) is not your Slack email (mike.brown@acme.example)');
    const john = await slack.waitFor(() => dmsTo(slack, 'U02JOHN')[0]);
    expect(john).toContain('<@U04MIKE> linked your COR account (john.smith@acme.example) to their own Slack user');
    expect(john).toContain('can now log time and change tasks *as you*');
  });
});
