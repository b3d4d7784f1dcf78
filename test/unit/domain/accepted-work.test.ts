import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AcceptedWork } from '../../../src/domain/accepted-work.ts';
import { ManualClock } from '../../../src/lib/clock.ts';
import { memoryLogger } from '../../helpers/logger.ts';
import { type TempStore, tempStore } from '../../helpers/store.ts';

const HOUR = 3_600_000;

describe('AcceptedWork', () => {
  let db: TempStore;
  let clock: ManualClock;
  let accepted: AcceptedWork;
  const job = (key: string) => ({ key, kind: 'k', tenantKey: 'T:1', slackUserId: 'U1', payload: { n: 1 }, responseUrl: undefined });
  const resume = (ran: string[] = []) =>
    accepted.resumeAbandoned(
      async (j) => void ran.push(j.key),
      async (j) => void ran.push(`gave up ${j.key}`),
    );

  beforeEach(async () => {
    db = await tempStore();
    clock = new ManualClock('2026-11-23T12:00:00Z');
    accepted = new AcceptedWork({ store: db.store.accepted, clock, logger: memoryLogger().logger, leaseMs: 60_000 });
  });
  afterEach(() => db.cleanup());

  it('a repeat of a request is not a second one for a day; after that the finished request is forgotten', async () => {
    const claim = await accepted.accept(job('a'), clock.now());
    expect(claim).toBeDefined();
    if (claim) await accepted.hold(claim, async () => {});
    expect(await accepted.accept(job('a'), clock.now())).toBeUndefined();
    clock.advance(23 * HOUR);
    await accepted.forgetOld();
    expect(await accepted.accept(job('a'), clock.now())).toBeUndefined();
    clock.advance(2 * HOUR);
    await accepted.forgetOld();
    expect(await accepted.accept(job('a'), clock.now())).toBeDefined();
  });

  it('one left open is run again by exactly one of two passes once its lease ran out', async () => {
    await accepted.accept(job('b'), clock.now());
    const ran: string[] = [];
    expect(await resume(ran)).toBe(0);
    clock.advance(61_000);
    expect(await Promise.all([resume(ran), resume(ran)])).toEqual(expect.arrayContaining([1, 0]));
    expect(ran).toEqual(['b']);
  });

  it('one held while its work runs longer than the lease is renewed, not taken over; once done, never run again', async () => {
    // A lease of 600 ms on the test's clock: renewed every 250 ms of real time while the work runs.
    accepted = new AcceptedWork({ store: db.store.accepted, clock, logger: memoryLogger().logger, leaseMs: 600 });
    const claim = await accepted.accept(job('slow'), clock.now());
    let finishWork = () => {};
    const working = accepted.hold(claim ?? { id: '', until: new Date(0) }, () => new Promise<void>((resolve) => (finishWork = resolve)));
    clock.advance(500);
    await new Promise((resolve) => setTimeout(resolve, 600)); // renewals while the clock reads 500 ms in
    clock.advance(500); // past the lease it was accepted with
    const ran: string[] = [];
    expect(await resume(ran)).toBe(0);
    finishWork();
    await working;
    clock.advance(60_000);
    expect(await resume(ran)).toBe(0);
    expect(ran).toEqual([]);
  });

  it('a lease another instance took over is not renewed by its old holder', async () => {
    const claim = await accepted.accept(job('c'), clock.now());
    clock.advance(61_000);
    const taken = await db.store.accepted.takeOver(claim?.id ?? '', clock.now(), 60_000);
    expect(taken).toBeDefined();
    expect(await db.store.accepted.renew(claim ?? { id: '', until: new Date(0) }, new Date(clock.now().getTime() + 60_000))).toBe(false);
    expect(await db.store.accepted.renew(taken ?? { id: '', until: new Date(0) }, new Date(clock.now().getTime() + 60_000))).toBe(true);
  });
});
