import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.ts';
import { buttonClick, type ListenerHarness, listenerHarness, slashCommandBody, viewSubmission } from '../helpers/bolt.ts';
import { responsesTo, waitForResponse } from '../helpers/linking.ts';

const NY = 'America/New_York';
const BA = 'America/Argentina/Buenos_Aires';
/** Monday 30 Nov 2026, 08:59 in New York (the PM's zone): a minute before the digest's 09:00. */
const MONDAY_0859_NY = '2026-11-30T13:59:00Z';
const MONDAY_0901_NY = '2026-11-30T14:01:00Z';

/** A digest written in each language (its owner, John, speaks English), and a nudge in the nudged person's. */
const LANGUAGES = [
  {
    digest: 'en',
    lead: 'Hours for Fri 27 Nov: 2 of 6 people are short.',
    chart: ['Hours for Fri 27 Nov against each person’s target', 'Demo Person 8: 2h of 8h'],
    rows: ['*Demo Person 8* — 2h of 8h — *6h short*', '*Jane Doe* — on leave', '*Mike Brown* — not linked to COR'],
    buttons: ['Nudge', 'Send link', 'Nudge everyone short'],
    // Sam speaks Spanish: his nudge is in Spanish whatever the digest's language.
    samLocale: 'es-LA',
    nudge: '⏰ <@U02JOHN> me pidió que te lo recordara: registraste 5 h de 8 h el vie 27 nov.',
  },
  {
    digest: 'es',
    lead: 'Horas del vie 27 nov: a 2 de 6 personas les faltan horas.',
    chart: ['Horas del vie 27 nov frente al objetivo de cada persona', 'Demo Person 8: 2 h de 8 h'],
    rows: ['*Demo Person 8* — 2 h de 8 h — *faltan 6 h*', '*Jane Doe* — de licencia', '*Mike Brown* — sin vincular con COR'],
    buttons: ['Avisar', 'Enviar enlace', 'Avisar a todos a quienes les faltan horas'],
    samLocale: 'pt-BR',
    nudge: '⏰ <@U02JOHN> me pediu para lembrar você: você registrou 5 h de 8 h em sex., 27 de nov.',
  },
  {
    digest: 'pt',
    lead: 'Horas de sex., 27 de nov.: 2 de 6 pessoas com horas faltando.',
    chart: ['Horas de sex., 27 de nov. em relação à meta de cada pessoa', 'Demo Person 8: 2 h de 8 h'],
    rows: ['*Demo Person 8* — 2 h de 8 h — *faltam 6 h*', '*Jane Doe* — de licença', '*Mike Brown* — não vinculado ao COR'],
    buttons: ['Lembrar', 'Enviar link', 'Lembrar todos com horas faltando'],
    samLocale: 'en-US',
    nudge: '⏰ <@U02JOHN> asked me to remind you: you logged 5h of 8h for Fri 27 Nov.',
  },
] as const;

interface View {
  title: { text: string };
  submit?: { text: string };
  private_metadata: string;
  blocks: { block_id?: string; label?: { text: string }; element?: { action_id: string; options?: { text: { text: string }; value: string }[]; initial_option?: { value: string } } }[];
}

