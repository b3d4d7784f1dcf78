import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../src/lib/clock.ts';
import { resumeAccepted } from '../../src/slack/accepted.ts';
import { ACCEPTED } from '../../src/slack/ids.ts';
import { buttonClick, type ListenerHarness, listenerHarness, slashCommandBody } from '../helpers/bolt.ts';
import { responsesTo, waitForResponse } from '../helpers/linking.ts';
import { buttonValue, logFormSubmission, viewSubmission } from '../helpers/payloads.ts';

const BA = 'America/Argentina/Buenos_Aires';
/** Monday 23 Nov 2026, 23:59 in Buenos Aires: a minute before the next day. */
const MONDAY_2359 = '2026-11-24T02:59:00Z';
const SECOND = 1_000;
const HOUR = 3_600_000;

/**
 * Every request the bot acknowledges and then writes for (a command, a form, a button): the instance that
 * acknowledged it dies right after the ack, before any of the work. Another instance (here the same services,
 * as instances share the store) finishes it once the lease runs out (60 s in the harness), once, as of when it
 * was asked, and answers the person.
 */
describe('an acknowledged request survives the instance dying right after the ack', () => {
  let h: ListenerHarness;
  let clock: ManualClock;

  beforeEach(async () => {
    clock = new ManualClock(MONDAY_2359);
    h = await listenerHarness({ clock });
    await h.linkStored('U01JANE', 2, 'Jane Doe', BA);
  });
  afterEach(() => h.close());

  const posts = () => h.cor.requestsTo('POST', '/hours').map((r) => r.body);
  const dms = () => h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U01JANE');
  const resume = async () => {
    const taken = await resumeAccepted(h.services, h.app.acceptedKinds);
    await h.services.work.drain(5_000);
    return taken;
  };

  /** Acked, then dead: nothing done; left alone while its lease runs; then finished by one other instance, once. */
  async function dieThenResume(body: Record<string, unknown>): Promise<void> {
    const ack = await h.send(body, { dieAfterAck: true });
    expect(ack.acked).toBe(true);
    const before = posts().length;
    clock.advance(30 * SECOND);
    expect(await resume()).toBe(0); // the dead instance's lease still runs
    expect(posts()).toHaveLength(before);
    clock.advance(31 * SECOND);
    expect(await resume()).toBe(1);
    expect(await resume()).toBe(0); // done: never again
  }

  it('/cor log <words>: written once, on the day it was said (not the day it was finished), answered in place', async () => {
    const body = slashCommandBody('log 1h #48211 today', h.slack);
    await dieThenResume(body); // finished at 00:00:01, the next day
    expect(posts()).toEqual([{ task_log_id: 48211, start: '2026-11-23T12:00:00.000Z', stop: '2026-11-23T13:00:00.000Z' }]);
    await waitForResponse(h.slack, String(body.response_url), (b) => String(b.text).startsWith('✓ Logged 1h'));
  });

  it('/cor log whose response_url Slack refuses: answered by DM, by the instance that acked it as by another', async () => {
    const refused = () => h.slack.newResponseUrl().replace('/response/', '/expired/');
    await h.send(slashCommandBody('log 1h #48211 today', h.slack, { response_url: refused() }));
    expect(String(dms().at(-1)?.args.text)).toMatch(/^✓ Logged 1h/);
    await dieThenResume(slashCommandBody('log 30m #48212 today', h.slack, { response_url: refused(), trigger_id: '2.trigger' }));
    expect(String(dms().at(-1)?.args.text)).toMatch(/^✓ Logged 30m/);
    expect(posts()).toHaveLength(2);
  });

  it('the log form: written once, the outcome by DM', async () => {
    await dieThenResume(logFormSubmission({ viewId: 'VFORM1', tz: BA, taskId: '48211', date: '2026-11-23', duration: '20m' }));
    expect(posts()).toEqual([{ task_log_id: 48211, start: '2026-11-23T12:00:00.000Z', stop: '2026-11-23T12:20:00.000Z' }]);
    expect(String(dms().at(-1)?.args.text)).toContain('✓ Logged 20m');
  });

  it('Log it on a guessed task: written once, answered in place of the question', async () => {
    const body = slashCommandBody('log 1h on login flwo today', h.slack);
    await h.send(body);
    const question = await waitForResponse(h.slack, String(body.response_url), (b) => String(b.text).startsWith('I guessed'));
    const clickUrl = h.slack.newResponseUrl();
    await dieThenResume(buttonClick('log_confirm', buttonValue(question, 'log_confirm'), { responseUrl: clickUrl }));
    expect(posts()).toEqual([{ task_log_id: 48213, start: '2026-11-23T12:00:00.000Z', stop: '2026-11-23T13:00:00.000Z' }]);
    expect(responsesTo(h.slack, clickUrl).at(-1)).toMatchObject({ replace_original: true, text: expect.stringMatching(/^✓ Logged 1h/) });
  });

  it('"Log 1h" on a reminder DM: written once on the reminder’s day, answered beside the DM (which stays)', async () => {
    clock.set('2026-11-23T20:31:00Z'); // Monday 17:31: the reminder goes out
    await h.services.reminders.sweep(clock.now(), { explain: false });
    const dm = dms()[0];
    const value = buttonValue(dm?.args ?? {}, 'reminder_log_task');
    const clickUrl = h.slack.newResponseUrl();
    await dieThenResume(buttonClick('reminder_log_task', value, { responseUrl: clickUrl, container: { type: 'message', channel_id: 'D01JANE', message_ts: '1.1', is_ephemeral: false } }));
    expect(posts()).toEqual([{ task_log_id: (JSON.parse(value) as { t: number }).t, start: '2026-11-23T12:00:00.000Z', stop: '2026-11-23T13:00:00.000Z' }]);
    expect(responsesTo(h.slack, clickUrl).at(-1)).toMatchObject({ replace_original: false, text: expect.stringMatching(/^✓ Logged 1h/) });
  });

  it('/cor start and /cor stop: the timer starts and stops at the times they were asked, and is written once', async () => {
    clock.set('2026-11-23T13:00:00Z'); // 10:00
    await dieThenResume(slashCommandBody('start #48211', h.slack));
    const link = await h.db.store.links.find('T:T0DEMO', 'U01JANE');
    expect((await h.db.store.timers.get(link?.id ?? ''))?.startedAt).toEqual(new Date('2026-11-23T13:00:00Z'));
    clock.set('2026-11-23T14:00:00Z'); // 11:00
    const stop = slashCommandBody('stop', h.slack, { trigger_id: '2.trigger' });
    await dieThenResume(stop);
    expect(posts()).toEqual([{ task_log_id: 48211, start: '2026-11-23T13:00:00.000Z', stop: '2026-11-23T14:00:00.000Z' }]);
    expect(responsesTo(h.slack, String(stop.response_url)).at(-1)?.text).toMatch(/Stopped|stopped|Logged|logged/);
    expect(await h.db.store.timers.get(link?.id ?? '')).toBeUndefined();
  });

  it('Stop on App Home: written once at the click’s time, told by DM', async () => {
    clock.set('2026-11-23T13:00:00Z');
    await h.send(slashCommandBody('start #48211', h.slack));
    clock.advance(HOUR / 2);
    await dieThenResume({ ...buttonClick('timer_stop', undefined, { container: { type: 'view', view_id: 'VHOME' } }), view: { id: 'VHOME', type: 'home' } });
    expect(posts()).toEqual([{ task_log_id: 48211, start: '2026-11-23T13:00:00.000Z', stop: '2026-11-23T13:30:00.000Z' }]);
    expect(dms()).toHaveLength(1);
  });

  it('the task status form: the change and its hours reach COR once, and the form shows the result', async () => {
    clock.set('2026-11-23T13:00:00Z');
    await h.send(buttonClick('task_change_status', '48215', { responseUrl: h.slack.newResponseUrl() }));
    const meta = (h.slack.callsTo('views.open')[0]?.args.view as { private_metadata: string }).private_metadata;
    await dieThenResume(
      viewSubmission('task_status_modal', {
        meta,
        viewId: 'VSTATUS',
        values: {
          status: { status_value: { type: 'static_select', selected_option: { value: 'en_proceso' } } },
          priority: { priority_value: { type: 'static_select', selected_option: { value: '3' } } },
          duration: { duration_value: { type: 'plain_text_input', value: '30m' } },
        },
      }),
    );
    expect(h.cor.requestsTo('PUT', '/tasks/{task_id}').map((p) => p.body)).toEqual([{ title: 'Diseño de piezas para redes', status: 'en_proceso', priority: 3 }]);
    expect(posts()).toEqual([{ task_log_id: 48215, start: '2026-11-23T12:00:00.000Z', stop: '2026-11-23T12:30:00.000Z' }]);
    expect(JSON.stringify(h.slack.callsTo('views.update').at(-1)?.args)).toContain('30m logged on it today');
  });
});

