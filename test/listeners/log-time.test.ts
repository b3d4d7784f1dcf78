import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localParts } from '../../src/lib/zoned.ts';
import type { UserLinkRecord } from '../../src/store/links.ts';
import { buttonClick, type ListenerHarness, listenerHarness, slashCommandBody, viewSubmission } from '../helpers/bolt.ts';
import { logFormValues } from '../helpers/payloads.ts';

const TZ = 'America/Argentina/Buenos_Aires';

describe('the log-time modal through a real Bolt app', () => {
  let h: ListenerHarness;
  let link: UserLinkRecord;

  beforeEach(async () => {
    h = await listenerHarness();
    link = await h.linkStored('U01JANE', 2, 'Jane Doe', TZ);
  });
  afterEach(() => h.close());

  const today = () => localParts(new Date(), TZ).date;

  function submission(values: Record<string, Record<string, unknown>>, user = 'U01JANE', viewId = 'V123') {
    const meta = JSON.stringify({ t: 'T:T0DEMO', u: 'U01JANE', tz: TZ });
    const state = { ...logFormValues({ date: today() }), ...values };
    return viewSubmission('log_time_modal', { meta, values: state, user, viewId });
  }

  it('/cor log with no words opens the modal at once and warms the task list', async () => {
    const ack = await h.send(slashCommandBody('log', h.slack));
    expect(ack.acked).toBe(true);
    const [open] = h.slack.callsTo('views.open');
    expect(open?.args).toMatchObject({ trigger_id: '1.trigger', view: { type: 'modal', callback_id: 'log_time_modal' } });
    const view = open?.args.view as { blocks: { block_id: string; element: { initial_date?: string } }[] };
    expect(view.blocks.find((b) => b.block_id === 'date')?.element.initial_date).toBe(today());
    expect(h.services.tasks.cachedOpenTasks(link)?.length).toBeGreaterThan(10);
  });

  it('the task type-ahead answers from the cache in the ack, filtered by what was typed', async () => {
    await h.services.tasks.openTasks(link, h.services.linking.apiFor(link));
    const requestsBefore = h.cor.exchanges.length;
    const ack = await h.send({
      type: 'block_suggestion',
      action_id: 'task_select',
      block_id: 'task',
      value: 'login',
      team: { id: 'T0DEMO', domain: 'demo' },
      user: { id: 'U01JANE', team_id: 'T0DEMO', name: 'x' },
      api_app_id: 'A0COR',
      token: 'x',
      container: { type: 'view', view_id: 'V1' },
      view: { id: 'V1', callback_id: 'log_time_modal' },
    });
    expect(ack.body).toEqual({ options: [{ text: { type: 'plain_text', text: 'Mobile app login flow · Mobile app' }, value: '48213' }] });
    expect(h.cor.exchanges.length).toBe(requestsBefore); // nothing asked of COR
  });

  it('returns field errors inline and writes nothing', async () => {
    const ack = await h.send(
      submission({
        date: { date_value: { type: 'datepicker', selected_date: '2099-01-01' } },
        duration: { duration_value: { type: 'plain_text_input', value: '2' } },
      }),
    );
    expect(ack.body).toEqual({
      response_action: 'errors',
      errors: { task: 'Pick a task.', date: 'That day is in the future.', duration: 'Hours or minutes? Write 2h or 2m.' },
    });
    const noSpan = await h.send(submission({ task: { task_select: { selected_option: { value: '48211' } } } }));
    expect(noSpan.body).toMatchObject({ errors: { duration: 'Give a duration, or a start and an end.' } });
    expect(h.cor.requestsTo('POST', '/hours')).toHaveLength(0);
  });

  it('a good submission closes the modal, writes once even if submitted twice, and DMs the result', async () => {
    const yesterday = localParts(new Date(Date.now() - 86_400_000), TZ).date;
    const values = {
      task: { task_select: { selected_option: { value: '48211' } } },
      date: { date_value: { selected_date: yesterday } },
      from: { from_value: { selected_time: '09:15' } },
      to: { to_value: { selected_time: '10:45' } },
      note: { note_value: { value: 'planning' } },
    };
    const first = await h.send(submission(values));
    const second = await h.send(submission(values));
    expect([first.body, second.body]).toEqual([undefined, undefined]);
    const posts = h.cor.requestsTo('POST', '/hours');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toMatchObject({ task_log_id: 48211 });
    const dms = h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U01JANE');
    expect(String(dms[0]?.args.text)).toBe('✓ Logged 1h 30m on Homepage redesign - hero section');
    expect(String(dms[1]?.args.text)).toContain('already logged');
  });

  it('refuses a form submitted by someone it was not opened for', async () => {
    const ack = await h.send(submission({ task: { task_select: { selected_option: { value: '48211' } } }, duration: { duration_value: { value: '1h' } } }, 'U02JOHN'));
    expect(ack.body).toMatchObject({ response_action: 'errors' });
    expect(h.cor.requestsTo('POST', '/hours')).toHaveLength(0);
  });

  it('a Log time button opens the modal, with its task when it names one', async () => {
    await h.send(buttonClick('open_log_modal', '48213', { container: { type: 'view', view_id: 'VHOME' } }));
    const view = h.slack.callsTo('views.open')[0]?.args.view as { blocks: { block_id: string; element: { initial_option?: { value: string } } }[] };
    expect(view.blocks.find((b) => b.block_id === 'task')?.element.initial_option?.value).toBe('48213');
  });

  it('the global shortcut opens the modal', async () => {
    await h.send({ type: 'shortcut', callback_id: 'log_time', trigger_id: '9.t', team: { id: 'T0DEMO', domain: 'demo' }, user: { id: 'U01JANE', team_id: 'T0DEMO', username: 'x' }, api_app_id: 'A0COR', token: 'x', action_ts: '1' });
    expect(h.slack.callsTo('views.open')[0]?.args).toMatchObject({ trigger_id: '9.t', view: { callback_id: 'log_time_modal' } });
  });
});
