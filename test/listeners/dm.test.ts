import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.ts';
import { type ListenerHarness, listenerHarness } from '../helpers/bolt.ts';

const BA = 'America/Argentina/Buenos_Aires';
/** Monday 23 Nov 2026, 17:31 in Buenos Aires (just past the default 17:30 reminder). */
const MONDAY_1731 = '2026-11-23T20:31:00Z';

describe('writing to the bot (its Messages tab) through a real Bolt app', () => {
  let h: ListenerHarness;
  let clock: ManualClock;
  let seq = 0;

  beforeEach(async () => {
    clock = new ManualClock(MONDAY_1731);
    h = await listenerHarness({ clock });
    await h.linkStored('U01JANE', 2, 'Jane Doe', BA);
  });
  afterEach(() => h.close());

  const posts = () => h.cor.requestsTo('POST', '/hours').map((r) => r.body);
  const answersIn = (channel: string) => h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);

  function message(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
    const ts = `1763930000.${String(++seq).padStart(6, '0')}`;
    return { type: 'message', channel: 'D01JANE', channel_type: 'im', user: 'U01JANE', text, ts, event_ts: ts, ...extra };
  }
  const deliver = (event: Record<string, unknown>, eventId = `Ev${Math.random()}`) =>
    h.send({ type: 'event_callback', team_id: 'T0DEMO', api_app_id: 'A0COR', token: 'x', event_id: eventId, event_time: 1, event });

  it('a message is read like /cor log: written once, answered in the conversation', async () => {
    await deliver(message('2h #48211 yesterday'));
    expect(posts()).toEqual([{ task_log_id: 48211, start: '2026-11-22T12:00:00.000Z', stop: '2026-11-22T14:00:00.000Z' }]);
    expect(String(answersIn('D01JANE').at(-1)?.args.text)).toMatch(/^✓ Logged 2h/);
  });

  it('the same message delivered twice (a Slack retry) writes once and is answered once', async () => {
    const event = message('1h #48211 today');
    await deliver(event, 'Ev1');
    await deliver(event, 'Ev1');
    expect(posts()).toHaveLength(1);
    expect(answersIn('D01JANE')).toHaveLength(1);
  });

  it('a reply in the thread of a reminder DM logs on the day that reminder is about, unless it names another', async () => {
    await h.services.reminders.sweep(clock.now(), { explain: false });
    const reminder = answersIn('U01JANE')[0];
    expect(reminder).toBeDefined();
    const delivery = await h.db.store.reminders.findDelivery((await h.db.store.links.find('T:T0DEMO', 'U01JANE'))?.id ?? '', '2026-11-23');
    expect(delivery?.messageTs).toBeTruthy();
    clock.set('2026-11-24T13:00:00Z'); // Tuesday 10:00: the reply comes the next morning
    const thread = { channel: delivery?.channelId, thread_ts: delivery?.messageTs };
    await deliver(message('3h #48211', thread));
    expect(posts().at(-1)).toEqual({ task_log_id: 48211, start: '2026-11-23T12:00:00.000Z', stop: '2026-11-23T15:00:00.000Z' });
    await deliver(message('1h #48212 today', thread));
    expect(posts().at(-1)).toEqual({ task_log_id: 48212, start: '2026-11-24T12:00:00.000Z', stop: '2026-11-24T13:00:00.000Z' });
    // Several entries, one naming a day: that day is every entry's, not the reminder's.
    await deliver(message('30m #48211, 15m #48212 2 days ago', thread));
    expect(posts().slice(-2).map((p) => (p as { start: string }).start.slice(0, 10))).toEqual(['2026-11-22', '2026-11-22']);
    const replies = h.slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === delivery?.messageTs);
    expect(replies.map((c) => String(c.args.text).slice(0, 11))).toEqual(['✓ Logged 3h', '✓ Logged 1h', '✓ 1. Logged']);
  });

  it('a reply in the thread of a reminder over a week old asks which day: nothing is written on that old day unasked', async () => {
    await h.services.reminders.sweep(clock.now(), { explain: false });
    const delivery = await h.db.store.reminders.findDelivery((await h.db.store.links.find('T:T0DEMO', 'U01JANE'))?.id ?? '', '2026-11-23');
    const thread = { channel: delivery?.channelId, thread_ts: delivery?.messageTs };
    clock.set('2026-11-30T13:00:00Z'); // Monday a week later, 10:00: a reminder a week old is still taken as said
    await deliver(message('1h #48211', thread));
    expect(posts().at(-1)).toEqual({ task_log_id: 48211, start: '2026-11-23T12:00:00.000Z', stop: '2026-11-23T13:00:00.000Z' });
    clock.set('2026-12-01T13:00:00Z'); // eight days later: asked
    const before = posts().length;
    await deliver(message('2h #48212', thread));
    await deliver(message('30m #48211, 15m #48212', thread));
    expect(posts()).toHaveLength(before);
    const replies = h.slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === delivery?.messageTs);
    expect(String(replies.at(-2)?.args.text)).toMatch(/Mon 23 Nov/);
    expect(JSON.stringify(replies.at(-2)?.args.blocks)).toContain('log_confirm');
    expect(JSON.stringify(replies.at(-1)?.args.blocks)).toMatch(/Log all/);
    // A day named in the reply is the person's own word: written.
    await deliver(message('1h #48212 today', thread));
    expect(posts().at(-1)).toEqual({ task_log_id: 48212, start: '2026-12-01T12:00:00.000Z', stop: '2026-12-01T13:00:00.000Z' });
  });

  it('a guessed task is asked first in the conversation; nothing is written until Log it', async () => {
    await deliver(message('1h on login flwo today'));
    expect(posts()).toHaveLength(0);
    expect(String(answersIn('D01JANE').at(-1)?.args.text)).toMatch(/^I guessed the task\. Log \*1h\* on \*Mobile app login flow\*/);
  });

  it('words that log nothing get a short pointer; someone not linked gets the link card', async () => {
    await deliver(message('hello there!'));
    expect(String(answersIn('D01JANE').at(-1)?.args.text)).toContain('I log time from what you write here');
    await deliver(message('two hours on #48211'));
    expect(String(answersIn('D01JANE').at(-1)?.args.text)).toMatch(/^✓ Logged 2h/);
    await deliver(message('3 #48211'));
    expect(String(answersIn('D01JANE').at(-1)?.args.text)).toBe('Is `3` hours or minutes? Say `3h` or `3m`.');
    await deliver({ ...message('2h #48211'), user: 'U02JOHN', channel: 'D02JOHN' });
    expect(String(answersIn('D02JOHN').at(-1)?.args.text)).toContain('link your COR account');
    expect(posts()).toHaveLength(1);
  });

  it('ignores the bot’s own messages, edits, deletions and other subtypes', async () => {
    await deliver({ ...message('2h #48211'), bot_id: 'BBOT', user: 'UBOT' });
    await deliver({ ...message('2h #48211'), subtype: 'message_changed', message: { text: '2h #48211' } });
    await deliver({ ...message(''), subtype: 'message_deleted' });
    await deliver({ ...message('2h #48211'), subtype: 'file_share' });
    await deliver({ ...message('2h #48211'), channel_type: 'channel', channel: 'C01' });
    expect(posts()).toHaveLength(0);
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });
});
