import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.ts';
import { type ListenerHarness, listenerHarness, slashCommandBody } from '../helpers/bolt.ts';
import { waitForResponse } from '../helpers/linking.ts';

const TZ = 'America/Argentina/Buenos_Aires';
// Wednesday 25 November, 18:00 in Buenos Aires; Jane's COR working time is 8h Monday to Friday.
const NOW = '2026-11-25T21:00:00Z';

// One daily target everywhere: their own, else COR working time for the weekday, else COR daily hours, else 8;
// halved on a half-day leave. Reminders, /cor today, /cor week, App Home and the answer to a log all agree.
describe('the daily target, the same everywhere', () => {
  let h: ListenerHarness;
  beforeEach(async () => {
    h = await listenerHarness({ clock: new ManualClock(NOW) });
    await h.linkStored('U01JANE', 2, 'Jane Doe', TZ);
  });
  afterEach(() => h.close());

  async function answer(words: string, startsWith: string): Promise<string> {
    const body = slashCommandBody(words, h.slack, { trigger_id: `t.${words}` });
    await h.send(body);
    return JSON.stringify(await waitForResponse(h.slack, String(body.response_url), (b) => String(b.text).startsWith(startsWith)));
  }

  async function home(): Promise<string> {
    await h.send({ type: 'event_callback', team_id: 'T0DEMO', api_app_id: 'A0COR', token: 'x', event_id: `Ev${Math.random()}`, event_time: 1, event: { type: 'app_home_opened', user: 'U01JANE', channel: 'D1', tab: 'home', event_ts: '1.1' } });
    return JSON.stringify(h.slack.callsTo('views.publish').at(-1)?.args.view);
  }

  it('their own target (/cor remind target 6h) is the target of /cor today, /cor week, App Home and a log answer', async () => {
    await h.send(slashCommandBody('remind target 6h', h.slack));
    expect(await answer('log 2h #48211', '✓ Logged')).toContain('That day: 2h of 6h');
    expect(await answer('today', 'Today')).toContain('Today: 2h of 6h');
    // Four workdays of 6h: Jane's COR leave (flexday) takes Friday.
    const week = await answer('week', 'This week');
    expect(week).toContain('This week: 2h of 24h');
    expect(week).toContain('on leave (flexday)');
    const page = await home();
    expect(page).toContain('*Today*: 2h of 6h');
    expect(page).toContain('of 24h');
  });

  it('without one, COR working time for the weekday; a half-day leave halves it, and says why', async () => {
    h.cor.data.leaves.push({ id: 99001, user_id: 2, start: '2026-11-25T12:00:00.000Z', end: '2026-11-25T16:00:00.000Z', all_day: false, leave_type: { id: 13, name: 'Medical' } });
    expect(await answer('log 1h #48211', '✓ Logged')).toContain('That day: 1h of 4h');
    const today = await answer('today', 'Today');
    expect(today).toContain('Today: 1h of 4h');
    expect(today).toContain('half-day Medical');
    expect(await answer('week', 'This week')).toContain('This week: 1h of 28h'); // 3 × 8h + 4h, Friday on leave
    expect(await home()).toContain('*Today*: 1h of 4h');
  });
});
