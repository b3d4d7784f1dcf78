import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.ts';
import { buttonClick, type ListenerHarness, listenerHarness, slashCommandBody } from '../helpers/bolt.ts';
import { responsesTo, waitForResponse } from '../helpers/linking.ts';
import { buttonValue, logFormSubmission } from '../helpers/payloads.ts';

const BA = 'America/Argentina/Buenos_Aires';
/** Wednesday 18 Nov 2026, 18:00 in Buenos Aires */
const WEDNESDAY_1800 = '2026-11-18T21:00:00Z';
const SECOND = 1_000;

/** Every entry waits a 10 s undo window in the outbox before it is written (UNDO_SECONDS=10, the default). */
describe('the undo window through a real Bolt app', () => {
  let h: ListenerHarness;
  let clock: ManualClock;

  beforeEach(async () => {
    clock = new ManualClock(WEDNESDAY_1800);
    h = await listenerHarness({ clock, undoSeconds: 10 });
    await h.linkStored('U01JANE', 2, 'Jane Doe', BA);
  });
  afterEach(() => h.close());

  const posts = () => h.cor.requestsTo('POST', '/hours').filter((r) => r.status === 200).map((r) => r.body);
  /** The outbox worker's pass, as it runs every 2 s. */
  const outboxPass = async () => {
    await h.services.entries.drainDue();
    await h.services.work.drain(5_000);
  };

  async function logCommand(text: string): Promise<{ url: string; answer: Record<string, unknown> }> {
    const body = slashCommandBody(text, h.slack);
    await h.send(body);
    const url = String(body.response_url);
    return { url, answer: await waitForResponse(h.slack, url, (m) => String(m.text).startsWith('⏳ Logging')) };
  }

  async function click(actionId: string, value: string, user = 'U01JANE'): Promise<Record<string, unknown> | undefined> {
    const url = h.slack.newResponseUrl();
    await h.send(buttonClick(actionId, value, { responseUrl: url, user }));
    return responsesTo(h.slack, url).at(-1);
  }

  it('Undo inside the window: nothing reaches COR, and the answer says so', async () => {
    const { answer } = await logCommand('log 2h30 #48211 yesterday');
    expect(answer.text).toBe('⏳ Logging 2h 30m on Homepage redesign - hero section');
    clock.advance(5 * SECOND);
    await outboxPass(); // still in its window
    expect(posts()).toHaveLength(0);
    expect((await click('undo_entries', buttonValue(answer, 'undo_entries')))?.text).toBe('↩︎ Undone: nothing was logged.');
    clock.advance(10 * SECOND);
    await outboxPass();
    expect(posts()).toHaveLength(0);
  });

  it('when the window ends the entry is written once and the answer turns into "✓ Logged" with the day’s total; Undo after that says COR keeps it', async () => {
    const { url, answer } = await logCommand('log 2h30 #48211 yesterday');
    clock.advance(10 * SECOND);
    await outboxPass();
    await outboxPass();
    expect(posts()).toEqual([{ task_log_id: 48211, start: '2026-11-17T12:00:00.000Z', stop: '2026-11-17T14:30:00.000Z' }]);
    const logged = responsesTo(h.slack, url).at(-1) ?? {};
    expect(logged).toMatchObject({ replace_original: true });
    expect(String(logged.text)).toBe('✓ Logged 2h 30m on Homepage redesign - hero section');
    expect(JSON.stringify(logged.blocks)).toMatch(/That day: 2h 30m of 8h/);

    const late = await click('undo_entries', buttonValue(answer, 'undo_entries'));
    expect(String(late?.text)).toBe('Too late to undo:\n• 2h 30m on <https://acme.cor.example/tasks/48211|task #48211>, Tue 17 Nov · 09:00–11:30: COR has it and keeps it: change it in COR.');
    expect(posts()).toHaveLength(1);
  });

  it('a line of several entries: one Undo for all of them', async () => {
    const body = slashCommandBody('log 1h #48211, 2h #48212', h.slack);
    await h.send(body);
    const answer = await waitForResponse(h.slack, String(body.response_url), (m) => String(m.text).startsWith('⏳ 1. Logging'));
    expect(String(answer.text).split('\n')).toHaveLength(2);
    expect(String((await click('undo_entries', buttonValue(answer, 'undo_entries')))?.text)).toBe('↩︎ Undone: none of these 2 entries was logged.');
    clock.advance(11 * SECOND);
    await outboxPass();
    expect(posts()).toHaveLength(0);
  });

  it('the log form: the DM carries the Undo', async () => {
    await h.send(logFormSubmission({ viewId: 'VUNDO', tz: BA, taskId: '48211', date: '2026-11-18', duration: '20m' }));
    const dm = h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U01JANE').at(-1);
    expect(String(dm?.args.text)).toBe('⏳ Logging 20m on Homepage redesign - hero section');
    expect(await click('undo_entries', buttonValue(dm?.args ?? {}, 'undo_entries'))).toMatchObject({ text: '↩︎ Undone: nothing was logged.' });
    clock.advance(11 * SECOND);
    await outboxPass();
    expect(posts()).toHaveLength(0);
  });

  it('someone else’s Undo does nothing', async () => {
    const { answer } = await logCommand('log 1h #48211');
    expect(await click('undo_entries', buttonValue(answer, 'undo_entries'), 'U02JOHN')).toBeUndefined();
    clock.advance(11 * SECOND);
    await outboxPass();
    expect(posts()).toHaveLength(1);
    expect(h.logText()).toContain('refused an Undo');
  });

  it('a line: its answer says each row is being logged, then turns into ✓ for all of them at once (not row by row)', async () => {
    const body = slashCommandBody('log 1h #48211, 2h #48212, 30m #48213 yesterday', h.slack);
    await h.send(body);
    const url = String(body.response_url);
    const logging = await waitForResponse(h.slack, url, (m) => String(m.text).startsWith('⏳ 1. Logging'));
    expect(String(logging.text).split('\n').map((l) => l.slice(0, 12))).toEqual(['⏳ 1. Logging', '⏳ 2. Logging', '⏳ 3. Logging']);
    const before = responsesTo(h.slack, url).length;
    clock.advance(11 * SECOND);
    await outboxPass();
    expect(posts()).toHaveLength(3);
    const after = responsesTo(h.slack, url).slice(before);
    expect(after.length).toBeGreaterThanOrEqual(1);
    const last = after.at(-1) ?? {};
    expect(String(last.text).split('\n').map((l) => l.slice(0, 12))).toEqual(['✓ 1. Logged ', '✓ 2. Logged ', '✓ 3. Logged ']);
    expect(JSON.stringify(last.blocks)).toContain('Tue 17 Nov: 3h 30m of 8h');
    // Every redraw of the line is the whole line: no answer ever showed one row alone.
    for (const r of after) expect(String(r.text).split('\n')).toHaveLength(3);
  });

  it('COR down when the window ends: the answer says it waits for COR, and turns into ✓ Logged when it is written', async () => {
    const { url } = await logCommand('log 1h #48211 yesterday');
    h.cor.addFault({ method: 'POST', path: '/hours', status: 503, times: 20 });
    clock.advance(11 * SECOND);
    await outboxPass();
    expect(String(responsesTo(h.slack, url).at(-1)?.text)).toMatch(/^COR is not answering right now, so your 1h on task #48211/);
    h.cor.clearFaults();
    clock.advance(60 * SECOND);
    await outboxPass();
    expect(posts()).toHaveLength(1);
    expect(String(responsesTo(h.slack, url).at(-1)?.text)).toMatch(/^✓ COR is back: your 1h on \*Homepage redesign - hero section\*/);
  });

  it('a message to the bot: the DM answer itself turns into ✓ Logged (chat.update), in its thread', async () => {
    const ts = '1763930000.000200';
    await h.send({ type: 'event_callback', team_id: 'T0DEMO', api_app_id: 'A0COR', token: 'x', event_id: 'EvU1', event_time: 1, event: { type: 'message', channel: 'D01JANE', channel_type: 'im', user: 'U01JANE', text: '45m #48211 yesterday', ts, event_ts: ts } });
    const posted = h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'D01JANE').at(-1);
    expect(String(posted?.args.text)).toBe('⏳ Logging 45m on Homepage redesign - hero section');
    clock.advance(11 * SECOND);
    await outboxPass();
    const updated = h.slack.callsTo('chat.update').at(-1);
    expect(updated?.args).toMatchObject({ channel: 'D01JANE', text: '✓ Logged 45m on Homepage redesign - hero section' });
    expect(JSON.stringify(updated?.args.blocks)).not.toContain('undo_entries');
  });

  it('Undo racing the writer: exactly one of them wins', async () => {
    const { answer } = await logCommand('log 1h #48211 yesterday');
    clock.advance(11 * SECOND);
    const [undo] = await Promise.all([click('undo_entries', buttonValue(answer, 'undo_entries')), outboxPass()]);
    const undone = String(undo?.text).startsWith('↩︎ Undone');
    expect(posts()).toHaveLength(undone ? 0 : 1);
  });
});
