import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Language } from '../../src/lib/language.ts';
import { type ListenerHarness, listenerHarness, slashCommandBody, viewSubmission } from '../helpers/bolt.ts';

interface View {
  title: { text: string };
  submit?: { text: string };
  close?: { text: string };
  private_metadata: string;
  blocks: { block_id?: string; hint?: { text: string } }[];
}

describe('/cor project and its form in three languages', () => {
  let h: ListenerHarness;
  beforeEach(async () => {
    h = await listenerHarness();
    await h.linkStored('U02JOHN', 3, 'John Smith', 'America/New_York'); // a Project Manager in COR
    await h.linkStored('U01JANE', 2, 'Jane Doe', 'America/Argentina/Buenos_Aires', 'es-LA'); // not one
  });
  afterEach(() => h.close());

  const project = (sub: string, user = 'U02JOHN') =>
    h.send(slashCommandBody(`project ${sub}`, h.slack, { user_id: user, channel_id: 'C0LAUNCH', channel_name: 'website-launch', trigger_id: `t${Math.random()}` }));
  const views = () => [...h.slack.callsTo('views.open'), ...h.slack.callsTo('views.update')].map((c) => c.args.view as View);
  const lastView = () => h.slack.callsTo('views.update').at(-1)?.args.view as View;
  const text = (value: string | undefined) => ({ type: 'plain_text_input', value: value ?? null });
  const submit = (meta: string, v: { name?: string; client?: string; start?: string; end?: string }) =>
    h.send(
      viewSubmission('project_modal', {
        meta,
        user: 'U02JOHN',
        viewId: 'VPROJ',
        values: {
          name: { name_value: text(v.name) },
          client: { client_value: text(v.client) },
          brief: { brief_value: text(undefined) },
          start: { project_start_value: text(v.start) },
          end: { project_end_value: text(v.end) },
          hours: { hours_value: text(undefined) },
          income: { income_value: { type: 'static_select', selected_option: null } },
          billable: { billable_value: { type: 'checkboxes', selected_options: [] } },
        },
      }),
    );

  async function formIn(language: Language): Promise<{ form: string; meta: string }> {
    await h.services.languages.choose('T:T0DEMO', 'U02JOHN', language);
    await project('new');
    for (const v of views()) {
      expect(v.title.text.length).toBeLessThanOrEqual(24);
      expect(v.submit?.text.length ?? 0).toBeLessThanOrEqual(24);
      expect(v.close?.text.length ?? 0).toBeLessThanOrEqual(24);
    }
    return { form: JSON.stringify(lastView()), meta: lastView().private_metadata };
  }

  it('English: as before', async () => {
    const { form, meta } = await formIn('en');
    expect(form).toContain('"title":{"type":"plain_text","text":"New COR project"}');
    expect(form).toContain('Estimated hours');
    expect((await submit(meta, { name: 'X', start: 'soonish' })).body).toMatchObject({ errors: { start: expect.stringContaining('I cannot read that date') } });
    expect(JSON.stringify((await submit(meta, { name: 'Website launch' })).body)).toContain('This channel is now the COR project *Website launch*');
  });

  it('Spanish: the form, its checks, COR’s refusal and the answer', async () => {
    const { form, meta } = await formIn('es');
    expect(form).toContain('"title":{"type":"plain_text","text":"Nuevo proyecto de COR"}');
    expect(form).toContain('"submit":{"type":"plain_text","text":"Crear"}');
    expect(form).toContain('Horas estimadas');
    expect(form).toContain('Tipo de ingreso');
    expect(form).toContain('Pago único');
    expect(form).toContain('Facturable al cliente');
    expect(form).toContain('Para #website-launch: el proyecto de COR de este canal');
    expect(form).not.toContain('Estimated hours');
    expect((await submit(meta, { name: 'X', start: 'pronto' })).body).toMatchObject({ errors: { start: expect.stringContaining('No puedo leer esa fecha') } });
    expect((await submit(meta, { name: 'X', client: 'nobody' })).body).toMatchObject({ errors: { client: 'COR no tiene ningún cliente con ese id externo.' } });
    expect(JSON.stringify((await submit(meta, { name: 'Lanzamiento web', start: 'próximo lunes' })).body)).toContain('Este canal ahora es el proyecto de COR *Lanzamiento web*');
  });

  it('Portuguese: the form, and the date read back ("sex., 15 de jan. de 2027")', async () => {
    const { form, meta } = await formIn('pt');
    expect(form).toContain('"title":{"type":"plain_text","text":"Novo projeto do COR"}');
    expect(form).toContain('Horas estimadas');
    expect(form).toContain('Tipo de receita');
    expect(form).toContain('Faturável ao cliente');
    expect(form).toContain('fim de março');
    const values = {
      name: { name_value: { value: 'Site' } },
      client: { client_value: { value: null } },
      brief: { brief_value: { value: null } },
      start: { project_start_value: { value: '2027-01-15' } },
      end: { project_end_value: { value: null } },
      hours: { hours_value: { value: null } },
      income: { income_value: { selected_option: null } },
      billable: { billable_value: { selected_options: [] } },
    };
    await h.send({
      type: 'block_actions',
      team: { id: 'T0DEMO', domain: 'demo' },
      user: { id: 'U02JOHN', team_id: 'T0DEMO', username: 'x', name: 'x' },
      api_app_id: 'A0COR',
      token: 'x',
      trigger_id: '7.t',
      container: { type: 'view', view_id: 'VPROJ' },
      view: { id: 'VPROJ', hash: 'h1', type: 'modal', callback_id: 'project_modal', private_metadata: meta, state: { values } },
      actions: [{ type: 'plain_text_input', action_id: 'project_start_value', block_id: 'start', value: '2027-01-15', action_ts: '1' }],
    });
    expect(lastView().blocks.find((b) => b.block_id === 'start')?.hint?.text).toBe('→ sex., 15 de jan. de 2027');
    expect(lastView().title.text).toBe('Novo projeto do COR');
  });

  it('Spanish: someone without the role is told so in Spanish; the usage in Spanish', async () => {
    await project('new', 'U01JANE');
    expect(JSON.stringify(lastView())).toContain('Solo las personas con rol C-Level, Director o Project Manager');
    expect(lastView().title.text).toBe('Nuevo proyecto de COR');
    expect(JSON.stringify((await project('', 'U01JANE')).body)).toContain('convierte este canal en un proyecto de COR');
  });

  it('the edit form’s title fits in every language', async () => {
    for (const language of ['en', 'es', 'pt'] as const) {
      await h.services.languages.choose('T:T0DEMO', 'U02JOHN', language);
      await project('edit');
      expect(lastView().title.text.length).toBeLessThanOrEqual(24);
    }
    expect(lastView().title.text).toBe('Editar projeto do COR');
  });
});
