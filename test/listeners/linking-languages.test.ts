import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COR_CALLBACK_PATH, corOAuthCallbackRoute } from '../../src/slack/http/cor-oauth.ts';
import { type ListenerHarness, listenerHarness, slashCommandBody } from '../helpers/bolt.ts';
import { memoryLogger } from '../helpers/logger.ts';
import { responsesTo } from '../helpers/linking.ts';

const BA = 'America/Argentina/Buenos_Aires';
const SP = 'America/Sao_Paulo';
const NY = 'America/New_York';

function textOf(body: unknown): string {
  return JSON.stringify(body ?? '');
}

let h: ListenerHarness;
beforeEach(async () => {
  h = await listenerHarness();
});
afterEach(async () => {
  await h.close();
});

/** `/cor <text>` as `user`: the ack, and what followed through its response_url. */
async function command(text: string, user: string): Promise<{ ack: string; responses: string[] }> {
  const body = slashCommandBody(text, h.slack, { user_id: user });
  const ack = await h.send(body);
  return { ack: textOf(ack.body), responses: responsesTo(h.slack, String(body.response_url)).map(textOf) };
}

function userChange(user: { id: string; tz: string; locale: string }): Record<string, unknown> {
  return {
    type: 'event_callback',
    team_id: 'T0DEMO',
    api_app_id: 'A0COR',
    token: 'x',
    event_id: `Ev${Math.random()}`,
    event_time: 1,
    event: { type: 'user_change', user: { ...user, team_id: 'T0DEMO' }, event_ts: '1.1' },
  };
}

/** The person's Slack language changes in Slack's own profile (what users.info answers from now on). */
function slackLocale(user: string, locale: string): void {
  const known = h.slack.users.get(`T0DEMO/${user}`);
  if (!known) throw new Error(`no ${user}`);
  h.slack.users.set(`T0DEMO/${user}`, { ...known, locale });
}

/** Through COR's consent page as `corUserId`: the callback's query (code and state), as COR sends the browser back. */
async function consentAs(slackUserId: string, corUserId: number): Promise<URLSearchParams> {
  const consent = new URL(await h.services.linking.consentUrl('T:T0DEMO', slackUserId));
  consent.searchParams.set('user_id', String(corUserId));
  return new URL((await fetch(consent, { redirect: 'manual' })).headers.get('location') ?? '').searchParams;
}

describe('/cor link in three languages', () => {
  it('a linked person’s card is in their language in the ack', async () => {
    await h.linkStored('U01JANE', 2, 'Jane Doe', BA, 'es-LA');
    await h.linkStored('U03ANA', 4, 'Ana Souza', SP, 'pt-BR');
    await h.linkStored('U02JOHN', 3, 'John Smith', NY);
    const jane = await command('link', 'U01JANE');
    expect(jane.ack).toContain('Tu cuenta está vinculada como *Jane Doe*');
    expect(jane.ack).toContain('Vincular de nuevo');
    const ana = await command('link', 'U03ANA');
    expect(ana.ack).toContain('Sua conta está vinculada como *Ana Souza*');
    expect(ana.ack).toContain('Vincular de novo');
    const john = await command('link', 'U02JOHN');
    expect(john.ack).toContain('You are linked as *John Smith*');
    expect(john.ack).toContain('Link again');
  });

  it('someone not linked: the card that follows the ack speaks their Slack language, with the guess', async () => {
    const jane = await command('link', 'U01JANE');
    // The ack comes before any Slack call: the workspace default (English) until Slack says otherwise.
    expect(jane.responses.at(-1)).toContain('¿Eres *Jane Doe* en COR?');
    expect(jane.responses.at(-1)).toContain('Vincular mi cuenta de COR');
    const ana = await command('link', 'U03ANA');
    expect(ana.responses.at(-1)).toContain('Você é *Ana Souza* no COR?');
    expect(ana.responses.at(-1)).toContain('Vincular minha conta do COR');
    const john = await command('link', 'U02JOHN');
    expect(john.responses.at(-1)).toContain('You are *John Smith* in COR?');
    expect(john.responses.at(-1)).toContain('Link my COR account');
  });
});

describe('/cor whoami in three languages', () => {
  it('says the link, the access and the language, and whether it is chosen or follows Slack', async () => {
    await h.linkStored('U01JANE', 2, 'Jane Doe', BA, 'es-LA');
    await h.linkStored('U03ANA', 4, 'Ana Souza', SP, 'pt-BR');
    await h.linkStored('U02JOHN', 3, 'John Smith', NY);
    const jane = (await command('whoami', 'U01JANE')).responses.join();
    expect(jane).toContain('Tu cuenta está vinculada como *Jane Doe*, usuario 2 de COR, desde ');
    expect(jane).toContain('Acceso a COR: activo (se renueva automáticamente).');
    expect(jane).toContain('Zona horaria: America/Argentina/Buenos_Aires · Idioma: español (sigue a Slack)');
    const ana = (await command('whoami', 'U03ANA')).responses.join();
    expect(ana).toContain('Sua conta está vinculada como *Ana Souza*');
    expect(ana).toContain('Acesso ao COR: ativo (renovado automaticamente).');
    expect(ana).toContain('Fuso horário: America/Sao_Paulo · Idioma: português (segue o Slack)');
    const john = (await command('whoami', 'U02JOHN')).responses.join();
    expect(john).toContain('COR access: active (renewed automatically).');
    expect(john).toContain('Time zone: America/New_York · Language: English (follows Slack)');
    await h.services.languages.choose('T:T0DEMO', 'U02JOHN', 'pt');
    const chosen = (await command('whoami', 'U02JOHN')).responses.join();
    expect(chosen).toContain('Acesso ao COR: ativo');
    expect(chosen).toContain('Idioma: português (escolhido por você; `/cor language auto` volta a seguir o Slack)');
  });
});

