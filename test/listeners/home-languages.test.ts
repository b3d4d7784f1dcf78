import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.ts';
import { buttonClick, type ListenerHarness, listenerHarness, slashCommandBody } from '../helpers/bolt.ts';
import { waitForResponse } from '../helpers/linking.ts';

const TZ = 'America/Argentina/Buenos_Aires';
// Wednesday 9 December 2026, 18:00 in Buenos Aires: the week runs from Monday 7 December.
const NOW = '2026-12-09T21:00:00Z';

async function harness(): Promise<ListenerHarness> {
  const h = await listenerHarness({ clock: new ManualClock(NOW) });
  await h.linkStored('U01JANE', 2, 'Jane Doe', TZ, 'es-LA');
  await h.linkStored('U03ANA', 4, 'Ana Souza', TZ, 'pt-BR');
  await h.linkStored('U02JOHN', 3, 'John Smith', TZ);
  return h;
}

const openHome = (h: ListenerHarness, user: string) =>
  h.send({ type: 'event_callback', team_id: 'T0DEMO', api_app_id: 'A0COR', token: 'x', event_id: `Ev${Math.random()}`, event_time: 1, event: { type: 'app_home_opened', user, channel: 'D1', tab: 'home', event_ts: '1.1' } });
const homeOf = (h: ListenerHarness, user: string) => h.slack.callsTo('views.publish').filter((c) => c.args.user_id === user);
const lastHome = (h: ListenerHarness, user: string) => JSON.stringify(homeOf(h, user).at(-1)?.args.view);

/** `/cor log` as the person, written at once; then their `/cor today` or `/cor week` answer. */
async function logged(h: ListenerHarness, user: string, words: string): Promise<void> {
  const before = h.cor.requestsTo('POST', '/hours').length;
  await h.send(slashCommandBody(`log ${words}`, h.slack, { user_id: user, trigger_id: `t.${Math.random()}` }));
  await h.slack.waitFor(() => h.cor.requestsTo('POST', '/hours').length > before || undefined);
}
async function summary(h: ListenerHarness, user: string, period: 'today' | 'week'): Promise<{ ack: string; answer: string }> {
  const body = slashCommandBody(period, h.slack, { user_id: user, trigger_id: `t.${Math.random()}` });
  const sent = await h.send(body);
  const answer = await waitForResponse(h.slack, String(body.response_url), (b) => !String(b.text).startsWith('⏳'));
  return { ack: JSON.stringify(sent.body), answer: JSON.stringify(answer) };
}

describe('App Home in three languages', () => {
  let h: ListenerHarness;
  beforeEach(async () => (h = await harness()));
  afterEach(() => h.close());

  it('English: as before, with the language setting following Slack', async () => {
    await openHome(h, 'U02JOHN');
    const home = lastHome(h, 'U02JOHN');
    expect(home).toContain('Linked to COR as *John Smith*');
    expect(home).toContain('*This week*');
    expect(home).toContain('"text":"Follow Slack (English)"');
    expect(home).toContain('home_language');
  });

  it('Spanish (Jane, es-LA): her words, days and durations', async () => {
    await logged(h, 'U01JANE', '7h30 #48211 today');
    await openHome(h, 'U01JANE');
    const home = lastHome(h, 'U01JANE');
    expect(home).toContain('Vinculado a COR como *Jane Doe*');
    expect(home).toContain('Registrar horas');
    expect(home).toContain('*Hoy*: 7 h 30 min de 8 h');
    expect(home).toContain('*Esta semana*: 7 h 30 min de');
    expect(home).toContain('lun 7 dic');
    expect(home).toContain('Tus tareas abiertas');
    expect(home).toContain('*Recordatorios*');
    expect(home).toContain('Seguir a Slack (Español)');
    expect(home).not.toContain('This week');
    // The week chart's alt text: her words and numbers.
    expect(home).toMatch(/"alt_text":"Tu semana, día a día\. Homepage redesign: 7,5 h.*En total: .* y Objetivo: \d+ h"/);
  });

  it('Portuguese (Ana, pt-BR): her words, days and durations', async () => {
    await logged(h, 'U03ANA', '2h #48211 today');
    await openHome(h, 'U03ANA');
    const home = lastHome(h, 'U03ANA');
    expect(home).toContain('Vinculado ao COR como *Ana Souza*');
    expect(home).toContain('*Hoje*: 2 h de 6 h');
    expect(home).toContain('*Esta semana*: 2 h de');
    expect(home).toContain('seg., 7 de dez.');
    expect(home).toContain('Suas tarefas abertas');
    expect(home).toContain('Seguir o Slack (Português)');
    expect(home).not.toContain('Your open tasks');
  });

  it('someone not linked sees the welcome page in their Slack language (Jane, es-LA)', async () => {
    await h.db.store.links.delete('T:T0DEMO', 'U01JANE');
    await openHome(h, 'U01JANE');
    const welcome = lastHome(h, 'U01JANE');
    expect(welcome).toContain('Registra tus horas y mueve tus tareas de COR sin salir de Slack');
    expect(welcome).toContain('Vincular mi cuenta de COR');
    expect(welcome).toContain('Seguir a Slack (Español)');
  });
});

