import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../src/lib/clock.ts';
import { resumeAccepted } from '../../src/slack/accepted.ts';
import { type ListenerHarness, listenerHarness } from '../helpers/bolt.ts';
import { viewSubmission } from '../helpers/payloads.ts';

const TZ = 'America/Argentina/Buenos_Aires';
/** Monday 7 December 2026, 12:00 in Buenos Aires: "Friday" is the 11th. */
const MONDAY = new Date('2026-12-07T15:00:00Z');
const MESSAGE_TS = '1765119600.000100';

interface View {
  callback_id: string;
  private_metadata: string;
  blocks: { block_id?: string; type: string; text?: { text: string }; element?: { initial_value?: string; initial_date?: string; initial_option?: { value: string }; type?: string } }[];
}

describe('tasks made from messages: "Create COR task" and "Add to COR task"', () => {
  let h: ListenerHarness;
  let clock: ManualClock;

  beforeEach(async () => {
    clock = new ManualClock(MONDAY);
    // COR's answers wait long: an instance whose answer is lost stays stopped there while another takes over.
    h = await listenerHarness({ clock, corTimeoutMs: 60_000 });
    // The channel of the Homepage redesign project (COR 100), and one of a project Jane is not on (104).
    await h.db.store.channelProjects.save({ tenantKey: 'T:T0DEMO', channelId: 'C0HOME', corProjectId: 100, externalId: 'C0HOME', name: 'Homepage redesign', createdBy: 'U03CARLA' });
    await h.db.store.channelProjects.save({ tenantKey: 'T:T0DEMO', channelId: 'C0BRAND', corProjectId: 104, externalId: 'C0BRAND', name: 'Diseño de marca', createdBy: 'U03CARLA' });
  });
  afterEach(() => h.close());

  function messageShortcut(callbackId: string, channel: string, text: string, user = 'U01JANE', threadTs?: string) {
    return h.send({
      type: 'message_action',
      callback_id: callbackId,
      trigger_id: '9.t',
      team: { id: 'T0DEMO', domain: 'demo' },
      user: { id: user, team_id: 'T0DEMO', username: 'x', name: 'x' },
      channel: { id: channel, name: 'x' },
      message: { type: 'message', user: 'U02JOHN', ts: MESSAGE_TS, text, ...(threadTs ? { thread_ts: threadTs } : {}) },
      message_ts: MESSAGE_TS,
      response_url: h.slack.newResponseUrl(),
      api_app_id: 'A0COR',
      token: 'x',
      action_ts: '1',
    });
  }

  function openedView(): View {
    return h.slack.callsTo('views.open').at(-1)?.args.view as View;
  }

  function lastViewText(): string {
    return JSON.stringify(h.slack.callsTo('views.update').at(-1)?.args.view);
  }

  function threadReplies(channel: string) {
    return (h.slack.messages.get(channel) ?? []).filter((m) => m.thread_ts === MESSAGE_TS);
  }

  function createSubmission(view: View, values: { title: string; description?: string; due?: string | null; project?: { value: string; text: string } }, viewId = 'V77') {
    return viewSubmission('task_create_modal', {
      meta: view.private_metadata,
      viewId,
      values: {
        title: { title_value: { type: 'plain_text_input', value: values.title } },
        ...(values.project ? { project: { message_task_project: { type: 'external_select', selected_option: { text: { type: 'plain_text', text: values.project.text }, value: values.project.value } } } } : {}),
        description: { description_value: { type: 'plain_text_input', value: values.description ?? null } },
        due: { due_value: { type: 'datepicker', selected_date: values.due ?? null } },
      },
    });
  }

  it('"Create COR task" from a message with an @mention and "by Friday": one task as the person, one thread reply, a double submit makes one', async () => {
    await h.linkStored('U01JANE', 2, 'Jane Doe', TZ);
    await messageShortcut('task_create_message', 'C0HOME', '<@U02JOHN> can you change the *hero* copy by Friday?\nThe new text is in the brief.');
    const view = openedView();
    expect(view.callback_id).toBe('task_create_modal');
    const block = (id: string) => view.blocks.find((b) => b.block_id === id);
    expect(block('title')?.element?.initial_value).toBe('@John Smith can you change the hero copy by Friday?');
    expect(block('project')?.text?.text).toContain('Homepage redesign'); // the channel's project: no picker
    expect(block('description')?.element?.initial_value).toContain('The new text is in the brief.');
    expect(block('due')?.element?.initial_date).toBe('2026-12-11');

    const submit = createSubmission(view, { title: block('title')?.element?.initial_value ?? '', description: block('description')?.element?.initial_value ?? '', due: '2026-12-11' });
    const [first, second] = await Promise.all([h.send(submit), h.send(submit)]);
    expect(first.body).toMatchObject({ response_action: 'update' });
    expect(second.body).toMatchObject({ response_action: 'update' });

    const created = h.cor.requestsTo('POST', '/tasks');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ userId: 2, status: 200, body: { title: '@John Smith can you change the hero copy by Friday?', project_id: 100 } });
    const task = h.cor.data.tasks.find((t) => t.title.startsWith('@John Smith can you change'));
    expect(task?.description).toContain('The new text is in the brief.');
    expect(task?.description).toContain(`https://demo.slack.example/archives/C0HOME/p${MESSAGE_TS.replace('.', '')}`);
    expect(task?.deadline?.slice(0, 10)).toBe('2026-12-11');
    // COR lists the new task with Jane's.
    const jane = await h.services.linking.requireLink('T:T0DEMO', 'U01JANE');
    expect((await h.services.linking.apiFor(jane).allTasks({ filters: { collaborator: 2 } })).some((t) => t.id === task?.id)).toBe(true);

    const replies = threadReplies('C0HOME');
    expect(replies).toHaveLength(1);
    expect(String(replies[0]?.text)).toContain('<@U01JANE> made a COR task of this message');
    expect(String(replies[0]?.text)).toContain(`<https://acme.cor.example/tasks/${task?.id}|@John Smith can you change the hero copy by Friday?>`);
    // Under the sentence, the task's card as its link unfurls (Slack does not unfurl the bot's own messages).
    const card = JSON.stringify(replies[0]?.blocks);
    expect(card).toContain('made a COR task of this message');
    expect(card).toContain('task_change_status');
    expect(card).toContain('📁 Homepage redesign');
    expect(lastViewText()).toContain('Created');
  });

  it('"Add to COR task": the linked task preselected, the message and its link posted on it once as the person, a thread reply', async () => {
    await h.linkStored('U01JANE', 2, 'Jane Doe', TZ);
    await messageShortcut('task_add_message', 'C0HOME', 'Client says the hero needs a bigger logo, see #48211');
    const view = openedView();
    expect(view.callback_id).toBe('task_message_modal');
    expect(view.blocks.find((b) => b.block_id === 'task')?.element?.initial_option?.value).toBe('48211');
    const submit = viewSubmission('task_message_modal', {
      meta: view.private_metadata,
      viewId: 'V88',
      values: {
        task: { message_task_select: { type: 'external_select', selected_option: { text: { type: 'plain_text', text: 'Homepage redesign - hero section' }, value: '48211' } } },
        message: { message_value: { type: 'plain_text_input', value: 'Client says the hero needs a bigger logo' } },
      },
    });
    await Promise.all([h.send(submit), h.send(submit)]);
    const posted = h.cor.requestsTo('POST', '/tasks/{task_id}/messages');
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ userId: 2, status: 200 });
    expect(h.cor.data.taskMessages).toEqual([
      { id: expect.any(Number), task_id: 48211, user_id: 2, message: `Client says the hero needs a bigger logo\n\nhttps://demo.slack.example/archives/C0HOME/p${MESSAGE_TS.replace('.', '')}` },
    ]);
    const replies = threadReplies('C0HOME');
    expect(replies).toHaveLength(1);
    expect(String(replies[0]?.text)).toContain('added this message to the COR task <https://acme.cor.example/tasks/48211|Homepage redesign - hero section> (#48211)');
    const card = JSON.stringify(replies[0]?.blocks);
    expect(card).toContain('added this message to the COR task');
    expect(card).toContain('task_change_status');
    expect(lastViewText()).toContain('Added to');
  });

  it('COR makes the task but its answer breaks off: the form says the task may be there and to look first, never to just try again', async () => {
    await h.linkStored('U01JANE', 2, 'Jane Doe', TZ);
    await messageShortcut('task_create_message', 'C0HOME', 'Change the hero copy');
    const view = openedView();
    h.cor.addFault({ method: 'POST', path: '/tasks', times: 1, status: 503, afterHandling: true });
    await h.send(createSubmission(view, { title: 'Change the hero copy' }));
    await h.services.work.drain(5_000);
    expect(h.cor.data.tasks.filter((task) => task.title === 'Change the hero copy')).toHaveLength(1);
    expect(lastViewText()).toContain('the task may have been made anyway: look in *Homepage redesign* before you try again');
  });

  it('a message that is itself a reply in a thread: the reply goes to that thread, not under the reply', async () => {
    await h.linkStored('U01JANE', 2, 'Jane Doe', TZ);
    const parent = '1700000000.000100';
    await messageShortcut('task_add_message', 'C0HOME', 'Bigger logo, see #48211', 'U01JANE', parent);
    const view = openedView();
    await h.send(
      viewSubmission('task_message_modal', {
        meta: view.private_metadata,
        viewId: 'V89',
        values: {
          task: { message_task_select: { type: 'external_select', selected_option: { text: { type: 'plain_text', text: 'Homepage redesign - hero section' }, value: '48211' } } },
          message: { message_value: { type: 'plain_text_input', value: 'Bigger logo' } },
        },
      }),
    );
    const replies = (h.slack.messages.get('C0HOME') ?? []).filter((m) => m.thread_ts !== undefined);
    expect(replies.map((m) => m.thread_ts)).toEqual([parent]);
  });

  it('a person not on the channel\'s project gets COR\'s refusal in plain words, and nothing is made or said in the thread', async () => {
    await h.linkStored('U01JANE', 2, 'Jane Doe', TZ);
    await messageShortcut('task_create_message', 'C0BRAND', 'New logo sketches please');
    const view = openedView();
    await h.send(createSubmission(view, { title: 'New logo sketches please' }));
    expect(h.cor.requestsTo('POST', '/tasks')).toEqual([expect.objectContaining({ status: 403, body: { title: 'New logo sketches please', project_id: 104 } })]);
    expect(lastViewText()).toContain('COR did not let you create a task on *Diseño de marca*: you are not on that project, or your role cannot create tasks.');
    expect(threadReplies('C0BRAND')).toHaveLength(0);
  });

  it('in Spanish: "para el viernes", the project picked from her projects, the thread reply in her words', async () => {
    await h.linkStored('U01JANE', 2, 'Jane Doe', TZ, 'es-LA');
    await messageShortcut('task_create_message', 'C0GENERAL', '¿Puedes cambiar el texto del hero para el viernes?');
    const view = openedView();
    expect(JSON.stringify(view)).toContain('Nueva tarea de COR');
    expect(view.blocks.find((b) => b.block_id === 'project')?.element?.type).toBe('external_select');
    expect(view.blocks.find((b) => b.block_id === 'due')?.element?.initial_date).toBe('2026-12-11');
    // Her projects, from her open tasks (read once, then answered from the cache).
    const suggest = () =>
      h.send({
        type: 'block_suggestion',
        action_id: 'message_task_project',
        block_id: 'project',
        value: 'home',
        team: { id: 'T0DEMO', domain: 'demo' },
        user: { id: 'U01JANE', team_id: 'T0DEMO', name: 'x' },
        api_app_id: 'A0COR',
        token: 'x',
        container: { type: 'view', view_id: 'V1' },
        view: { id: 'V1', callback_id: 'task_create_modal', private_metadata: view.private_metadata },
      });
    await suggest();
    expect((await suggest()).body).toEqual({ options: [{ text: { type: 'plain_text', text: 'Homepage redesign' }, value: '100' }] });
    await h.send(createSubmission(view, { title: '¿Puedes cambiar el texto del hero para el viernes?', project: { value: '100', text: 'Homepage redesign' }, due: '2026-12-11' }));
    expect(h.cor.requestsTo('POST', '/tasks')).toEqual([expect.objectContaining({ status: 200, body: { title: '¿Puedes cambiar el texto del hero para el viernes?', project_id: 100 } })]);
    expect(String(threadReplies('C0GENERAL')[0]?.text)).toContain('<@U01JANE> hizo una tarea de COR con este mensaje');
    expect(lastViewText()).toContain('Creé');
  });

  /** Another instance takes over what a stopped one left, once its lease (60 s) ran out. */
  async function resumeElsewhere(finished: () => void): Promise<void> {
    clock.advance(61_000);
    expect(await resumeAccepted(h.services, h.app.acceptedKinds)).toBe(1);
    // Not a drain: the stopped instance's work is still held up on its lost answer (until `release`).
    await vi.waitFor(finished);
    expect(await resumeAccepted(h.services, h.app.acceptedKinds)).toBe(0);
  }

  /** COR does `route`'s write but its answer never reaches the instance, which stops there (until `release`). */
  function loseAnswer(method: string, path: RegExp | string): () => void {
    let release = () => {};
    h.cor.addFault({ method, path, times: 1, status: 503, afterHandling: true, answerAfter: new Promise<void>((resolve) => (release = resolve)) });
    return () => release();
  }

  const permalink = `https://demo.slack.example/archives/C0HOME/p${MESSAGE_TS.replace('.', '')}`;

  it('a Create whose instance stopped after COR made the task, resumed elsewhere: the task found in COR, not made again; one thread reply', async () => {
    await h.linkStored('U01JANE', 2, 'Jane Doe', TZ);
    await messageShortcut('task_create_message', 'C0HOME', 'Change the hero copy');
    const release = loseAnswer('PUT', /^\/tasks\/\d+$/);
    const dying = h.send(createSubmission(openedView(), { title: 'Change the hero copy', description: 'Change the hero copy' }), { waitForWork: false });
    await vi.waitFor(() => expect(h.cor.data.tasks.find((t) => t.title === 'Change the hero copy')?.description).toContain(permalink));
    await resumeElsewhere(() => expect([lastViewText().includes('Created'), threadReplies('C0HOME').length]).toEqual([true, 1]));
    const made = h.cor.data.tasks.filter((t) => t.title === 'Change the hero copy');
    expect(made).toHaveLength(1);
    expect(h.cor.requestsTo('POST', '/tasks')).toHaveLength(1);
    const replies = threadReplies('C0HOME');
    expect(replies).toHaveLength(1);
    expect(String(replies[0]?.text)).toContain(`<https://acme.cor.example/tasks/${made[0]?.id}|Change the hero copy>`);
    expect(lastViewText()).toContain('Created');
    release();
    await dying;
  });

  it('an Add whose instance stopped after COR took the message, resumed elsewhere: the message found on the task, not posted again; one thread reply', async () => {
    await h.linkStored('U01JANE', 2, 'Jane Doe', TZ);
    await messageShortcut('task_add_message', 'C0HOME', 'Bigger logo, see #48211');
    const submit = viewSubmission('task_message_modal', {
      meta: openedView().private_metadata,
      viewId: 'V88',
      values: {
        task: { message_task_select: { type: 'external_select', selected_option: { text: { type: 'plain_text', text: 'Homepage redesign - hero section' }, value: '48211' } } },
        message: { message_value: { type: 'plain_text_input', value: 'Bigger logo' } },
      },
    });
    const release = loseAnswer('POST', '/tasks/48211/messages');
    const dying = h.send(submit, { waitForWork: false });
    await vi.waitFor(() => expect(h.cor.data.taskMessages).toHaveLength(1));
    await resumeElsewhere(() => expect([lastViewText().includes('Added to'), threadReplies('C0HOME').length]).toEqual([true, 1]));
    expect(h.cor.data.taskMessages).toEqual([expect.objectContaining({ task_id: 48211, message: `Bigger logo\n\n${permalink}` })]);
    expect(h.cor.requestsTo('POST', '/tasks/{task_id}/messages')).toHaveLength(1);
    expect(threadReplies('C0HOME')).toHaveLength(1);
    expect(lastViewText()).toContain('Added to');
    release();
    await dying;
  });

  it('a Create whose instance stopped before COR got it, resumed elsewhere: the task made once, one thread reply', async () => {
    await h.linkStored('U01JANE', 2, 'Jane Doe', TZ);
    await messageShortcut('task_create_message', 'C0HOME', 'Change the hero copy');
    const ack = await h.send(createSubmission(openedView(), { title: 'Change the hero copy' }), { dieAfterAck: true });
    expect(ack.acked).toBe(true);
    expect(h.cor.requestsTo('POST', '/tasks')).toHaveLength(0);
    await resumeElsewhere(() => expect([lastViewText().includes('Created'), threadReplies('C0HOME').length]).toEqual([true, 1]));
    expect(h.cor.requestsTo('POST', '/tasks')).toEqual([expect.objectContaining({ status: 200, body: { title: 'Change the hero copy', project_id: 100 } })]);
    expect(h.cor.data.tasks.find((t) => t.title === 'Change the hero copy')?.description).toContain(permalink);
    expect(threadReplies('C0HOME')).toHaveLength(1);
    expect(lastViewText()).toContain('Created');
  });
});
