import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.ts';
import { addDays } from '../../src/lib/zoned.ts';
import { type ListenerHarness, listenerHarness, slashCommandBody } from '../helpers/bolt.ts';

// Per reading of COR's times: enough for every fault kind below to hit several times; the 1,000-command run is
// `npm run bench -- --only faults`.
const COMMANDS = 200;
const START = '2026-11-23T15:00:00Z';

// COR's hour times carry no zone: UTC, or the person's COR zone. Finding an entry after a lost answer must work
// under both, or every retry after a lost answer writes a duplicate.
describe.each(['utc', 'user-zone'] as const)('200 /cor log while COR fails a share of requests, its times in %s', (hourTimes) => {
  let h: ListenerHarness;
  afterEach(() => h.close());

  it('ends with every entry written exactly once: none lost, none doubled (counted at the fake COR)', async () => {
    const clock = new ManualClock(START);
    h = await listenerHarness({ clock, corTimeoutMs: 150, corHourTimes: hourTimes });
    const t = h.cor.issueTokens(2);
    await h.db.store.links.upsert({ tenantKey: 'T:T0DEMO', slackUserId: 'U01JANE', corUserId: 2, corName: 'Jane Doe', tz: 'UTC', tokens: { accessToken: t.access_token, refreshToken: t.refresh_token, expiresAt: new Date('2030-01-01T00:00:00Z') } });
    // A share of every kind of trouble on POST /hours, and some on the reads around it.
    for (const fault of [
      { status: 500, every: 7 },
      { status: 503, every: 11 },
      { status: 429, retryAfter: '1', every: 13 },
      { hang: true, every: 17 },
      { malformed: true, every: 19 },
      { status: 500, afterHandling: true, every: 23 }, // written, but the answer is lost
      { hang: true, afterHandling: true, every: 29 }, // written, then no answer at all
    ]) {
      h.cor.addFault({ method: 'POST', path: '/hours', ...fault });
    }
    h.cor.addFault({ method: 'GET', path: '/hours', status: 503, every: 5 });

    // One entry a day going back: each command is a separate day, so each must end up as exactly one hour entry.
    const dates = Array.from({ length: COMMANDS }, (_, i) => addDays('2026-11-22', -i));
    for (const [i, date] of dates.entries()) {
      await h.send(slashCommandBody(`log 6m #48211 ${date}`, h.slack, { trigger_id: `fault-${i}` }));
    }
    // The outbox worker's passes, with the clock moved past each retry wait.
    for (let pass = 0; pass < 20; pass++) {
      const pending = (await h.db.store.outbox.countByState()).pending ?? 0;
      if (pending === 0) break;
      clock.advance(31 * 60_000);
      await h.services.entries.drainDue(COMMANDS);
    }
    expect(await h.db.store.outbox.countByState()).toEqual({ written: COMMANDS });

    const written = h.cor.hoursOf(2).filter((x) => x.id >= 100_000);
    const perDay = new Map<string, number>();
    for (const x of written) perDay.set(x.start.slice(0, 10), (perDay.get(x.start.slice(0, 10)) ?? 0) + 1);
    expect(written).toHaveLength(COMMANDS);
    expect([...perDay.keys()].sort()).toEqual([...dates].sort());
    expect([...perDay.values()].every((n) => n === 1)).toBe(true);
    // The faults did happen.
    const posts = h.cor.requestsTo('POST', '/hours');
    expect(posts.filter((x) => x.status >= 500).length).toBeGreaterThan(20);
  }, 240_000);
});