describe('the Home language select in three languages', () => {
  let h: ListenerHarness;
  beforeEach(async () => (h = await harness()));
  afterEach(() => h.close());

  const choose = (user: string, value: string) =>
    h.send({
      ...buttonClick('home_language', undefined, { user, container: { type: 'view', view_id: 'VHOME' } }),
      view: { id: 'VHOME', type: 'home' },
      actions: [{ type: 'static_select', action_id: 'home_language', block_id: 'b', selected_option: { text: { type: 'plain_text', text: 'x' }, value }, action_ts: '1' }],
    });

  it('English speaker chooses Español: Home published again at once in Spanish; auto: back to English', async () => {
    await openHome(h, 'U02JOHN');
    const before = homeOf(h, 'U02JOHN').length;
    await choose('U02JOHN', 'es');
    expect(homeOf(h, 'U02JOHN')).toHaveLength(before + 1);
    const spanish = lastHome(h, 'U02JOHN');
    expect(spanish).toContain('Vinculado a COR como *John Smith*');
    // the select shows the choice, and what following Slack would be
    expect(spanish).toContain('"initial_option":{"text":{"type":"plain_text","text":"Español"},"value":"es"}');
    expect(spanish).toContain('Seguir a Slack (English)');
    expect(await h.services.languages.describe('T:T0DEMO', 'U02JOHN')).toEqual({ language: 'es', chosen: 'es' });

    await choose('U02JOHN', 'auto');
    expect(homeOf(h, 'U02JOHN')).toHaveLength(before + 2);
    const english = lastHome(h, 'U02JOHN');
    expect(english).toContain('Linked to COR as *John Smith*');
    expect(english).toContain('"initial_option":{"text":{"type":"plain_text","text":"Follow Slack (English)"},"value":"auto"}');
  });

  it('Spanish speaker chooses Português, then auto: back to Spanish', async () => {
    await choose('U01JANE', 'pt');
    expect(lastHome(h, 'U01JANE')).toContain('Vinculado ao COR como *Jane Doe*');
    expect(lastHome(h, 'U01JANE')).toContain('Seguir o Slack (Español)');
    await choose('U01JANE', 'auto');
    expect(lastHome(h, 'U01JANE')).toContain('Vinculado a COR como *Jane Doe*');
  });

  it('Portuguese speaker chooses English; a value that is no language changes nothing', async () => {
    await choose('U03ANA', 'en');
    expect(lastHome(h, 'U03ANA')).toContain('Linked to COR as *Ana Souza*');
    expect(lastHome(h, 'U03ANA')).toContain('Follow Slack (Português)');
    const publishes = homeOf(h, 'U03ANA').length;
    await choose('U03ANA', 'fr');
    expect(homeOf(h, 'U03ANA')).toHaveLength(publishes);
    expect(await h.services.languages.describe('T:T0DEMO', 'U03ANA')).toEqual({ language: 'en', chosen: 'en' });
  });
});

describe('/cor today and /cor week in three languages', () => {
  let h: ListenerHarness;
  beforeEach(async () => (h = await harness()));
  afterEach(() => h.close());

  it('English: as before', async () => {
    await logged(h, 'U02JOHN', '7h30 #48211 today');
    const today = await summary(h, 'U02JOHN', 'today');
    expect(today.ack).toContain('Reading your hours');
    expect(today.answer).toContain('Today: 7h 30m of 8h');
    expect(today.answer).toContain('*Today, Wed 9 Dec*');
    const week = await summary(h, 'U02JOHN', 'week');
    expect(week.answer).toContain('This week: 7h 30m of');
    expect(week.answer).toContain('Mon 7 Dec');
    expect(week.answer).toContain('*By task*');
  });

  it('Spanish (Jane, es-LA)', async () => {
    await logged(h, 'U01JANE', '7h30 #48211 today');
    const today = await summary(h, 'U01JANE', 'today');
    expect(today.ack).toContain('Leyendo tus horas');
    expect(today.answer).toContain('Hoy: 7 h 30 min de 8 h');
    expect(today.answer).toContain('*Hoy, mié 9 dic*');
    const week = await summary(h, 'U01JANE', 'week');
    expect(week.answer).toContain('Esta semana: 7 h 30 min de');
    expect(week.answer).toContain('lun 7 dic');
    expect(week.answer).toContain('*Por tarea*');
    expect(week.answer).not.toContain('This week');
  });

  it('Portuguese (Ana, pt-BR), nothing logged yet', async () => {
    const today = await summary(h, 'U03ANA', 'today');
    expect(today.ack).toContain('Lendo suas horas');
    expect(today.answer).toContain('Hoje: 0 min de 6 h');
    expect(today.answer).toContain('Você ainda não registrou horas hoje');
    const week = await summary(h, 'U03ANA', 'week');
    expect(week.answer).toContain('Esta semana: 0 min de');
    expect(week.answer).toContain('seg., 7 de dez.');
  });
});
