import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.ts';
import { buttonClick, type ListenerHarness, listenerHarness, slashCommandBody } from '../helpers/bolt.ts';
import { waitForResponse } from '../helpers/linking.ts';
import { viewSubmission } from '../helpers/payloads.ts';

const TZ = 'America/Argentina/Buenos_Aires';
/** Monday 23 Nov 2026, 10:00 in Buenos Aires. */
const MONDAY_10 = '2026-11-23T13:00:00Z';

/** The Slack locale a person's link keeps, and so the language they are spoken to in. */
const LOCALES = { en: 'en-US', es: 'es-LA', pt: 'pt-BR' } as const;
type Lang = keyof typeof LOCALES;

interface Harness {
  h: ListenerHarness;
  clock: ManualClock;
}

async function harness(lang: Lang): Promise<Harness> {
  const clock = new ManualClock(MONDAY_10);
  const h = await listenerHarness({ clock });
  await h.linkStored('U01JANE', 2, 'Jane Doe', TZ, LOCALES[lang]);
  return { h, clock };
}

async function command(h: ListenerHarness, text: string): Promise<{ ack: Record<string, unknown>; answer: Record<string, unknown> }> {
  const body = slashCommandBody(text, h.slack);
  const ack = (await h.send(body)).body as Record<string, unknown>;
  await h.services.work.drain(5_000);
  const answer = await waitForResponse(h.slack, String(body.response_url), () => true);
  return { ack, answer };
}

/** The texts Slack shows of a view or message (labels, options, buttons, sections), as one string. */
const shown = (x: unknown): string => JSON.stringify(x);

interface ModalLike {
  title: { text: string };
  close?: { text: string };
  submit?: { text: string };
  blocks: { block_id?: string; label?: { text: string }; element?: { options?: { text: { text: string }; value: string }[] } }[];
}

function withinModalLimits(view: ModalLike): void {
  expect(view.title.text.length).toBeLessThanOrEqual(24);
  expect(view.close?.text.length ?? 0).toBeLessThanOrEqual(24);
  expect(view.submit?.text.length ?? 0).toBeLessThanOrEqual(24);
  for (const b of view.blocks) for (const o of b.element?.options ?? []) expect(o.text.text.length).toBeLessThanOrEqual(75);
}

describe('/cor tasks in three languages', () => {
  let h: ListenerHarness | undefined;
  afterEach(() => h?.close());

  const cases: [Lang, string[]][] = [
    ['en', ['*Your open tasks* (1–10 of ', 'Stalled · Urgent · ⚠️ *Overdue* since Fri 20 Nov', 'In progress · High · Due Wed 25 Nov', 'Change status', 'Log time', 'Show more (']],
    ['es', ['*Tus tareas abiertas* (1–10 de ', 'Estancada · Urgente · ⚠️ *Vencida* desde el vie 20 nov', 'En proceso · Alta · Vence el mié 25 nov', 'Cambiar estado', 'Registrar horas', 'Ver más (quedan ']],
    ['pt', ['*Suas tarefas abertas* (1–10 de ', 'Parada · Urgente · ⚠️ *Atrasada* desde sex., 20 de nov.', 'Em andamento · Alta · Vence em qua., 25 de nov.', 'Alterar status', 'Registrar horas', 'Mostrar mais (faltam ']],
  ];
  it.each(cases)('%s: the list, its statuses, priorities, deadlines and buttons', async (lang, words) => {
    ({ h } = await harness(lang));
    const { ack, answer } = await command(h, 'tasks');
    expect(String(ack.text)).toBe({ en: '⏳ Reading your tasks…', es: '⏳ Leyendo tus tareas…', pt: '⏳ Lendo suas tarefas…' }[lang]);
    const text = shown(answer.blocks);
    for (const w of words) expect(text).toContain(w);
    expect(text).toContain('Mobile app login flow'); // task titles stay as they are
    const none = await command(h, 'tasks zzqx');
    expect(String(none.answer.text)).toBe({ en: 'No open task of yours matches “zzqx”.', es: 'Ninguna de tus tareas abiertas coincide con “zzqx”.', pt: 'Nenhuma das suas tarefas abertas corresponde a “zzqx”.' }[lang]);
  });
});

