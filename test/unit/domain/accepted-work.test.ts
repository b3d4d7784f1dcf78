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
    const id = await accepted.accept(job('a'), clock.now());
    expect(id).toBeDefined();
    await accepted.finish(id ?? '');
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
});
