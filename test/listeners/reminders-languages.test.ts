import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.ts';
import { buttonClick, type ListenerHarness, listenerHarness, slashCommandBody, viewSubmission } from '../helpers/bolt.ts';

const BA = 'America/Argentina/Buenos_Aires';
/** Monday 23 Nov 2026, 17:31 in Buenos Aires (just past the default 17:30 reminder). */
const MONDAY_1731 = '2026-11-23T20:31:00Z';

/** What Jane reads in each language (her link keeps the Slack locale). */
const LANGUAGES = [
  {
    language: 'en',
    locale: 'en-US',
    banana: ['I did not understand "banana".', '`/cor remind at 18:00`  the time of the daily DM (your time zone)'],
    reading: '⏳ Reading your reminder settings…',
    dm: '⏰ Time to log your hours. You logged 0m of 8h today (Mon 23 Nov): 8h missing.',
    buttons: ['Log 1h', 'Log time', 'Snooze 1h', 'Skip today', 'Settings'],
    redrawn: 'You logged 1h of 8h today (Mon 23 Nov): 7h missing.',
    snoozed: '😴 Snoozed: I will remind you again at 18:31.',
    skipped: 'Skipped: no more reminders for Mon 23 Nov.',
    form: { title: 'COR reminders', monday: 'Monday', thursday: 'Thursday', target: 'Daily target', tooMuch: 'at most 24h' },
    settings: 'Daily reminder at *17:30*',
    saved: ['✓ Saved.', 'Mon–Thu', '*6h*', 'Skipping: Tue 24 Nov.'],
  },
  {
    language: 'es',
    locale: 'es-LA',
    banana: ['No entendí "banana".', '`/cor remind at 18:00`  la hora del mensaje diario (tu zona horaria)'],
    reading: '⏳ Leyendo tu configuración de recordatorios…',
    dm: '⏰ Es hora de registrar tus horas. Registraste 0 min de 8 h hoy (lun 23 nov): faltan 8 h.',
    buttons: ['Registrar 1 h', 'Registrar horas', 'Posponer 1 h', 'Omitir hoy', 'Configuración'],
    redrawn: 'Registraste 1 h de 8 h hoy (lun 23 nov): faltan 7 h.',
    snoozed: '😴 Pospuesto: te lo vuelvo a recordar a las 18:31.',
    skipped: 'Omitido: no habrá más recordatorios para el lun 23 nov.',
    form: { title: 'Recordatorios de COR', monday: 'lunes', thursday: 'jueves', target: 'Objetivo diario', tooMuch: '24h como máximo' },
    settings: 'Recordatorio diario a las *17:30*',
    saved: ['✓ Guardado.', 'lun–jue', '*6 h*', 'Días omitidos: mar 24 nov.'],
  },
  {
    language: 'pt',
    locale: 'pt-BR',
    banana: ['Não entendi "banana".', '`/cor remind at 18:00`  o horário da mensagem diária (seu fuso horário)'],
    reading: '⏳ Lendo suas configurações de lembretes…',
    dm: '⏰ Hora de registrar suas horas. Você registrou 0 min de 8 h hoje (seg., 23 de nov.): faltam 8 h.',
    buttons: ['Registrar 1 h', 'Registrar horas', 'Adiar 1 h', 'Pular hoje', 'Configurações'],
    redrawn: 'Você registrou 1 h de 8 h hoje (seg., 23 de nov.): faltam 7 h.',
    snoozed: '😴 Adiado: vou lembrar você de novo às 18:31.',
    skipped: 'Pulado: sem mais lembretes para seg., 23 de nov. `/cor remind`',
    form: { title: 'Lembretes do COR', monday: 'segunda-feira', thursday: 'quinta-feira', target: 'Meta diária', tooMuch: 'no máximo 24h' },
    settings: 'Lembrete diário às *17:30*',
    saved: ['✓ Salvo.', 'seg–qui', '*6 h*', 'Dias pulados: ter., 24 de nov.'],
  },
] as const;

interface Block {
  text?: { text: string };
  accessory?: { action_id: string; value: string; text: { text: string } };
  elements?: { action_id: string; value?: string; text: { text: string } }[];
}

function buttons(blocks: unknown): { actionId: string; text: string; value: string }[] {
  return ((blocks ?? []) as Block[]).flatMap((b) => [...(b.accessory ? [b.accessory] : []), ...(b.elements ?? [])]).map((e) => ({ actionId: e.action_id, text: e.text.text, value: e.value ?? '' }));
}