describe('the task status form in three languages', () => {
  let h: ListenerHarness | undefined;
  afterEach(() => h?.close());

  const cases: [Lang, { loading: string; title: string; labels: string[]; options: string[]; submit: string; close: string; changed: string; logged: string; bare: string }][] = [
    [
      'en',
      { loading: 'Reading task #48215 from COR', title: 'COR task', labels: ['Status', 'Priority', 'Also log time today'], options: ['New', 'In progress', 'Stalled', 'Done', 'En revision', 'Low', 'Urgent'], submit: 'Save', close: 'Cancel', changed: 'is now *In progress*, priority *Urgent*', logged: '✓ 1h 30m logged on it today.', bare: 'Hours or minutes? Write 5h or 5m.' },
    ],
    [
      'es',
      { loading: 'Leyendo la tarea #48215 en COR', title: 'Tarea de COR', labels: ['Estado', 'Prioridad', 'Registrar también horas hoy'], options: ['Nueva', 'En proceso', 'Estancada', 'Finalizada', 'En revision', 'Baja', 'Urgente'], submit: 'Guardar', close: 'Cancelar', changed: 'ahora está *En proceso*, prioridad *Urgente*', logged: '✓ Registré 1 h 30 min en esta tarea hoy.', bare: '¿Horas o minutos? Escribe 5h o 5m.' },
    ],
    [
      'pt',
      { loading: 'Lendo a tarefa #48215 no COR', title: 'Tarefa do COR', labels: ['Status', 'Prioridade', 'Registrar horas hoje também'], options: ['Nova', 'Em andamento', 'Parada', 'Finalizada', 'En revision', 'Baixa', 'Urgente'], submit: 'Salvar', close: 'Cancelar', changed: 'agora está *Em andamento*, prioridade *Urgente*', logged: '✓ Registrei 1 h 30 min nesta tarefa hoje.', bare: 'Horas ou minutos? Escreva 5h ou 5m.' },
    ],
  ];
  it.each(cases)('%s: loading, labels, options, submit and close within Slack’s limits, field mistakes, and the “changed” answer', async (lang, want) => {
    const { h: bot } = await harness(lang);
    h = bot;
    const cardUrl = h.slack.newResponseUrl();
    await h.send(buttonClick('task_change_status', '48215', { user: 'U01JANE', responseUrl: cardUrl }));
    const loading = h.slack.callsTo('views.open')[0]?.args.view as ModalLike & { private_metadata: string };
    expect(shown(loading.blocks)).toContain(want.loading);
    expect(loading.title.text).toBe(want.title);
    withinModalLimits(loading);

    const form = h.slack.callsTo('views.update').at(-1)?.args.view as ModalLike;
    withinModalLimits(form);
    expect(form.title.text).toBe(want.title);
    expect(form.submit?.text).toBe(want.submit);
    expect(form.close?.text).toBe(want.close);
    expect(form.blocks.flatMap((b) => (b.label ? [b.label.text] : []))).toEqual(want.labels);
    const options = form.blocks.flatMap((b) => (b.element?.options ?? []).map((o) => o.text.text));
    expect(options).toEqual(expect.arrayContaining(want.options));
    // COR's own status values go to COR whatever the language.
    expect(form.blocks.find((b) => b.block_id === 'status')?.element?.options?.map((o) => o.value)).toEqual(expect.arrayContaining(['nueva', 'en_proceso', 'estancada', 'finalizada', 'en_revision']));

    const submit = (duration: string, viewId: string) =>
      bot.send(
        viewSubmission('task_status_modal', {
          meta: loading.private_metadata,
          user: 'U01JANE',
          viewId,
          values: {
            status: { status_value: { type: 'static_select', selected_option: { value: 'en_proceso' } } },
            priority: { priority_value: { type: 'static_select', selected_option: { value: '3' } } },
            duration: { duration_value: { type: 'plain_text_input', value: duration } },
          },
        }),
      );
    expect((await submit('5', 'V41')).body).toMatchObject({ response_action: 'errors', errors: { duration: want.bare } });
    const ack = await submit('90m', 'V42');
    expect(shown(ack.body)).toContain(want.title);
    await h.services.work.drain(5_000);
    const done = shown(h.slack.callsTo('views.update').at(-1)?.args.view);
    expect(done).toContain(want.changed);
    expect(done).toContain(want.logged);
    const redrawn = await waitForResponse(h.slack, cardUrl, (b) => b.replace_original === true);
    expect(shown(redrawn.blocks)).toContain(want.options[1]);
  });
});

