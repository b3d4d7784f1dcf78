import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.ts';
import { buttonClick, type ListenerHarness, listenerHarness, slashCommandBody } from '../helpers/bolt.ts';
import { waitForResponse } from '../helpers/linking.ts';
import { buttonValue } from '../helpers/payloads.ts';

const BA = 'America/Argentina/Buenos_Aires';
/** Wednesday 18 Nov 2026, 08:00 in Buenos Aires */
const WEDNESDAY_0800 = '2026-11-18T11:00:00Z';

describe('/cor log asks before it writes what it is not sure of', () => {
  let h: ListenerHarness;
  let clock: ManualClock;

  beforeEach(async () => {
    clock = new ManualClock(WEDNESDAY_0800);
    h = await listenerHarness({ clock });
    await h.linkStored('U01JANE', 2, 'Jane Doe', BA);
  });
  afterEach(() => h.close());

  it('"since 9am yesterday" at 08:00 is 23h: the confirm card says so, nothing goes to COR until Log it', async () => {
    const body = slashCommandBody('log since 9am yesterday on Mobile app login flow', h.slack);
    await h.send(body);
    const card = await waitForResponse(h.slack, String(body.response_url), (b) => String(b.text).startsWith('That is'));
    expect(card.text).toBe('That is 23h — longer than a workday. Log *23h* on *Mobile app login flow* (Mobile app · Bolt Motors), Tue 17 Nov · 09:00–08:00?');
    expect(h.cor.requestsTo('POST', '/hours')).toHaveLength(0);

    // Confirmed, it is written as read.
    const click = h.slack.newResponseUrl();
    await h.send(buttonClick('log_confirm', buttonValue(card, 'log_confirm'), { responseUrl: click }));
    await waitForResponse(h.slack, click, (b) => String(b.text).startsWith('✓ Logged'));
    expect(h.cor.requestsTo('POST', '/hours').map((r) => r.body)).toEqual([{ task_log_id: 48213, start: '2026-11-17T12:00:00.000Z', stop: '2026-11-18T11:00:00.000Z' }]);
  });

  it('a doubtful span with several matching tasks: the task list says the doubt first, with the hours in view', async () => {
    const body = slashCommandBody('log since 9am yesterday on homepage redesign', h.slack);
    await h.send(body);
    const card = await waitForResponse(h.slack, String(body.response_url), (b) => String(b.text).includes('Which task'));
    expect(String(card.text)).toMatch(/^That is 23h — longer than a workday\. Which task for “homepage redesign”\? 23h, Tue 17 Nov · 09:00–08:00\.$/);
    expect(h.cor.requestsTo('POST', '/hours')).toHaveLength(0);
  });

  /** Sends /cor log and waits for its first answer that is not the "⏳" one. */
  async function logWords(words: string): Promise<Record<string, unknown>> {
    const body = slashCommandBody(words, h.slack);
    await h.send(body);
    return waitForResponse(h.slack, String(body.response_url), (b) => !String(b.text).startsWith('⏳'));
  }

  it('a single duration pushed back over the day’s entries to end by now is asked, as in a line; Log it writes it as shown', async () => {
    clock.set('2026-11-18T13:00:00Z'); // 10:00 in Buenos Aires, after an entry 09:00–10:00
    h.cor.data.hours.push({ id: 99001, user_id: 2, task_log_id: 48211, start: '2026-11-18 12:00:00', stop: '2026-11-18 13:00:00', comments: null, created_at: '2026-11-18 13:00:00' });
    const card = await logWords('log 3h #48212');
    expect(card.text).toBe('That overlaps time already logged that day. Log *3h* on *Homepage redesign - footer* (Homepage redesign · Acme Foods), Wed 18 Nov · 07:00–10:00?');
    expect(h.cor.requestsTo('POST', '/hours')).toHaveLength(0);

    const click = h.slack.newResponseUrl();
    await h.send(buttonClick('log_confirm', buttonValue(card, 'log_confirm'), { responseUrl: click }));
    await waitForResponse(h.slack, click, (b) => String(b.text).startsWith('✓ Logged'));
    expect(h.cor.requestsTo('POST', '/hours').map((r) => r.body)).toEqual([{ task_log_id: 48212, start: '2026-11-18T10:00:00.000Z', stop: '2026-11-18T13:00:00.000Z' }]);
  });

  it('"3h today" at 01:00 would start yesterday at 22:00: asked, nothing written unasked', async () => {
    clock.set('2026-11-18T04:00:00Z'); // 01:00 in Buenos Aires
    const card = await logWords('log 3h today #48212');
    expect(card.text).toBe('That runs past midnight, into another day. Log *3h* on *Homepage redesign - footer* (Homepage redesign · Acme Foods), Tue 17 Nov · 22:00–01:00?');
    expect(h.cor.requestsTo('POST', '/hours')).toHaveLength(0);
  });
});

describe('a COR that writes its times as the user’s wall time', () => {
  let h: ListenerHarness;

  beforeEach(async () => {
    h = await listenerHarness({ clock: new ManualClock('2026-11-18T21:00:00Z'), corHourTimes: 'user-zone' }); // Wednesday 18:00 in Buenos Aires
    await h.linkStored('U01JANE', 2, 'Jane Doe', BA);
    // Stored in UTC; this COR answers them in Buenos Aires time: 00:30–01:30 and 09:00–12:00 on Wednesday.
    h.cor.data.hours.push({ id: 99001, user_id: 2, task_log_id: 48211, start: '2026-11-18 03:30:00', stop: '2026-11-18 04:30:00', comments: null, created_at: '2026-11-18 04:30:00' });
    h.cor.data.hours.push({ id: 99002, user_id: 2, task_log_id: 48213, start: '2026-11-18 12:00:00', stop: '2026-11-18 15:00:00', comments: null, created_at: '2026-11-18 15:00:00' });
  });
  afterEach(() => h.close());

  async function command(words: string, startsWith: string): Promise<string> {
    const body = slashCommandBody(words, h.slack, { trigger_id: `t.${words}` });
    await h.send(body);
    return String((await waitForResponse(h.slack, String(body.response_url), (b) => String(b.text).startsWith(startsWith))).text);
  }

  it('once a write showed it, a duration goes after the day’s entries (not on top of them) and /cor today counts every one', async () => {
    // The answer to this write shows how this COR writes times.
    await command('log 13-14 #48211', '✓ Logged');
    await command('log 2h #48212', '✓ Logged');
    expect(h.cor.requestsTo('POST', '/hours').map((r) => r.body)).toEqual([
      { task_log_id: 48211, start: '2026-11-18T16:00:00.000Z', stop: '2026-11-18T17:00:00.000Z' },
      // after 13:00–14:00, the day's last entry: 14:00–16:00 in Buenos Aires
      { task_log_id: 48212, start: '2026-11-18T17:00:00.000Z', stop: '2026-11-18T19:00:00.000Z' },
    ]);
    // 1h just after midnight, 3h, 1h and 2h
    expect(await command('today', 'Today')).toContain('Today: 7h of 8h');
  });
});
