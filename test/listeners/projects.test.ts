import { afterEach, describe, expect, it } from 'vitest';
import type { IntegrationSource } from '../../src/cor/client.ts';
import { parseProjectDate } from '../../src/domain/parse/project-date.ts';
import { refusalOf } from '../../src/domain/projects.ts';
import { CorError } from '../../src/cor/errors.ts';
import { textsIn } from '../../src/i18n/texts.ts';
import { localParts } from '../../src/lib/zoned.ts';
import { refusalText } from '../../src/slack/projects/blocks.ts';
import { type ListenerHarness, listenerHarness, slashCommandBody, viewSubmission } from '../helpers/bolt.ts';

const NY = 'America/New_York';

describe('projects from channels through a real Bolt app', () => {
  let h: ListenerHarness;
  afterEach(() => h.close());

  async function setUp(opts: { integrationSource?: IntegrationSource | undefined } = {}) {
    h = await listenerHarness(opts);
    for (const [slackUserId, corUserId, corName, tz] of [
      ['U02JOHN', 3, 'John Smith', NY],
      ['U01JANE', 2, 'Jane Doe', 'America/Argentina/Buenos_Aires'],
    ] as const) {
      await h.linkStored(slackUserId, corUserId, corName, tz);
    }
  }

  const project = (sub: string, user = 'U02JOHN', channel = 'C0LAUNCH') =>
    h.send(slashCommandBody(`project ${sub}`, h.slack, { user_id: user, channel_id: channel, channel_name: 'website-launch', trigger_id: `t${Math.random()}` }));
  const lastView = () => h.slack.callsTo('views.update').at(-1)?.args.view as { private_metadata: string; blocks: { block_id?: string; hint?: { text: string } }[] };

  function submit(meta: string, v: { name?: string; client?: string; start?: string; end?: string; hours?: string; income?: string; billable?: boolean }, user = 'U02JOHN') {
    const text = (value: string | undefined) => ({ type: 'plain_text_input', value: value ?? null });
    return h.send(
      viewSubmission('project_modal', {
        meta,
        user,
        viewId: 'VPROJ',
        values: {
          name: { name_value: text(v.name) },
          client: { client_value: text(v.client) },
          brief: { brief_value: text(undefined) },
          start: { project_start_value: text(v.start) },
          end: { project_end_value: text(v.end) },
          hours: { hours_value: text(v.hours) },
          income: { income_value: { type: 'static_select', selected_option: v.income ? { value: v.income } : null } },
          billable: { billable_value: { type: 'checkboxes', selected_options: v.billable ? [{ value: 'on' }] : [] } },
        },
      }),
    );
  }

  it('a project manager creates the channel’s project; the exact Integrations body; it then refuses a second one', async () => {
    await setUp();
    await project('new');
    expect(h.slack.callsTo('views.open')[0]?.args.view).toMatchObject({ callback_id: 'project_modal' });
    const meta = lastView().private_metadata;
    expect(JSON.stringify(lastView())).toContain('"initial_value":"website-launch"');
    const ack = await submit(meta, { name: 'Website launch', client: 'acme-foods', start: 'next monday', end: 'end of march', hours: '120', income: 'fee', billable: true });
    expect(ack.body).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(ack.body)).toContain('This channel is now the COR project *Website launch*');
    const today = localParts(new Date(), NY).date;
    const posts = h.cor.requestsTo('POST', '/v2/integrations/projects');
    expect(posts.map((p) => p.body)).toEqual([
      {
        id: 'C0LAUNCH',
        name: 'Website launch',
        client_id: 'acme-foods',
        start: parseProjectDate('next monday', today),
        end: parseProjectDate('end of march', today),
        estimated_time: 120,
        billable: true,
        income_type: 'fee',
        metadata: { source: 'ZAPIER' },
      },
    ]);
    expect(await h.db.store.channelProjects.find('T:T0DEMO', 'C0LAUNCH')).toMatchObject({ externalId: 'C0LAUNCH', name: 'Website launch' });

    await project('new');
    expect(JSON.stringify(lastView())).toContain('already the COR project *Website launch*');
    // A stale form submitted again: COR's DuplicateExternalIdError on the name field.
    expect((await submit(meta, { name: 'Again' })).body).toMatchObject({ response_action: 'errors', errors: { name: expect.stringContaining('already has a COR project') } });
  });

  it('COR’s named errors come back on their field: unknown client, date range on edit, refused source', async () => {
    await setUp();
    await project('new');
    const meta = lastView().private_metadata;
    expect((await submit(meta, { name: 'X', client: 'nobody' })).body).toMatchObject({ response_action: 'errors', errors: { client: 'COR has no client with that external id.' } });
    expect((await submit(meta, { name: 'X', start: 'soonish' })).body).toMatchObject({ response_action: 'errors', errors: { start: expect.stringContaining('cannot read') } });
    expect((await submit(meta, { name: 'X', start: '2027-05-01', end: '2027-04-01' })).body).toMatchObject({ response_action: 'errors', errors: { end: 'The end comes before the start.' } });
    await submit(meta, { name: 'Website launch', end: '2027-03-31' });
    await project('edit');
    const editMeta = lastView().private_metadata;
    expect((await submit(editMeta, { start: '2027-06-01' })).body).toMatchObject({ response_action: 'errors', errors: { end: 'The end comes before the start.' } });
    const ok = await submit(editMeta, { name: 'Website relaunch', hours: '200' });
    expect(JSON.stringify(ok.body)).toContain('Saved the COR project *Website relaunch*');
    expect(h.cor.requestsTo('PUT', '/v2/integrations/projects/{externalId}').at(-1)?.body).toEqual({ name: 'Website relaunch', estimated_time: 200, metadata: { source: 'ZAPIER' } });
  });

  it('COR refusing the configured source is said plainly', async () => {
    await setUp({ integrationSource: 'SLACK' as IntegrationSource }); // a value COR does not accept
    await project('new');
    expect((await submit(lastView().private_metadata, { name: 'X' })).body).toMatchObject({ response_action: 'errors', errors: { name: expect.stringContaining('COR_INTEGRATION_SOURCE') } });
  });

  it('only C-Level, Director and PM roles may; the feature can be off; edit needs a project', async () => {
    await setUp();
    await project('new', 'U01JANE');
    expect(JSON.stringify(lastView())).toContain('Only people with the C-Level, Director or Project Manager role');
    await project('edit');
    expect(JSON.stringify(lastView())).toContain('no COR project yet');
    expect(JSON.stringify((await project('')).body)).toContain('`/cor project new` makes this channel');
    await h.close();
    await setUp({ integrationSource: undefined });
    expect(JSON.stringify((await project('new')).body)).toContain('COR_INTEGRATION_SOURCE');
  });

  it('Enter in a date field shows the date it read, keeping what was typed', async () => {
    await setUp();
    await project('new');
    const meta = lastView().private_metadata;
    const values = (start: string) => ({
      name: { name_value: { value: 'Site' } },
      client: { client_value: { value: null } },
      brief: { brief_value: { value: null } },
      start: { project_start_value: { value: start } },
      end: { project_end_value: { value: null } },
      hours: { hours_value: { value: null } },
      income: { income_value: { selected_option: null } },
      billable: { billable_value: { selected_options: [] } },
    });
    const press = (start: string) =>
      h.send({
        type: 'block_actions',
        team: { id: 'T0DEMO', domain: 'demo' },
        user: { id: 'U02JOHN', team_id: 'T0DEMO', username: 'x', name: 'x' },
        api_app_id: 'A0COR',
        token: 'x',
        trigger_id: '7.t',
        container: { type: 'view', view_id: 'VPROJ' },
        view: { id: 'VPROJ', hash: 'h1', type: 'modal', callback_id: 'project_modal', private_metadata: meta, state: { values: values(start) } },
        actions: [{ type: 'plain_text_input', action_id: 'project_start_value', block_id: 'start', value: start, action_ts: '1' }],
      });
    await press('2027-01-15');
    expect(lastView().blocks.find((b) => b.block_id === 'start')?.hint?.text).toBe('→ Fri 15 Jan 2027');
    await press('someday');
    expect(lastView().blocks.find((b) => b.block_id === 'start')?.hint?.text).toContain('cannot read');
  });

  it('in a channel that is a COR project, /cor log and /cor tasks look at its tasks first', async () => {
    await setUp();
    await h.db.store.channelProjects.save({ tenantKey: 'T:T0DEMO', channelId: 'C0VERANO', corProjectId: 102, externalId: 'C0VERANO', name: 'Campaña Verano', createdBy: 'U02JOHN' });
    const body = slashCommandBody('log 2h yesterday', h.slack, { channel_id: 'C0VERANO', trigger_id: 't-log' });
    await h.send(body);
    const answer = h.slack.responses.filter((r) => String(body.response_url).endsWith(`/${r.id}`)).at(-1)?.body;
    const text = JSON.stringify(answer);
    expect(text).toContain('Diseño de piezas para redes');
    expect(text).toContain('Campaña verano - copy');
    expect(h.cor.requestsTo('POST', '/hours')).toHaveLength(0); // a choice, not a guess written
    const list = slashCommandBody('tasks', h.slack, { channel_id: 'C0VERANO', trigger_id: 't-tasks' });
    await h.send(list);
    const blocks = JSON.stringify(h.slack.responses.filter((r) => String(list.response_url).endsWith(`/${r.id}`)).at(-1)?.body.blocks);
    expect(blocks.indexOf('Campaña Verano')).toBeLessThan(blocks.indexOf('Homepage redesign'));
  });

  it('maps COR’s validation error to plain words', () => {
    const err = new CorError('validation', { method: 'POST', path: '/v2/integrations/projects', status: 422, corName: 'ValidationError', corMessage: 'id and name are required' });
    const refusal = refusalOf(err);
    expect(refusal).toEqual({ field: 'general', reason: 'refused', corSaid: 'id and name are required' });
    expect(refusal && refusalText(textsIn('en'), refusal)).toBe('COR refused the project: id and name are required.');
    expect(refusal && refusalText(textsIn('es'), refusal)).toBe('COR rechazó el proyecto: id and name are required.');
  });
});