describe('a digest in a channel, in the language its owner picks; a nudge in the nudged person’s', () => {
  let h: ListenerHarness;
  let clock: ManualClock;

  async function setUp(samLocale: string): Promise<void> {
    clock = new ManualClock(MONDAY_0859_NY);
    h = await listenerHarness({ clock });
    await h.linkStored('U02JOHN', 3, 'John Smith', NY); // Project Manager in COR, en-US
    await h.linkStored('U01JANE', 2, 'Jane Doe', BA); // a flexday on Friday 27 Nov
    await h.linkStored('U03ANA', 4, 'Ana Souza', 'America/Sao_Paulo');
    await h.linkStored('U06PAT', 6, 'Demo Person 6', BA);
    await h.linkStored('U07SAM', 7, 'Demo Person 7', BA, samLocale);
    await h.linkStored('U08LEE', 8, 'Demo Person 8', BA);
    h.slack.usergroups.set('T0DEMO/S0DESIGN', { id: 'S0DESIGN', team_id: 'T0DEMO', name: 'Design team', handle: 'design', users: ['U01JANE', 'U03ANA', 'U04MIKE', 'U06PAT', 'U07SAM', 'U08LEE'] });
    const hour = (id: number, user: number, start: string, stop: string) => h.cor.data.hours.push({ id, user_id: user, task_log_id: 48211, start, stop, comments: null, created_at: stop });
    hour(99001, 4, '2026-11-27 12:00:00', '2026-11-27 14:00:00');
    hour(99002, 6, '2026-11-27 11:00:00', '2026-11-27 20:00:00');
    hour(99003, 7, '2026-11-27 12:00:00', '2026-11-27 17:00:00');
    hour(99004, 8, '2026-11-27 12:00:00', '2026-11-27 14:00:00');
  }
  afterEach(() => h.close());

  const channelPosts = () => h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0LEADS');
  const dmsTo = (user: string) => h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === user);

  async function command(text: string, user: string): Promise<Record<string, unknown>> {
    const body = slashCommandBody(text, h.slack, { user_id: user, trigger_id: `${user}.${text}` });
    await h.send(body);
    return waitForResponse(h.slack, String(body.response_url), (m) => !String(m.text).startsWith('⏳'));
  }

  /** John opens New digest, and sends it for the Design team in #leads, written in `language` (undefined: left as it is). */
  async function newDigest(language: string | undefined): Promise<View> {
    await h.send(buttonClick('digest_new', 'new', { user: 'U02JOHN', responseUrl: h.slack.newResponseUrl() }));
    const form = h.slack.callsTo('views.update').at(-1)?.args.view as View;
    const chosen = language ?? form.blocks.find((b) => b.block_id === 'language')?.element?.initial_option?.value;
    const ack = await h.send(
      viewSubmission('digest_modal', {
        meta: form.private_metadata,
        user: 'U02JOHN',
        values: {
          people: { people_value: { type: 'multi_users_select', selected_users: [] } },
          usergroup: { usergroup_value: { type: 'external_select', selected_option: { value: 'S0DESIGN' } } },
          channel: { channel_value: { type: 'conversations_select', selected_conversation: 'C0LEADS' } },
          schedule: { schedule_value: { type: 'static_select', selected_option: { value: 'daily' } } },
          time: { time_value: { type: 'timepicker', selected_time: '09:00' } },
          short: { short_value: { type: 'plain_text_input', value: null } },
          language: { language_value: { type: 'static_select', selected_option: chosen ? { value: chosen } : null } },
        },
      }),
    );
    expect(ack.body).toBeUndefined();
    return form;
  }

  describe.each(LANGUAGES)('in three languages: a digest written in $digest', (L) => {
    beforeEach(() => setUp(L.samLocale));

    it('is posted in the picked language; its Nudge DMs the person in theirs, and the lead hears it in his', async () => {
      const form = await newDigest(L.digest);
      // The form offers the owner's own language (the default) and the three.
      const select = form.blocks.find((b) => b.block_id === 'language')?.element;
      expect(select?.options?.map((o) => o.text.text)).toEqual(['My language (English)', 'English', 'Español', 'Português']);
      expect(select?.initial_option?.value).toBe('owner');
      const [saved] = await h.db.store.digests.ofOwner('T:T0DEMO', 'U02JOHN');
      expect(saved?.language).toBe(L.digest);

      clock.set(MONDAY_0901_NY);
      await h.services.digests.sweep(clock.now());
      const [post] = channelPosts();
      expect(String(post?.args.text)).toBe(L.lead);
      const blocks = JSON.stringify(post?.args.blocks);
      for (const row of L.rows) expect(blocks).toContain(row);
      for (const label of L.buttons) expect(blocks).toContain(`"text":"${label}"`);
      // Its chart, in its thread, in the digest's language.
      const [title, person] = L.chart;
      expect(h.slack.files).toHaveLength(1);
      expect(h.slack.files[0]).toMatchObject({ channel: 'C0LEADS', threadTs: h.slack.messages.get('C0LEADS')?.[0]?.ts, title });
      expect(h.slack.files[0]?.altText).toContain(person);

      const sam = ((post?.args.blocks ?? []) as { text?: { text: string }; accessory?: { value: string } }[]).find((b) => b.text?.text.startsWith('*Demo Person 7*'))?.accessory?.value;
      const url = h.slack.newResponseUrl();
      await h.send(buttonClick('digest_nudge', sam, { user: 'U02JOHN', responseUrl: url }));
      expect(String(dmsTo('U07SAM')[0]?.args.text)).toBe(L.nudge);
      expect(String(responsesTo(h.slack, url).at(-1)?.text)).toBe('✓ Nudged <@U07SAM>.');

      // Edit shows the language it was given.
      await h.send(buttonClick('digest_edit', saved?.id, { user: 'U02JOHN', responseUrl: h.slack.newResponseUrl() }));
      const edit = h.slack.callsTo('views.update').at(-1)?.args.view as View;
      expect(edit.blocks.find((b) => b.block_id === 'language')?.element?.initial_option?.value).toBe(L.digest);
    });
  });

  it('in three languages: left at “my language”, the digest follows its owner’s, and so do his card, form and answers', async () => {
    await setUp('es-LA');
    await h.services.languages.choose('T:T0DEMO', 'U02JOHN', 'pt');
    expect(String((await command('digest', 'U02JOHN')).text)).toBe('Você ainda não tem resumos. Um resumo mostra quem está com horas faltando, com lembretes em um clique.');
    const form = await newDigest(undefined);
    expect(form.title.text).toBe('Novo resumo');
    expect(form.submit?.text).toBe('Salvar');
    expect(form.blocks.find((b) => b.block_id === 'language')?.element?.options?.[0]?.text.text).toBe('Meu idioma (português)');
    expect(JSON.stringify(form.blocks)).toContain('Todo dia útil, sobre o anterior');
    expect(JSON.stringify(form.blocks.find((b) => b.block_id === 'chart'))).toContain('"text":"Um gráfico das horas de cada pessoa na thread"');
    expect((await h.db.store.digests.ofOwner('T:T0DEMO', 'U02JOHN'))[0]?.language).toBeNull();
    const saved = await h.slack.waitFor(() => h.slack.responses.map((r) => JSON.stringify(r.body.blocks ?? '')).find((t) => t.includes('✓ Salvo')));
    expect(saved).toContain('✓ Salvo: todo dia útil às 09:00 (America/New_York).');
    expect(saved).toContain('*todo dia útil às 09:00, sobre o dia útil anterior* · um grupo de usuários do Slack → <#C0LEADS>');

    clock.set(MONDAY_0901_NY);
    await h.services.digests.sweep(clock.now());
    expect(String(channelPosts()[0]?.args.text)).toBe('Horas de sex., 27 de nov.: 2 de 6 pessoas com horas faltando.');
    // He switches to Spanish: the next one is in Spanish (null follows the owner), his answers too.
    await h.services.languages.choose('T:T0DEMO', 'U02JOHN', 'es');
    clock.set('2026-12-01T14:01:00Z');
    await h.services.digests.sweep(clock.now());
    expect(String(channelPosts()[1]?.args.text)).toMatch(/^Horas del lun 30 nov: /);
    const post = channelPosts()[1];
    const sam = ((post?.args.blocks ?? []) as { text?: { text: string }; accessory?: { value: string } }[]).find((b) => b.text?.text.startsWith('*Demo Person'))?.accessory?.value;
    const url = h.slack.newResponseUrl();
    await h.send(buttonClick('digest_nudge_all', JSON.stringify({ ...JSON.parse(sam ?? '{}'), u: undefined }), { user: 'U02JOHN', responseUrl: url }));
    expect(String(responsesTo(h.slack, url).at(-1)?.text)).toMatch(/^✓ Avisé a <@U/);
  });
});
