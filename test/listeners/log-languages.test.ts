import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.ts';
import { buttonClick, type ListenerHarness, listenerHarness, slashCommandBody, viewSubmission } from '../helpers/bolt.ts';
import { responsesTo, waitForResponse } from '../helpers/linking.ts';
import { buttonValue, logFormValues } from '../helpers/payloads.ts';

const BA = 'America/Argentina/Buenos_Aires';
/** Tuesday 8 Dec 2026, 18:00 in Buenos Aires: "yesterday" is Monday 7 Dec. */
const TUESDAY_1800 = '2026-12-08T21:00:00Z';

/** What each language says; Jane's link keeps the Slack locale she is spoken to in. */
const LANGUAGES = [
  {
    language: 'en',
    locale: 'en-US',
    working: '⏳ Logging…',
    logged: '✓ Logged 1h 30m on Homepage redesign - hero section',
    day: 'Mon 7 Dec · 09:00–10:30',
    dayTotal: 'That day: 1h 30m of 8h',
    guessed: /^I guessed the task\. Log \*2h\* on \*Mobile app login flow\* \(Mobile app · Bolt Motors\), Mon 7 Dec · 09:00–11:00\?$/,
    buttons: ['Log it', 'Change task', 'Cancel'],
    cancelled: 'Cancelled; nothing was logged.',
    refused: 'How long? Add a duration like `2h`, `45m` or `1.5h`, or a range like `9-11:30`.',
    line: 'Log these 3 entries? I guessed what is marked ❓',
    lineRow: '*1.* *3h* on *Homepage redesign - hero section* (Homepage redesign · Acme Foods) · Mon 7 Dec · 09:00–12:00',
    lineDoubt: '❓ _task guessed_',
    lineButtons: ['Log all 3', 'Cancel'],
    lineCancelled: 'Cancelled; none of these entries was logged.',
    form: { title: 'Log time in COR', submit: 'Log it', close: 'Cancel', labels: ['Task', 'Day', 'How long', 'From', 'To', 'Note'] },
    formErrors: { task: 'Pick a task.', duration: 'Hours or minutes? Write 2h or 2m.' },
    scheduled: '⏳ Logging 2h 30m on Homepage redesign - hero section',
    undoButton: 'Undo',
    undone: '↩︎ Undone: nothing was logged.',
  },
  {
    language: 'es',
    locale: 'es-LA',
    working: '⏳ Registrando…',
    logged: '✓ Registré 1 h 30 min en Homepage redesign - hero section',
    day: 'lun 7 dic · 09:00–10:30',
    dayTotal: 'Ese día: 1 h 30 min de 8 h',
    guessed: /^Adiviné la tarea\. ¿Registro \*2 h\* en \*Mobile app login flow\* \(Mobile app · Bolt Motors\), lun 7 dic · 09:00–11:00\?$/,
    buttons: ['Registrar', 'Cambiar tarea', 'Cancelar'],
    cancelled: 'Cancelado; no se registró nada.',
    refused: '¿Cuánto tiempo? Agrega una duración como `2h`, `45m` o `1,5h`, o un rango como `9-11:30`.',
    line: 'Son 3 registros de horas. ¿Los registro? Adiviné lo marcado con ❓',
    lineRow: '*1.* *3 h* en *Homepage redesign - hero section* (Homepage redesign · Acme Foods) · lun 7 dic · 09:00–12:00',
    lineDoubt: '❓ _tarea adivinada_',
    lineButtons: ['Registrar los 3', 'Cancelar'],
    lineCancelled: 'Cancelado; ninguno de estos registros llegó a COR.',
    form: { title: 'Registrar horas en COR', submit: 'Registrar', close: 'Cancelar', labels: ['Tarea', 'Día', 'Duración', 'Desde', 'Hasta', 'Nota'] },
    formErrors: { task: 'Elige una tarea.', duration: '¿Horas o minutos? Escribe 2h o 2m.' },
    scheduled: '⏳ Registrando 2 h 30 min en Homepage redesign - hero section',
    undoButton: 'Deshacer',
    undone: '↩︎ Deshecho: no se registró nada.',
  },
  {
    language: 'pt',
    locale: 'pt-BR',
    working: '⏳ Registrando…',
    logged: '✓ Registrei 1 h 30 min em Homepage redesign - hero section',
    day: 'seg., 7 de dez. · 09:00–10:30',
    dayTotal: 'Nesse dia: 1 h 30 min de 8 h',
    guessed: /^Deduzi a tarefa\. Posso registrar \*2 h\* em \*Mobile app login flow\* \(Mobile app · Bolt Motors\), seg\., 7 de dez\. · 09:00–11:00\?$/,
    buttons: ['Registrar', 'Trocar tarefa', 'Cancelar'],
    cancelled: 'Cancelado; nada foi registrado.',
    refused: 'Quanto tempo? Adicione uma duração como `2h`, `45m` ou `1,5h`, ou um intervalo como `9-11:30`.',
    line: 'São 3 registros de horas. Posso registrá-los? Deduzi o que está marcado com ❓',
    lineRow: '*1.* *3 h* em *Homepage redesign - hero section* (Homepage redesign · Acme Foods) · seg., 7 de dez. · 09:00–12:00',
    lineDoubt: '❓ _tarefa deduzida_',
    lineButtons: ['Registrar os 3', 'Cancelar'],
    lineCancelled: 'Cancelado; nenhum destes registros foi enviado ao COR.',
    form: { title: 'Registrar horas no COR', submit: 'Registrar', close: 'Cancelar', labels: ['Tarefa', 'Dia', 'Duração', 'De', 'Até', 'Nota'] },
    formErrors: { task: 'Escolha uma tarefa.', duration: 'Horas ou minutos? Escreva 2h ou 2m.' },
    scheduled: '⏳ Registrando 2 h 30 min em Homepage redesign - hero section',
    undoButton: 'Desfazer',
    undone: '↩︎ Desfeito: nada foi registrado.',
  },
] as const;

