import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ListenerHarness, listenerHarness, slashCommandBody } from '../helpers/bolt.ts';

const TENANT = 'T:T0DEMO';

describe('/cor help and /cor language in the three languages', () => {
  let h: ListenerHarness;
  beforeAll(async () => {
    h = await listenerHarness();
  });
  afterAll(() => h.close());

  const lastAnswer = () => h.slack.responses.at(-1)?.body as { text?: string } | undefined;

  it('/cor help in the ack, in the language the person chose: Spanish, Portuguese, English', async () => {
    const said: Record<string, string> = {};
    for (const language of ['es', 'pt', 'en'] as const) {
      await h.services.languages.choose(TENANT, 'U02JOHN', language);
      const ack = await h.send(slashCommandBody('help', h.slack, { user_id: 'U02JOHN' }));
      said[language] = JSON.stringify(ack.body);
    }
    expect(said.es).toContain('Registra tus horas de COR');
    expect(said.es).toContain('/cor log 2h30 en Rediseño de la portada ayer');
    expect(said.es).toContain('tus tareas abiertas');
    expect(said.pt).toContain('Registre suas horas do COR');
    expect(said.pt).toContain('o que você registrou');
    expect(said.en).toContain('Log your COR hours');
    for (const language of ['es', 'pt'] as const) expect(said[language]).not.toMatch(/your open tasks|this card|Log your COR hours/);
  });

  it('an unknown subcommand is answered in the person’s language', async () => {
    await h.services.languages.choose(TENANT, 'U02JOHN', 'pt');
    const ack = await h.send(slashCommandBody('frobnicate', h.slack, { user_id: 'U02JOHN' }));
    expect(ack.body).toMatchObject({ text: expect.stringContaining('Ainda não sei fazer `frobnicate`') });
  });

  it('/cor language says the language and how to change it; a choice answers in the new language at once', async () => {
    await h.services.languages.choose(TENANT, 'U02JOHN', 'auto');
    await h.send(slashCommandBody('language', h.slack, { user_id: 'U02JOHN' }));
    expect(lastAnswer()?.text).toContain('I speak to you in *English* (your Slack language)');
    await h.send(slashCommandBody('language es', h.slack, { user_id: 'U02JOHN' }));
    expect(lastAnswer()?.text).toBe('Desde ahora te hablo en *español*.');
    await h.send(slashCommandBody('language', h.slack, { user_id: 'U02JOHN' }));
    expect(lastAnswer()?.text).toContain('Te hablo en *español*. Cámbialo');
    await h.send(slashCommandBody('language Português', h.slack, { user_id: 'U02JOHN' }));
    expect(lastAnswer()?.text).toBe('A partir de agora falo com você em *português*.');
    const help = await h.send(slashCommandBody('help', h.slack, { user_id: 'U02JOHN' }));
    expect(JSON.stringify(help.body)).toContain('Registre suas horas');
  });

  it('auto follows the Slack language again (Jane’s Slack speaks es-LA, John’s en-US)', async () => {
    await h.send(slashCommandBody('language en', h.slack, { user_id: 'U01JANE' }));
    expect(lastAnswer()?.text).toBe('From now on I speak to you in *English*.');
    await h.send(slashCommandBody('language auto', h.slack, { user_id: 'U01JANE' }));
    expect(lastAnswer()?.text).toBe('Desde ahora sigo el idioma de tu Slack: *español*.');
    await h.send(slashCommandBody('language auto', h.slack, { user_id: 'U02JOHN' }));
    expect(lastAnswer()?.text).toBe('From now on I follow your Slack language: *English*.');
  });

  it('a language it does not speak is said, with the ones it does', async () => {
    await h.send(slashCommandBody('language klingon', h.slack, { user_id: 'U02JOHN' }));
    expect(lastAnswer()?.text).toContain('I speak `es` (Spanish), `pt` (Portuguese) and `en` (English)');
  });

  it('a linked person’s App Home is redrawn at once in the language chosen', async () => {
    await h.linkStored('U04MIKE', 4, 'Mike Brown', 'Europe/London');
    await h.send({ type: 'event_callback', team_id: 'T0DEMO', api_app_id: 'A0COR', token: 'x', event_id: 'EvHomeMike', event_time: 1, event: { type: 'app_home_opened', user: 'U04MIKE', channel: 'D4', tab: 'home', event_ts: '1.1' } });
    const publishes = () => h.slack.callsTo('views.publish').filter((c) => c.args.user_id === 'U04MIKE');
    const before = publishes().length;
    await h.send(slashCommandBody('language es', h.slack, { user_id: 'U04MIKE' }));
    await h.services.work.drain(5_000);
    expect(publishes().length).toBe(before + 1);
    const home = JSON.stringify(publishes().at(-1)?.args.view);
    expect(home).toContain('Vinculado a COR como *Mike Brown*');
    expect(home).not.toContain('This week');
  });
});

describe('people the bot knows nothing of yet: DEFAULT_LANGUAGE', () => {
  let h: ListenerHarness;
  beforeAll(async () => {
    h = await listenerHarness({ defaultLanguage: 'es' });
  });
  afterAll(() => h.close());

  it('/cor help (answered in the ack, before any Slack call) speaks the workspace default', async () => {
    const ack = await h.send(slashCommandBody('help', h.slack, { user_id: 'U02JOHN' }));
    expect(JSON.stringify(ack.body)).toContain('Registra tus horas de COR');
  });
});