describe('the welcome DM after linking in three languages', () => {
  const dm = (user: string) => textOf(h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === user).at(-1)?.args.blocks);

  it('is in the language of the person who linked', async () => {
    for (const [user, cor] of [['U01JANE', 2], ['U03ANA', 4], ['U02JOHN', 3]] as const) {
      const back = await consentAs(user, cor);
      expect(await h.services.linking.completeCallback({ code: back.get('code') ?? '', state: back.get('state') ?? '' })).toMatchObject({ ok: true });
    }
    expect(dm('U01JANE')).toContain('Tu cuenta está vinculada a COR como *Jane Doe*. Prueba esto:');
    expect(dm('U01JANE')).toContain('`/cor log 2h en <tarea> ayer`: registra horas con tus palabras');
    expect(dm('U03ANA')).toContain('Sua conta está vinculada ao COR como *Ana Souza*. Experimente:');
    expect(dm('U03ANA')).toContain('`/cor tasks`: suas tarefas abertas');
    expect(dm('U02JOHN')).toContain('You are linked to COR as *John Smith*. Things to try:');
    expect(dm('U02JOHN')).toContain('`/cor log 2h on <task> yesterday`: log time in plain words');
  });
});

describe('the consent result page in three languages', () => {
  let server: Server;
  let base: string;
  beforeEach(async () => {
    const route = corOAuthCallbackRoute(h.services, memoryLogger().logger);
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      void route.handler(req, res, url);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${COR_CALLBACK_PATH}`;
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const open = async (query: URLSearchParams | string, acceptLanguage?: string) => {
    const res = await fetch(`${base}?${String(query)}`, acceptLanguage ? { headers: { 'accept-language': acceptLanguage } } : {});
    return { status: res.status, html: await res.text() };
  };

  it('speaks the Slack user’s language when the state says who, whatever the browser asks', async () => {
    const jane = await open(await consentAs('U01JANE', 2), 'en-US,en;q=0.9');
    expect(jane.status).toBe(200);
    expect(jane.html).toContain('<html lang="es">');
    expect(jane.html).toContain('Cuenta vinculada como Jane Doe');
    expect(jane.html).toContain('Puedes cerrar esta pestaña y volver a Slack.');
    // Ana says no on COR's consent page: the state still says who asked.
    const denied = new URLSearchParams({ state: (await consentAs('U03ANA', 4)).get('state') ?? '', error: 'access_denied' });
    const ana = await open(denied, 'en');
    expect(ana.html).toContain('<html lang="pt">');
    expect(ana.html).toContain('Você não permitiu o acesso no COR, então nada mudou.');
    const john = await open(await consentAs('U02JOHN', 3), 'es-419,es;q=0.9');
    expect(john.html).toContain('<html lang="en">');
    expect(john.html).toContain('Linked as John Smith');
  });

  it('an unknown state: the browser’s Accept-Language, else the workspace default', async () => {
    const pt = await open('state=forged&code=x', 'fr-FR,pt-BR;q=0.9,en;q=0.8');
    expect(pt.status).toBe(400);
    expect(pt.html).toContain('<html lang="pt">');
    expect(pt.html).toContain('Este link não é válido');
    const es = await open('state=forged&code=x', 'es-419');
    expect(es.html).toContain('<html lang="es">');
    expect(es.html).toContain('Este enlace no es válido');
    const none = await open('state=forged&code=x', 'de-DE');
    expect(none.html).toContain('<html lang="en">');
    expect(none.html).toContain('This link is not valid');
  });
});

describe('a Slack language change (user_change) in three languages', () => {
  const homeViews = () => h.slack.callsTo('views.publish').filter((c) => c.args.user_id === 'U01JANE');

  it('a linked person: the next answer is in the new language, and their App Home is redrawn', async () => {
    await h.linkStored('U01JANE', 2, 'Jane Doe', BA, 'es-LA');
    await h.send({ type: 'event_callback', team_id: 'T0DEMO', api_app_id: 'A0COR', token: 'x', event_id: 'EvOpen', event_time: 1, event: { type: 'app_home_opened', user: 'U01JANE', channel: 'D1', tab: 'home', event_ts: '1.1' } });
    expect((await command('whoami', 'U01JANE')).responses.join()).toContain('Idioma: español (sigue a Slack)');
    const drawn = homeViews().length;

    slackLocale('U01JANE', 'pt-BR');
    await h.send(userChange({ id: 'U01JANE', tz: BA, locale: 'pt-BR' }));
    expect(homeViews().length).toBe(drawn + 1);
    expect(await h.services.languages.of('T:T0DEMO', 'U01JANE')).toBe('pt');
    const unlinked = await command('unlink', 'U01JANE');
    expect(unlinked.ack).toContain('Pronto, sua conta não está mais vinculada.');

    slackLocale('U01JANE', 'en-US');
    await h.linkStored('U01JANE', 2, 'Jane Doe', BA, 'pt-BR');
    await h.send(userChange({ id: 'U01JANE', tz: BA, locale: 'en-US' }));
    expect((await command('whoami', 'U01JANE')).responses.join()).toContain('Language: English (follows Slack)');
  });

  it('someone not linked: their cached Slack profile is forgotten, so the next answer follows at once', async () => {
    const before = await command('link', 'U02JOHN');
    expect(before.responses.at(-1)).toContain('You are *John Smith* in COR?');
    slackLocale('U02JOHN', 'es-LA');
    await h.send(userChange({ id: 'U02JOHN', tz: NY, locale: 'es-LA' }));
    const after = await command('link', 'U02JOHN');
    expect(after.responses.at(-1)).toContain('¿Eres *John Smith* en COR?');
  });
});