/**
 * A kind of acknowledged work is declared once (its name, payload, where it answers, its work) and registered once:
 * the listener that accepts a request and the instance that finishes it after a crash use the same declaration.
 */
describe('a kind of acknowledged work, declared once', () => {
  let h: ListenerHarness;
  let clock: ManualClock;

  beforeEach(async () => {
    clock = new ManualClock('2026-11-23T20:31:00Z'); // Monday 17:31 in Buenos Aires
    h = await listenerHarness({ clock });
    await h.linkStored('U01JANE', 2, 'Jane Doe', BA);
  });
  afterEach(() => h.close());

  it('every kind the app accepts is registered, once', () => {
    for (const kind of Object.values(ACCEPTED)) expect(h.app.acceptedKinds.get(kind)?.kind).toBe(kind);
    const logWords = h.app.acceptedKinds.get(ACCEPTED.logWords);
    expect(() => logWords && h.app.acceptedKinds.add(logWords)).toThrow(/already registered/);
  });

  it('a message to the bot left by a stopped instance is answered in its own thread, and so is a failure (not in another DM)', async () => {
    const thread = '1763929860.000100';
    const message = (ts: string, text: string) => ({
      key: `${ACCEPTED.logMessage}:T:T0DEMO:D01JANE:${ts}`,
      kind: ACCEPTED.logMessage,
      tenantKey: 'T:T0DEMO',
      slackUserId: 'U01JANE',
      payload: { tenantKey: 'T:T0DEMO', userId: 'U01JANE', channel: 'D01JANE', ts, threadTs: thread, text },
    });
    const posted = () => h.slack.callsTo('chat.postMessage').map((c) => ({ channel: c.args.channel, thread: c.args.thread_ts, text: String(c.args.text) }));
    // Recorded by an instance that stopped before doing anything.
    await h.services.accepted.accept(message('1763929900.000200', '1h #48211'), clock.now());
    clock.advance(61 * SECOND);
    expect(await resumeAccepted(h.services, h.app.acceptedKinds)).toBe(1);
    await h.services.work.drain(5_000);
    expect(posted()).toEqual([{ channel: 'D01JANE', thread, text: expect.stringMatching(/^✓ Logged 1h/) }]);
    // The answer fails (Slack refuses it): what went wrong is told in the same thread.
    await h.services.accepted.accept(message('1763929900.000300', '2h #48212'), clock.now());
    clock.advance(61 * SECOND);
    h.slack.failNext('chat.postMessage', 'internal_error');
    expect(await resumeAccepted(h.services, h.app.acceptedKinds)).toBe(1);
    await h.services.work.drain(5_000);
    expect(posted().slice(1)).toEqual([
      { channel: 'D01JANE', thread, text: expect.stringMatching(/^✓ Logged 2h/) },
      { channel: 'D01JANE', thread, text: expect.stringMatching(/went wrong|try again/i) },
    ]);
  });
});

