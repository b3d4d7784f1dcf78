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

  beforeEach(async () => {
    h = await listenerHarness({ clock: new ManualClock(WEDNESDAY_0800) });
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
});
