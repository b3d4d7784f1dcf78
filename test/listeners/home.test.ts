import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { linkedHome } from '../../src/slack/home/blocks.ts';
import { DEFAULT_REMINDER_SETTING } from '../../src/store/reminders.ts';
import { buttonClick, type ListenerHarness, listenerHarness, slashCommandBody } from '../helpers/bolt.ts';

describe('App Home through a real Bolt app', () => {
  let h: ListenerHarness;

  beforeEach(async () => {
    h = await listenerHarness();
    await h.linkStored('U01JANE', 2, 'Jane Doe', 'America/Argentina/Buenos_Aires');
  });
  afterEach(() => h.close());

  const open = (user = 'U01JANE') =>
    h.send({ type: 'event_callback', team_id: 'T0DEMO', api_app_id: 'A0COR', token: 'x', event_id: `Ev${Math.random()}`, event_time: 1, event: { type: 'app_home_opened', user, channel: 'D1', tab: 'home', event_ts: '1.1' } });
  const published = (user = 'U01JANE') => h.slack.callsTo('views.publish').filter((c) => c.args.user_id === user);
  const lastHome = () => JSON.stringify(published().at(-1)?.args.view);

  it('shows the linked state, the week against target, top tasks with actions, and the reminder settings', async () => {
    await open();
    const home = lastHome();
    expect(home).toContain('Linked to COR as *Jane Doe*');
    expect(home).toContain('*This week*');
    expect(home).toMatch(/Your open tasks\* \(10 of \d+, by deadline\)/);
    expect(home).toContain('task_change_status');
    expect(home).toContain('Daily reminder at *17:30*');
    expect(home).toContain('reminder_settings');
  });

  it('someone not linked sees the welcome page', async () => {
    await open('U02JOHN');
    const welcome = JSON.stringify(published('U02JOHN').at(-1)?.args.view);
    expect(welcome).toContain('Run `/cor link`');
    expect(welcome).toContain('Link my COR account');
  });

  it('shows a running timer with Stop; Stop writes the entry and redraws Home', async () => {
    await h.send(slashCommandBody('start #48211', h.slack));
    await open();
    expect(lastHome()).toContain('Timer running on *Homepage redesign - hero section*');
    await h.send({ ...buttonClick('timer_stop', undefined, { container: { type: 'view', view_id: 'VHOME' } }), view: { id: 'VHOME', type: 'home' } });
    expect(lastHome()).not.toContain('Timer running');
    expect(h.slack.callsTo('chat.postMessage').some((c) => c.args.channel === 'U01JANE')).toBe(true);
  });

  it('is redrawn after the person’s own changes once they have looked at it', async () => {
    await h.send(slashCommandBody('log 1h #48211 yesterday', h.slack));
    expect(published()).toHaveLength(0); // never opened: nothing to redraw
    await open();
    const before = published().length;
    await h.send(slashCommandBody('log 1h #48211 today', h.slack, { trigger_id: '2.trigger' }));
    await h.services.work.drain(5_000);
    expect(published().length).toBeGreaterThan(before);
  });

  it('COR down: Home still opens, with the parts COR could not give said so', async () => {
    h.cor.addFault({ method: 'GET', path: '/hours', status: 503, times: 100 });
    h.cor.addFault({ method: 'GET', path: '/tasks', status: 503, times: 100 });
    await open();
    expect(lastHome()).toContain('COR did not answer: your hours will show here');
    expect(lastHome()).toContain('COR did not answer: your tasks will show here');
  });

  it('stays within Slack’s 100 blocks', () => {
    const tasks = Array.from({ length: 60 }, (_, i) => ({ id: i, title: `T${i}`, status: 'nueva', priority: 1, deadline: undefined, projectId: 1, project: 'P', client: 'C' }));
    const view = linkedHome(
      { corName: 'Jane', tz: 'UTC', now: new Date(), week: undefined, tasks, timer: { task: { id: 1, title: 'x' }, startedAt: new Date(), minutes: 3 }, reminders: { linkId: 'L', ...DEFAULT_REMINDER_SETTING } },
      () => undefined,
    );
    expect(view.blocks.length).toBeLessThanOrEqual(100);
  });
});

describe('app_home_opened through a real Bolt app', () => {
  let h: ListenerHarness;
  beforeAll(async () => {
    h = await listenerHarness();
  });
  afterAll(() => h.close());

  it('publishes the Home tab when it is opened', async () => {
    await h.send({
      type: 'event_callback',
      team_id: 'T0DEMO',
      api_app_id: 'A0COR',
      event_id: 'Ev1',
      event_time: 1,
      event: { type: 'app_home_opened', user: 'U01JANE', channel: 'D01', tab: 'home', event_ts: '1.1' },
    });
    const [call] = h.slack.callsTo('views.publish');
    expect(call?.args).toMatchObject({ user_id: 'U01JANE', view: { type: 'home' } });
    expect(call?.token).toBe('xoxb-fake-demo-token');
  });

  it('ignores the Messages tab being opened', async () => {
    const before = h.slack.callsTo('views.publish').length;
    await h.send({
      type: 'event_callback',
      team_id: 'T0DEMO',
      api_app_id: 'A0COR',
      event_id: 'Ev2',
      event_time: 1,
      event: { type: 'app_home_opened', user: 'U01JANE', channel: 'D01', tab: 'messages', event_ts: '1.2' },
    });
    expect(h.slack.callsTo('views.publish')).toHaveLength(before);
  });
});