describe.each(LANGUAGES)('a reminder DM and its buttons in three languages: $language', (L) => {
  let h: ListenerHarness;
  afterEach(() => h.close());

  async function remindedJane() {
    const clock = new ManualClock(MONDAY_1731);
    h = await listenerHarness({ clock });
    const jane = await h.linkStored('U01JANE', 2, 'Jane Doe', BA, L.locale);
    await h.services.reminders.sweep(clock.now());
    await h.services.work.drain(5_000);
    const dm = h.slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'U01JANE');
    const click = (actionId: string, user = 'U01JANE') => {
      const value = buttons(dm?.args.blocks).find((b) => b.actionId === actionId)?.value;
      return h.send(buttonClick(actionId, value, { user, responseUrl: h.slack.newResponseUrl(), container: { type: 'message', channel_id: 'D01JANE', message_ts: '1.1', is_ephemeral: false } }));
    };
    return { jane, dm, click };
  }

  it('the DM, its buttons, and what Snooze and Skip answer, in the reminded person’s language', async () => {
    const { dm, click } = await remindedJane();
    expect(String(dm?.args.text)).toBe(L.dm);
    const labels = buttons(dm?.args.blocks).map((b) => b.text);
    for (const label of L.buttons) expect(labels).toContain(label);
    await click('reminder_snooze');
    expect(h.slack.responses.at(-1)?.body).toMatchObject({ replace_original: true, text: L.snoozed });
    await click('reminder_skip');
    expect(String(h.slack.responses.at(-1)?.body.text)).toContain(L.skipped);
  });

  it('"Log 1h" redraws the DM in that language', async () => {
    const { click } = await remindedJane();
    await click('reminder_log_task');
    await h.services.work.drain(5_000);
    expect(h.cor.requestsTo('POST', '/hours')).toHaveLength(1);
    expect(String(h.slack.callsTo('chat.update').at(-1)?.args.text)).toContain(L.redrawn);
  });

  it('Settings opens the form in that language (weekdays by name); its mistakes come back in it', async () => {
    const { click } = await remindedJane();
    await click('reminder_settings');
    const view = h.slack.callsTo('views.open')[0]?.args.view as { title: { text: string }; private_metadata: string; blocks: unknown };
    expect(view.title.text).toBe(L.form.title);
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    const text = JSON.stringify(view.blocks);
    for (const word of [L.form.monday, L.form.thursday, L.form.target]) expect(text).toContain(word);
    const ack = await h.send(
      viewSubmission('reminder_settings_modal', {
        meta: view.private_metadata,
        user: 'U01JANE',
        viewId: 'VSET',
        values: {
          enabled: { enabled_value: { type: 'checkboxes', selected_options: [{ value: 'on' }] } },
          time: { time_value: { type: 'timepicker', selected_time: '18:15' } },
          weekdays: { weekdays_value: { type: 'checkboxes', selected_options: [] } },
          target: { target_value: { type: 'plain_text_input', value: '30h' } },
          morning: { morning_value: { type: 'checkboxes', selected_options: [] } },
          morning_time: { morning_time_value: { type: 'timepicker', selected_time: '09:30' } },
          away: { away_value: { type: 'checkboxes', selected_options: [] } },
        },
      }),
    );
    expect(ack.body).toMatchObject({ response_action: 'errors', errors: { target: expect.stringContaining(L.form.tooMuch) } });
  });

  it('/cor remind shows and changes the settings in that language', async () => {
    const clock = new ManualClock(MONDAY_1731);
    h = await listenerHarness({ clock });
    await h.linkStored('U01JANE', 2, 'Jane Doe', BA, L.locale);
    const answer = async (text: string) => {
      const body = slashCommandBody(`remind ${text}`.trim(), h.slack);
      const ack = await h.send(body);
      return { ack: ack.body as { text?: string } | undefined, last: h.slack.responses.filter((r) => r.body && String(body.response_url).endsWith(r.id)).at(-1)?.body };
    };
    const shown = await answer('');
    expect(shown.ack?.text).toBe(L.reading); // the ack: the store knows her Slack language, no Slack call before it
    expect(String(shown.last?.text)).toContain(L.settings);
    const changed = String((await answer('at 6pm weekdays mon-thu target 6h skip tomorrow'))?.last?.text);
    for (const words of L.saved) expect(changed).toContain(words);
    const wrong = String((await answer('banana')).last?.text);
    for (const words of L.banana) expect(wrong).toContain(words);
  });
});
