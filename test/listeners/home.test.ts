import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { textsIn } from '../../src/i18n/texts.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { linkedHome } from '../../src/slack/home/blocks.ts';
import { DEFAULT_REMINDER_SETTING } from '../../src/store/reminders.ts';
import { buttonClick, type ListenerHarness, listenerHarness, slashCommandBody, viewSubmission } from '../helpers/bolt.ts';
import { waitForResponse } from '../helpers/linking.ts';

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
      textsIn('en'),
      { corName: 'Jane', tz: 'UTC', now: new Date(), week: undefined, tasks, timer: { task: { id: 1, title: 'x' }, startedAt: new Date(), minutes: 3 }, reminders: { linkId: 'L', ...DEFAULT_REMINDER_SETTING }, language: { chosen: undefined, slack: 'en' } },
      () => undefined,
    );
    expect(view.blocks.length).toBeLessThanOrEqual(100);
  });
});

describe('App Home redrawn once per flow of writes', () => {
  let h: ListenerHarness;
  let clock: ManualClock;
  afterEach(() => h.close());

  /** Wednesday 18 Nov 2026, 18:00 in Buenos Aires: Home's week is Sunday 15 to Monday 23 when COR is asked. */
  async function start(undoSeconds = 0) {
    clock = new ManualClock('2026-11-18T21:00:00Z');
    h = await listenerHarness({ clock, undoSeconds });
    await h.linkStored('U01JANE', 2, 'Jane Doe', 'America/Argentina/Buenos_Aires');
    await h.send({ type: 'event_callback', team_id: 'T0DEMO', api_app_id: 'A0COR', token: 'x', event_id: 'EvOpen', event_time: 1, event: { type: 'app_home_opened', user: 'U01JANE', channel: 'D1', tab: 'home', event_ts: '1.1' } });
  }
  const publishes = () => h.slack.callsTo('views.publish').filter((c) => c.args.user_id === 'U01JANE').length;
  /** Home's read of the week's hours (a line's own reads ask for a day either side of its day) */
  const weekReads = () => h.cor.requestsTo('GET', '/hours').filter((e) => e.query.filters?.includes('"dateStart":"2026-11-15","dateDeadline":"2026-11-23"')).length;
  const tenEntries = Array.from({ length: 10 }, (_, i) => `${8 + i}-${9 + i} #${48211 + (i % 3)}`).join('; ');

  async function logLine(text: string, answered = (m: Record<string, unknown>) => !String(m.text).startsWith('⏳')): Promise<Record<string, unknown>> {
    const body = slashCommandBody(`log ${text}`, h.slack);
    await h.send(body);
    return waitForResponse(h.slack, String(body.response_url), answered);
  }

  it('a line of ten entries logged at once: one views.publish, one read of the week’s hours', async () => {
    await start();
    const [before, reads] = [publishes(), weekReads()];
    const answer = await logLine(tenEntries);
    await h.services.work.drain(5_000);
    expect(String(answer.text).split('\n').filter((l) => l.startsWith('✓'))).toHaveLength(10);
    expect(h.cor.requestsTo('POST', '/hours')).toHaveLength(10);
    expect(publishes() - before).toBe(1);
    expect(weekReads() - reads).toBe(1);
  });

  it('writes that come while Home is being redrawn make one more redraw, however many they are', async () => {
    await start();
    const before = publishes();
    // Home's read of the person's tasks waits until the test lets it go: the redraw is in flight meanwhile.
    let release = () => {};
    let arrived = () => {};
    const inFlight = new Promise<void>((resolve) => (arrived = resolve));
    h.cor.addFault({ method: 'GET', path: '/tasks', times: 1, until: new Promise<void>((resolve) => (release = resolve)), arrived: () => arrived() });
    await h.send(slashCommandBody('log 1h #48211 yesterday', h.slack, { trigger_id: 'w.0' }), { waitForWork: false });
    await inFlight;
    for (const i of [1, 2, 3]) await h.send(slashCommandBody(`log ${i * 10}m #48212 yesterday`, h.slack, { trigger_id: `w.${i}` }), { waitForWork: false });
    await h.slack.waitFor(() => h.cor.requestsTo('POST', '/hours').length === 4);
    release();
    await h.services.work.drain(5_000);
    expect(h.cor.requestsTo('POST', '/hours')).toHaveLength(4);
    expect(publishes() - before).toBe(2);
  });

  const lastView = () => JSON.stringify(h.slack.callsTo('views.publish').filter((c) => c.args.user_id === 'U01JANE').at(-1)?.args.view);

  it('/cor stop written at once: one views.publish, taken after the timer is gone', async () => {
    await start();
    await h.send(slashCommandBody('start #48211', h.slack, { trigger_id: 't.start' }));
    expect(lastView()).toContain('Timer running');
    clock.advance(30 * 60_000);
    const before = publishes();
    await h.send(slashCommandBody('stop', h.slack, { trigger_id: 't.stop' }));
    expect(h.cor.requestsTo('POST', '/hours')).toHaveLength(1);
    expect(publishes() - before).toBe(1);
    expect(lastView()).not.toContain('Timer running');
  });

  it('/cor start over a running timer, written at once: one views.publish, showing the new timer', async () => {
    await start();
    await h.send(slashCommandBody('start #48211', h.slack, { trigger_id: 't.first' }));
    clock.advance(30 * 60_000);
    const before = publishes();
    await h.send(slashCommandBody('start #48212', h.slack, { trigger_id: 't.second' }));
    expect(h.cor.requestsTo('POST', '/hours')).toHaveLength(1);
    expect(publishes() - before).toBe(1);
    expect(lastView()).toContain('Timer running on *Homepage redesign - footer*');
  });

  it('Stop on App Home, written at once: one views.publish, taken after the timer is gone', async () => {
    await start();
    await h.send(slashCommandBody('start #48211', h.slack, { trigger_id: 't.start' }));
    clock.advance(30 * 60_000);
    const before = publishes();
    await h.send({ ...buttonClick('timer_stop', undefined, { container: { type: 'view', view_id: 'VHOME' } }), view: { id: 'VHOME', type: 'home' } });
    expect(h.cor.requestsTo('POST', '/hours')).toHaveLength(1);
    expect(publishes() - before).toBe(1);
    expect(lastView()).not.toContain('Timer running');
  });

  it('a status change saved with hours, written at once: one views.publish', async () => {
    await start();
    await h.send(buttonClick('task_change_status', '48215', { responseUrl: h.slack.newResponseUrl() }));
    const meta = (h.slack.callsTo('views.open')[0]?.args.view as { private_metadata: string }).private_metadata;
    const before = publishes();
    await h.send(
      viewSubmission('task_status_modal', {
        meta,
        user: 'U01JANE',
        viewId: 'V42',
        values: {
          status: { status_value: { type: 'static_select', selected_option: { value: 'en_proceso' } } },
          priority: { priority_value: { type: 'static_select', selected_option: { value: '3' } } },
          duration: { duration_value: { type: 'plain_text_input', value: '30m' } },
        },
      }),
    );
    expect(h.cor.requestsTo('POST', '/hours')).toHaveLength(1);
    expect(publishes() - before).toBe(1);
  });

  it('a line of ten entries written when its undo window ends (one outbox pass): one views.publish, one read of the week’s hours', async () => {
    await start(10);
    const [before, reads] = [publishes(), weekReads()];
    await logLine(tenEntries, (m) => String(m.text).startsWith('⏳ 1. Logging'));
    expect(h.cor.requestsTo('POST', '/hours')).toHaveLength(0);
    clock.advance(11_000);
    expect(await h.services.entries.drainDue()).toBe(10);
    await h.services.work.drain(5_000);
    expect(h.cor.requestsTo('POST', '/hours')).toHaveLength(10);
    expect(publishes() - before).toBe(1);
    expect(weekReads() - reads).toBe(1);
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