type Said = (typeof LANGUAGES)[number];
type Block = { type: string; text?: { text: string }; elements?: { type?: string; action_id?: string; text?: { text: string } }[]; accessory?: unknown };

const buttonsOf = (m: Record<string, unknown>) => ((m.blocks ?? []) as Block[]).flatMap((b) => b.elements ?? []).filter((e) => e.type === 'button').map((e) => e.text?.text);

let h: ListenerHarness;
afterEach(() => h.close());

/** Jane, spoken to in `said`'s language (her link keeps that Slack locale). */
async function harness(said: Said, undoSeconds = 0): Promise<ManualClock> {
  const clock = new ManualClock(TUESDAY_1800);
  h = await listenerHarness({ clock, undoSeconds });
  await h.linkStored('U01JANE', 2, 'Jane Doe', BA, said.locale);
  return clock;
}

/** /cor log <words>: its ack, and its first answer after "⏳". */
async function logWords(words: string): Promise<{ ack: Record<string, unknown>; answer: Record<string, unknown> }> {
  const body = slashCommandBody(words, h.slack);
  const ack = await h.send(body);
  const answer = await waitForResponse(h.slack, String(body.response_url), (m) => !String(m.text).startsWith('⏳'));
  return { ack: ack.body as Record<string, unknown>, answer };
}

async function click(actionId: string, value: string): Promise<Record<string, unknown> | undefined> {
  const url = h.slack.newResponseUrl();
  await h.send(buttonClick(actionId, value, { responseUrl: url }));
  return responsesTo(h.slack, url).at(-1);
}

describe('/cor log written, in three languages', () => {
  it.each(LANGUAGES)('$language: "Logging…" in the ack, then the confirmation with its day and durations', async (said) => {
    await harness(said);
    const { ack, answer } = await logWords('log 1h30 #48211 yesterday');
    expect(ack.text).toBe(said.working);
    expect(answer.text).toBe(said.logged);
    const blocks = JSON.stringify(answer.blocks);
    expect(blocks).toContain(said.day);
    expect(blocks).toContain(said.dayTotal);
  });
});

describe('/cor log asked, in three languages', () => {
  it.each(LANGUAGES)('$language: the question card and its buttons; Cancel', async (said) => {
    await harness(said);
    const { answer: card } = await logWords('log 2h login flwo yesterday');
    expect(String(card.text)).toMatch(said.guessed);
    expect(buttonsOf(card)).toEqual(said.buttons);
    expect((await click('log_cancel', buttonValue(card, 'log_cancel')))?.text).toBe(said.cancelled);
    expect(h.cor.requestsTo('POST', '/hours')).toHaveLength(0);
  });
});

describe('/cor log refused, in three languages', () => {
  it.each(LANGUAGES)('$language: the parse error', async (said) => {
    await harness(said);
    const { answer } = await logWords('log QA yesterday');
    expect(answer.text).toBe(said.refused);
  });
});

describe('a line card, in three languages', () => {
  it.each(LANGUAGES)('$language: the card of several entries, its rows, doubts and buttons; Cancel', async (said) => {
    await harness(said);
    const { answer: card } = await logWords('log 3h #48211, 2h #48212 y 1h login flwo ayer');
    const text = String(card.text);
    expect(text).toContain(said.line);
    expect(text).toContain(said.lineRow);
    expect(text).toContain(said.lineDoubt);
    expect(buttonsOf(card)).toEqual(said.lineButtons);
    expect((await click('line_cancel', buttonValue(card, 'line_cancel')))?.text).toBe(said.lineCancelled);
  });
});

describe('the log form, in three languages', () => {
  it.each(LANGUAGES)('$language: title, labels, submit and close; field errors in the ack', async (said) => {
    await harness(said);
    await h.send(slashCommandBody('log', h.slack));
    const view = h.slack.callsTo('views.open')[0]?.args.view as { title: { text: string }; submit: { text: string }; close: { text: string }; blocks: { label: { text: string } }[] };
    expect({ title: view.title.text, submit: view.submit.text, close: view.close.text, labels: view.blocks.map((b) => b.label.text) }).toEqual(said.form);
    expect(view.title.text.length).toBeLessThanOrEqual(24);

    const meta = JSON.stringify({ t: 'T:T0DEMO', u: 'U01JANE', tz: BA });
    const ack = await h.send(viewSubmission('log_time_modal', { meta, values: logFormValues({ date: '2026-12-07', duration: '2' }) }));
    expect(ack.body).toEqual({ response_action: 'errors', errors: said.formErrors });
  });
});

describe('the undo answer, in three languages', () => {
  it.each(LANGUAGES)('$language: "Logging" with its Undo, then Undone', async (said) => {
    await harness(said, 10);
    const body = slashCommandBody('log 2h30 #48211 yesterday', h.slack);
    await h.send(body);
    const answer = await waitForResponse(h.slack, String(body.response_url), (m) => String(m.text) !== said.working);
    expect(answer.text).toBe(said.scheduled);
    expect(buttonsOf(answer)).toEqual([said.undoButton]);
    expect((await click('undo_entries', buttonValue(answer, 'undo_entries')))?.text).toBe(said.undone);
  });
});