describe('a task link unfurl in three languages', () => {
  let h: ListenerHarness | undefined;
  afterEach(() => h?.close());

  const cases: [Lang, string[]][] = [
    ['en', ['En revision · High · Due Sat 28 Nov', 'Change status', 'Log time']],
    ['es', ['En revision · Alta · Vence el sáb 28 nov', 'Cambiar estado', 'Registrar horas']],
    ['pt', ['En revision · Alta · Vence em sáb., 28 de nov.', 'Alterar status', 'Registrar horas']],
  ];
  it.each(cases)('%s: the card in the language of the person who shared the link (a tenant’s own status as it is)', async (lang, words) => {
    ({ h } = await harness(lang));
    await h.send({
      type: 'event_callback',
      team_id: 'T0DEMO',
      api_app_id: 'A0COR',
      token: 'x',
      event_id: 'Ev1',
      event_time: 1,
      event: { type: 'link_shared', channel: 'C0GENERAL', user: 'U01JANE', message_ts: '1700000000.000200', links: [{ domain: 'acme.cor.works', url: 'https://acme.cor.works/tasks/48215' }], event_ts: '1.2' },
    });
    const unfurls = shown(h.slack.callsTo('chat.unfurl')[0]?.args.unfurls);
    expect(unfurls).toContain('Diseño de piezas para redes');
    for (const w of words) expect(unfurls).toContain(w);
  });
});

describe('a timer in three languages', () => {
  let h: ListenerHarness | undefined;
  afterEach(() => h?.close());

  const cases: [Lang, { started: string; running: string; stopped: string; nothing: string; usage: string; noTask: string }][] = [
    [
      'en',
      {
        started: '⏱ Timer started on *Homepage redesign - hero section* at 10:00. `/cor stop` when you are done.',
        running: '⏱ Running on *Homepage redesign - hero section* since 10:00 (45m so far).',
        stopped: '✓ Logged *1h 30m* on *Homepage redesign - hero section*, 10:00–11:30.',
        nothing: 'No timer is running, so there was nothing to stop.',
        usage: 'Start a timer on which task?',
        noTask: 'I could not find an open task of yours matching “zzqx”.',
      },
    ],
    [
      'es',
      {
        started: '⏱ Cronómetro iniciado en *Homepage redesign - hero section* a las 10:00. Usa `/cor stop` cuando termines.',
        running: '⏱ En marcha en *Homepage redesign - hero section* desde las 10:00 (45 min hasta ahora).',
        stopped: '✓ Registré *1 h 30 min* en *Homepage redesign - hero section*, 10:00–11:30.',
        nothing: 'No hay ningún cronómetro en marcha, así que no había nada que detener.',
        usage: '¿En qué tarea inicio el cronómetro?',
        noTask: 'No encontré ninguna tarea abierta tuya que coincida con “zzqx”.',
      },
    ],
    [
      'pt',
      {
        started: '⏱ Cronômetro iniciado em *Homepage redesign - hero section* às 10:00. Use `/cor stop` quando terminar.',
        running: '⏱ Rodando em *Homepage redesign - hero section* desde 10:00 (45 min até agora).',
        stopped: '✓ Registrei *1 h 30 min* em *Homepage redesign - hero section*, 10:00–11:30.',
        nothing: 'Nenhum cronômetro está rodando, então não havia nada para parar.',
        usage: 'Iniciar um cronômetro em qual tarefa?',
        noTask: 'Não encontrei nenhuma tarefa aberta sua que corresponda a “zzqx”.',
      },
    ],
  ];
  it.each(cases)('%s: start, status, stop (“1 h 30 min”), and the answers with nothing to stop or no task', async (lang, want) => {
    let clock: ManualClock;
    ({ h, clock } = await harness(lang));
    expect(shown((await h.send(slashCommandBody('start', h.slack))).body)).toContain(want.usage);
    expect(String((await command(h, 'start zzqx')).answer.text)).toBe(want.noTask);
    expect(String((await command(h, 'start #48211')).answer.text)).toBe(want.started);
    clock.advance(45 * 60_000);
    expect(String((await command(h, 'status')).answer.text)).toContain(want.running);
    clock.advance(45 * 60_000);
    expect(String((await command(h, 'stop')).answer.text)).toBe(want.stopped);
    expect(h.cor.requestsTo('POST', '/hours').map((r) => r.body)).toEqual([{ task_log_id: 48211, start: '2026-11-23T13:00:00.000Z', stop: '2026-11-23T14:30:00.000Z' }]);
    expect(String((await command(h, 'stop')).answer.text)).toBe(want.nothing);
  });
});