/**
 * The lease on acknowledged work is short and renewed while the work runs (real time here: a lease of 900 ms,
 * renewed every 300 ms): work slower than the lease stays its instance's; a dead instance's is taken over soon.
 */
describe('the lease on an acknowledged request', () => {
  let h: ListenerHarness;
  const LEASE_MS = 900;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  beforeEach(async () => {
    h = await listenerHarness({ workLeaseMs: LEASE_MS, corTimeoutMs: 10_000 });
    await h.linkStored('U01JANE', 2, 'Jane Doe', BA);
  });
  afterEach(() => h.close());

  const posts = () => h.cor.requestsTo('POST', '/hours');
  const resume = () => resumeAccepted(h.services, h.app.acceptedKinds);

  it('work slower than the lease keeps its claim: another instance does not take it over while it runs', async () => {
    // COR holds the write (the work's last step) for more than two leases.
    let release = () => {};
    let arrived = () => {};
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    h.cor.addFault({ method: 'POST', path: '/hours', times: 1, arrived, until: new Promise<void>((resolve) => (release = resolve)) });
    const body = slashCommandBody('log 1h #48211 today', h.slack);
    const sent = h.send(body); // the listener runs on until its work ends
    await reached;
    await sleep(LEASE_MS * 2.5);
    expect(await resume()).toBe(0); // alive and still at it: not taken over
    release();
    expect((await sent).acked).toBe(true);
    await waitForResponse(h.slack, String(body.response_url), (b) => String(b.text).startsWith('✓ Logged 1h'));
    await sleep(LEASE_MS * 1.5);
    expect(await resume()).toBe(0); // done
    expect(posts()).toHaveLength(1);
  });

  it('a dead instance’s request is taken over once the short lease runs out', async () => {
    const body = slashCommandBody('log 1h #48211 today', h.slack);
    await h.send(body, { dieAfterAck: true });
    expect(await resume()).toBe(0);
    await sleep(LEASE_MS * 1.5);
    expect(await resume()).toBe(1);
    await h.services.work.drain(5_000);
    await waitForResponse(h.slack, String(body.response_url), (b) => String(b.text).startsWith('✓ Logged 1h'));
    expect(posts()).toHaveLength(1);
  });
});

