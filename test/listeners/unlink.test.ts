import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.ts';
import { createPrismaClient, type PrismaClient } from '../../src/store/prisma.ts';
import type { Fault } from '../../tools/fake-cor/server.ts';
import { type ListenerHarness, listenerHarness, slashCommandBody } from '../helpers/bolt.ts';
import { waitForResponse } from '../helpers/linking.ts';

const TZ = 'America/Argentina/Buenos_Aires';
const JANE = 2;

/** A fault on COR's POST /hours that holds the request until released, and says when it is in COR's hands. */
function heldPost(extra: Partial<Fault> = {}): { fault: Fault; reached: Promise<void>; release: () => void } {
  let release = () => {};
  let arrived = () => {};
  const reached = new Promise<void>((resolve) => (arrived = resolve));
  const until = new Promise<void>((resolve) => (release = resolve));
  return { fault: { method: 'POST', path: '/hours', until, arrived, times: 1, ...extra }, reached, release };
}

function cardText(body: unknown): string {
  return String((body as { text?: unknown } | undefined)?.text ?? '');
}

describe('/cor unlink while time entries are on their way to COR', () => {
  let h: ListenerHarness;
  let clock: ManualClock;
  let db: PrismaClient;
  beforeEach(async () => {
    clock = new ManualClock(new Date());
    h = await listenerHarness({ clock });
    db = createPrismaClient(h.db.databaseUrl);
    await h.linkStored('U01JANE', JANE, 'Jane Doe', TZ);
  });
  afterEach(async () => {
    await db.$disconnect();
    await h.close();
  });

  // Every request, as the outbox keeps it (the rows are the audit: none may vanish).
  const rows = () => db.timeEntryRequest.findMany({ orderBy: { taskId: 'asc' } });
  const posts = () => h.cor.requestsTo('POST', '/hours').length;

  it('an entry COR is writing when the person unlinks is recorded as written, kept, and told as logged', async () => {
    const held = heldPost();
    h.cor.addFault(held.fault);
    const log = slashCommandBody('log 2h #48211 yesterday', h.slack, { trigger_id: 'unlink.1' });
    const logging = h.send(log);
    await held.reached;
    const unlink = await h.send(slashCommandBody('unlink', h.slack), { waitForWork: false });
    expect(cardText(unlink.body)).toContain('being written to COR right now');
    expect(cardText(unlink.body)).toContain('2h on task #48211');
    expect(cardText(unlink.body)).not.toContain('will not be written');
    held.release();
    await logging;
    await waitForResponse(h.slack, String(log.response_url), (b) => String(b.text).startsWith('✓ Logged 2h'));
    const [row] = await rows();
    expect(row).toMatchObject({ state: 'written', linkId: null, tenantKey: 'T:T0DEMO', slackUserId: 'U01JANE', taskId: 48211 });
    expect(row?.corHourId).toBeGreaterThan(0);
    expect(posts()).toBe(1);
  });

  it('an entry whose answer is lost after the unlink ends as "unknown", and the person is told it may be in COR', async () => {
    const held = heldPost({ status: 500, afterHandling: true }); // COR writes it, then the answer fails
    h.cor.addFault(held.fault);
    const log = slashCommandBody('log 1h #48211 yesterday', h.slack, { trigger_id: 'unlink.2' });
    const logging = h.send(log);
    await held.reached;
    await h.send(slashCommandBody('unlink', h.slack), { waitForWork: false });
    held.release();
    await logging;
    await waitForResponse(h.slack, String(log.response_url), (b) => String(b.text).includes('may or may not be in COR'));
    expect(await rows()).toMatchObject([{ state: 'unknown', lastError: 'unlinked', linkId: null }]);
    // Nothing retries it as someone who is no longer linked.
    clock.advance(2 * 60 * 60_000);
    expect(await h.services.entries.drainDue()).toBe(0);
    expect(posts()).toBe(1);
  });

  it('queued entries end with the unlink: "not written" when COR turned them away, "may be in COR" when its answer was lost', async () => {
    h.cor.addFault({ method: 'POST', path: '/hours', status: 429, retryAfter: '1', times: 1 });
    await h.send(slashCommandBody('log 30m #48211 yesterday', h.slack, { trigger_id: 'unlink.3' }));
    h.cor.addFault({ method: 'POST', path: '/hours', status: 500, afterHandling: true, times: 1 });
    await h.send(slashCommandBody('log 45m #48212 yesterday', h.slack, { trigger_id: 'unlink.4' }));
    expect((await rows()).map((r) => r.state)).toEqual(['pending', 'pending']);

    const unlink = await h.send(slashCommandBody('unlink', h.slack));
    const text = cardText(unlink.body);
    expect(text).toMatch(/will not be written\*:\n• 30m on task #48211/);
    expect(text).toMatch(/may already be in COR\*.*\n• 45m on task #48212/);
    expect((await rows()).map((r) => [r.taskId, r.state, r.linkId])).toEqual([
      [48211, 'cancelled', null],
      [48212, 'unknown', null],
    ]);
    clock.advance(2 * 60 * 60_000);
    expect(await h.services.entries.drainDue()).toBe(0);
    expect(posts()).toBe(2);
  });

  it('a retry scheduled just as the link went (another instance) ends at the next outbox pass, and the person is told', async () => {
    h.cor.addFault({ method: 'POST', path: '/hours', status: 503, times: 1 });
    const log = slashCommandBody('log 20m #48211 yesterday', h.slack, { trigger_id: 'unlink.5' });
    await h.send(log);
    // The link goes without the unlink's settling (as when the retry was scheduled between its two steps).
    await h.db.store.links.delete('T:T0DEMO', 'U01JANE');
    clock.advance(60 * 60_000);
    expect(await h.services.entries.drainDue()).toBe(1);
    expect(await rows()).toMatchObject([{ state: 'unknown', linkId: null }]);
    // The command's response_url has expired by now: told by DM, though no longer linked (in her Slack language).
    const dm = await h.slack.waitFor(() => h.slack.callsTo('chat.postMessage').find((c) => String(c.args.text).includes('puede estar o no en COR')));
    expect(dm.args.channel).toBe('U01JANE');
    expect(posts()).toBe(1);
  });
});
