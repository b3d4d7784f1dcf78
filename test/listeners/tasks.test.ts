import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserLinkRecord } from '../../src/store/links.ts';
import { buttonClick, type ListenerHarness, listenerHarness, slashCommandBody, viewSubmission } from '../helpers/bolt.ts';

const TZ = 'America/Argentina/Buenos_Aires';

describe('tasks in Slack through a real Bolt app', () => {
  let h: ListenerHarness;
  let link: UserLinkRecord;

  beforeEach(async () => {
    h = await listenerHarness();
    link = await h.linkStored('U01JANE', 2, 'Jane Doe', TZ);
  });
  afterEach(() => h.close());

  async function command(text: string): Promise<Record<string, unknown>> {
    const body = slashCommandBody(text, h.slack);
    await h.send(body);
    const mine = h.slack.responses.filter((r) => String(body.response_url).endsWith(`/${r.id}`));
    return mine.at(-1)?.body ?? {};
  }

  function click(actionId: string, value: string, responseUrl = h.slack.newResponseUrl(), user = 'U01JANE') {
    return h.send(buttonClick(actionId, value, { user, responseUrl }));
  }

  function submit(meta: string, values: { status?: string; priority?: string; duration?: string | null }, user = 'U01JANE', viewId = 'V42') {
    return h.send(
      viewSubmission('task_status_modal', {
        meta,
        user,
        viewId,
        values: {
          status: { status_value: { type: 'static_select', selected_option: values.status ? { value: values.status } : null } },
          priority: { priority_value: { type: 'static_select', selected_option: values.priority ? { value: values.priority } : null } },
          duration: { duration_value: { type: 'plain_text_input', value: values.duration ?? null } },
        },
      }),
    );
  }

  it('/cor tasks lists open tasks by project, with status, priority, deadlines and actions, ten at a time', async () => {
    const first = await command('tasks');
    const text = JSON.stringify(first.blocks);
    expect(text).toMatch(/Your open tasks\* \(1–10 of \d+\)/);
    expect(text).toContain('Mobile app login flow');
    expect(text).toContain('Stalled · Urgent · ⚠️ *Overdue* since Fri 20 Nov');
    expect(text).toContain('Homepage redesign · Acme Foods');
    expect(text).not.toContain('Mobile app push notifications'); // finalizada
    expect(text).toContain('task_change_status');
    const total = Number(/of (\d+)\)/.exec(text)?.[1]);
    expect(total).toBeGreaterThan(20);
    const more = (first.blocks as { elements?: { action_id: string; value: string }[] }[]).flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'tasks_more');
    const url = h.slack.newResponseUrl();
    await click('tasks_more', more?.value ?? '', url);
    const second = h.slack.responses.filter((r) => url.endsWith(`/${r.id}`)).at(-1)?.body;
    expect(second).toMatchObject({ replace_original: true });
    expect(JSON.stringify(second?.blocks)).toContain(`(11–20 of ${total})`);
  });

  it('/cor tasks <words> filters; /cor task finds one by #id, link or words', async () => {
    expect(JSON.stringify((await command('tasks homepage')).blocks)).toMatch(/matching “homepage”\* \(1–2 of 2\)/);
    const card = await command('task #48215');
    expect(String(card.text)).toContain('Diseño de piezas para redes (#48215): En revision');
    expect(String((await command('task https://acme.cor.example/tasks/48213')).text)).toContain('(#48213)');
    expect(String((await command('task login flow')).text)).toContain('Mobile app login flow (#48213)');
    expect(String((await command('task #99999')).text)).toContain('I could not find #99999');
    expect(JSON.stringify((await h.send(slashCommandBody('task', h.slack))).body)).toContain('Which task?');
  });

  it('/cor tasks and /cor task with a very long query answer plainly, within Slack’s limits, the query shown cut short', async () => {
    // Over 3,000 characters (more than a section of Slack's holds): one that finds tasks, one that finds none.
    const finds = `${'homepage '.repeat(350)}x`;
    const none = `${'zq '.repeat(1_050)}x`;
    for (const text of [`tasks ${finds}`, `task ${finds}`, `tasks ${none}`, `task ${none}`]) {
      const answer = await command(text);
      expect(String(answer.text)).not.toContain('Something went wrong');
      expect(JSON.stringify(answer.blocks)).toMatch(/“(homepage|zq) (homepage|zq) [^”]{50,100}…”/);
    }
    expect(String((await command(`tasks ${none}`)).text)).toMatch(/^No open task of yours matches “zq zq .*…”\.$/);
    expect(String((await command(`task ${none}`)).text)).toMatch(/^I could not find “zq zq .*…” among your tasks/);
  });

  it('Change status: opens at once with a loading state, then shows COR’s four and the tenant’s own statuses', async () => {
    await click('task_change_status', '48215');
    const opened = h.slack.callsTo('views.open')[0]?.args.view as { blocks: unknown[] };
    expect(JSON.stringify(opened.blocks)).toContain('Reading task #48215');
    const form = h.slack.callsTo('views.update').at(-1)?.args.view as { blocks: { block_id?: string; element?: { options?: { value: string }[]; initial_option?: { value: string } } }[] };
    const status = form.blocks.find((b) => b.block_id === 'status')?.element;
    expect(status?.options?.map((o) => o.value)).toEqual(expect.arrayContaining(['nueva', 'en_proceso', 'estancada', 'finalizada', 'en_revision']));
    expect(status?.initial_option?.value).toBe('en_revision');
  });

  it('saving sends the current title with the change, logs time when asked, and redraws the card it came from', async () => {
    const cardUrl = h.slack.newResponseUrl();
    await click('task_change_status', '48215', cardUrl);
    const meta = (h.slack.callsTo('views.open')[0]?.args.view as { private_metadata: string }).private_metadata;
    const ack = await submit(meta, { status: 'en_proceso', priority: '3', duration: '30m' });
    expect(ack.body).toMatchObject({ response_action: 'update' });
    const puts = h.cor.requestsTo('PUT', '/tasks/{task_id}');
    expect(puts.map((p) => p.body)).toEqual([{ title: 'Diseño de piezas para redes', status: 'en_proceso', priority: 3 }]);
    expect(h.cor.requestsTo('POST', '/hours')).toHaveLength(1);
    const done = JSON.stringify(h.slack.callsTo('views.update').at(-1)?.args.view);
    expect(done).toContain('is now *In progress*, priority *Urgent*');
    expect(done).toContain('30m logged on it today');
    const redrawn = h.slack.responses.filter((r) => cardUrl.endsWith(`/${r.id}`)).at(-1)?.body;
    expect(redrawn).toMatchObject({ replace_original: true });
    expect(String(redrawn?.text)).toContain('In progress');
  });

  it('a tenant’s own status round-trips; COR’s refusals come back in the form in plain words', async () => {
    await click('task_change_status', '48215');
    const meta = (h.slack.callsTo('views.open')[0]?.args.view as { private_metadata: string }).private_metadata;
    await submit(meta, { status: 'ajustes', priority: '2' });
    expect(h.cor.data.tasks.find((t) => t.id === 48215)?.status).toBe('ajustes');
    await submit(meta, { status: 'suspendida', priority: '2' }, 'U01JANE', 'V43');
    const refused = JSON.stringify(h.slack.callsTo('views.update').at(-1)?.args.view);
    expect(refused).toContain('COR refused the change: status: status must be one of');
    expect(refused).toContain('"block_id":"status"'); // the form again, to try another value

    const forbidden = JSON.stringify({ t: 'T:T0DEMO', u: 'U01JANE', task: 48214 });
    await submit(forbidden, { status: 'nueva', priority: '1' }, 'U01JANE', 'V44');
    expect(JSON.stringify(h.slack.callsTo('views.update').at(-1)?.args.view)).toContain('not allowed to change this task');
    const gone = JSON.stringify({ t: 'T:T0DEMO', u: 'U01JANE', task: 99999 });
    await submit(gone, { status: 'nueva', priority: '1' }, 'U01JANE', 'V45');
    expect(JSON.stringify(h.slack.callsTo('views.update').at(-1)?.args.view)).toContain('does not exist in COR any more');
  });

  it('field mistakes come back at once; a form submitted by someone else is refused', async () => {
    const meta = JSON.stringify({ t: 'T:T0DEMO', u: 'U01JANE', task: 48215 });
    expect((await submit(meta, { status: 'nueva', priority: '1', duration: '5' })).body).toMatchObject({ response_action: 'errors', errors: { duration: 'Hours or minutes? Write 5h or 5m.' } });
    expect((await submit(meta, { priority: '1' })).body).toMatchObject({ response_action: 'errors', errors: { status: 'Pick a status.' } });
    expect((await submit(meta, { status: 'nueva', priority: '1' }, 'U02JOHN')).body).toMatchObject({ response_action: 'errors' });
    expect(h.cor.requestsTo('PUT', '/tasks/{task_id}')).toHaveLength(0);
    void link;
  });

  function messageShortcut(callbackId: string, text: string, user = 'U01JANE') {
    return h.send({
      type: 'message_action',
      callback_id: callbackId,
      trigger_id: '9.t',
      team: { id: 'T0DEMO', domain: 'demo' },
      user: { id: user, team_id: 'T0DEMO', username: 'x', name: 'x' },
      channel: { id: 'C0GENERAL', name: 'general' },
      message: { type: 'message', user: 'U02JOHN', ts: '1700000000.000100', text },
      message_ts: '1700000000.000100',
      response_url: h.slack.newResponseUrl(),
      api_app_id: 'A0COR',
      token: 'x',
      action_ts: '1',
    });
  }

  it('message shortcut "Log time to COR": the form with the message as note and its linked task', async () => {
    await messageShortcut('log_time_message', 'Fixed the hero <https://acme.cor.works/tasks/48211|layout bug> today');
    const view = h.slack.callsTo('views.open')[0]?.args.view as { callback_id: string; blocks: { block_id: string; element: { initial_option?: { value: string }; initial_value?: string } }[] };
    expect(view.callback_id).toBe('log_time_modal');
    expect(view.blocks.find((b) => b.block_id === 'task')?.element.initial_option?.value).toBe('48211');
    expect(view.blocks.find((b) => b.block_id === 'note')?.element.initial_value).toContain('Fixed the hero');
  });

  it('message shortcut "Change COR task status": the status form for the linked task, or a clear answer', async () => {
    await messageShortcut('task_status_message', 'can you move #48213 forward?');
    expect(h.slack.callsTo('views.open')[0]?.args.view).toMatchObject({ callback_id: 'task_status_modal' });
    expect(JSON.stringify(h.slack.callsTo('views.update').at(-1)?.args.view)).toContain('Mobile app login flow');
    await messageShortcut('task_status_message', 'no task here, see <#C123|general>');
    expect(String(h.slack.responses.at(-1)?.body.text)).toContain('does not link a COR task');
    expect(h.slack.callsTo('views.open')).toHaveLength(1);
  });

  it('a shared COR task link unfurls as the task card, read as the person who shared it', async () => {
    const shared = (user: string, url: string) =>
      h.send({
        type: 'event_callback',
        team_id: 'T0DEMO',
        api_app_id: 'A0COR',
        token: 'x',
        event_id: `Ev${Math.random()}`,
        event_time: 1,
        event: { type: 'link_shared', channel: 'C0GENERAL', user, message_ts: '1700000000.000200', links: [{ domain: 'acme.cor.works', url }], event_ts: '1.2' },
      });
    await shared('U01JANE', 'https://acme.cor.works/tasks/48215');
    const unfurl = h.slack.callsTo('chat.unfurl')[0]?.args;
    expect(unfurl).toMatchObject({ channel: 'C0GENERAL', ts: '1700000000.000200' });
    expect(JSON.stringify(unfurl?.unfurls)).toContain('Diseño de piezas para redes');
    expect(JSON.stringify(unfurl?.unfurls)).toContain('task_change_status');
    await shared('U02JOHN', 'https://acme.cor.works/tasks/48215'); // John is not linked: no preview
    await shared('U01JANE', 'https://acme.cor.works/tasks/99999'); // no such task: no preview
    expect(h.slack.callsTo('chat.unfurl')).toHaveLength(1);
  });
});