/**
 * A store that does not answer (PostgreSQL with the table locked by another connection's transaction: every write
 * to it waits): a command is still acknowledged within Slack's 3 s, saying it was not saved, and nothing is done,
 * even once the store answers again.
 */
describe('while the store does not answer', () => {
  let h: ListenerHarness;
  let locker: pg.Client;

  beforeEach(async () => {
    h = await listenerHarness({ store: 'postgresql' });
    await h.linkStored('U01JANE', 2, 'Jane Doe', BA);
    locker = new pg.Client({ connectionString: h.db.databaseUrl });
    await locker.connect();
  });
  afterEach(async () => {
    await locker.end();
    await h.close();
  });

  it('/cor log is answered within 3 s with "not saved, try again in a minute"; the late record is closed, never done', async () => {
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE "AcceptedRequest" IN ACCESS EXCLUSIVE MODE');
    const body = slashCommandBody('log 1h #48211 today', h.slack);
    const sent = h.send(body);
    try {
      const acked = await Promise.race([sent, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 3_000))]);
      expect(acked?.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/^⚠️ Not saved:.*try again in a minute/) });
    } finally {
      await locker.query('ROLLBACK');
    }
    await sent;
    // The write that waited lands once the lock is gone, and is closed at once: no instance takes it up.
    await vi.waitFor(async () => expect((await locker.query('SELECT "state" FROM "AcceptedRequest"')).rows).toEqual([{ state: 'done' }]), { timeout: 5_000 });
    expect(await resumeAccepted(h.services, h.app.acceptedKinds)).toBe(0);
    expect(h.cor.requestsTo('POST', '/hours')).toHaveLength(0);
    expect(responsesTo(h.slack, String(body.response_url))).toEqual([]);
  });

  it('a Log it click is told "not saved" beside the card, which stays for the retry', async () => {
    const body = slashCommandBody('log 1h on login flwo today', h.slack);
    await h.send(body);
    const question = await waitForResponse(h.slack, String(body.response_url), (b) => String(b.text).startsWith('I guessed'));
    const clickUrl = h.slack.newResponseUrl();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE "AcceptedRequest" IN ACCESS EXCLUSIVE MODE');
    try {
      await h.send(buttonClick('log_confirm', buttonValue(question, 'log_confirm'), { responseUrl: clickUrl }));
      await waitForResponse(h.slack, clickUrl, (b) => String(b.text).startsWith('⚠️ Not saved'));
    } finally {
      await locker.query('ROLLBACK');
    }
    await vi.waitFor(async () => expect((await locker.query('SELECT "state" FROM "AcceptedRequest" WHERE "kind" = $1', [ACCEPTED.logPending])).rows).toEqual([{ state: 'done' }]), { timeout: 5_000 });
    // The only answer to the click is beside the card: the card, and its Log it, stay.
    expect(responsesTo(h.slack, clickUrl)).toEqual([expect.objectContaining({ replace_original: false, text: expect.stringMatching(/^⚠️ Not saved:.*try again in a minute/) })]);
    expect(h.cor.requestsTo('POST', '/hours')).toHaveLength(0);
  });
});

