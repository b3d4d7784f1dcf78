import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseLogCommand } from '../../../../src/domain/parse/log-command.ts';
import { TaskDirectory } from '../../../../src/domain/tasks.ts';
import { TimeEntryService } from '../../../../src/domain/time-entries/service.ts';
import { type EntryNotifier } from '../../../../src/domain/time-entries/model.ts';
import { CorTimes } from '../../../../src/domain/time-entries/cor-times.ts';
import { splitAtMidnight, TimerService } from '../../../../src/domain/timers.ts';
import { ManualClock } from '../../../../src/lib/clock.ts';
import { WorkTracker } from '../../../../src/lib/work-tracker.ts';
import { startOutboxWorker } from '../../../../src/scheduler/outbox-worker.ts';
import { localParts } from '../../../../src/lib/zoned.ts';
import type { UserLinkRecord } from '../../../../src/store/links.ts';
import type { TimeEntryRequestRecord } from '../../../../src/store/outbox.ts';
import { FakeCor } from '../../../../tools/fake-cor/server.ts';
import { apiForStoredLinks, corKit, storeLinkedUser } from '../../../helpers/cor.ts';
import { memoryLogger } from '../../../helpers/logger.ts';
import { tempStore, type TempStore } from '../../../helpers/store.ts';

const TZ = 'America/Argentina/Buenos_Aires';
const JANE = 2;

describe('TimeEntryService against the fake COR', () => {
  let cor: FakeCor;
  let db: TempStore;
  let clock: ManualClock;
  let service: TimeEntryService;
  let link: UserLinkRecord;
  const told: { written: TimeEntryRequestRecord[]; failed: [TimeEntryRequestRecord, string][] } = { written: [], failed: [] };

  beforeEach(async () => {
    cor = await new FakeCor().start();
    db = await tempStore();
    clock = new ManualClock('2026-11-18T18:00:00Z'); // Wednesday 15:00 in Buenos Aires
    told.written = [];
    told.failed = [];
    const kit = corKit(cor, { timeoutMs: 300 });
    link = await storeLinkedUser(db.store, cor, { corUserId: JANE, tz: TZ });
    const notifier: EntryNotifier = {
      writtenLater: async (_l, r) => void told.written.push(r),
      failedForGood: async (_l, r, reason) => void told.failed.push([r, reason]),
      queuedLater: async () => undefined,
      lineProgress: async () => undefined,
      abandoned: async () => undefined,
    };
    service = new TimeEntryService({
      outbox: db.store.outbox,
      settings: db.store.reminders,
      tasks: new TaskDirectory(clock),
      apiFor: apiForStoredLinks(kit, db.store, clock),
      findLink: (id) => db.store.links.findById(id),
      notifier,
      times: new CorTimes(),
      clock,
      logger: memoryLogger().logger,
      retrySchedule: [1_000, 2_000, 4_000],
    });
  });
  afterEach(async () => {
    await Promise.all([cor.stop(), db.cleanup()]);
  });

  const parse = (text: string) => {
    const r = parseLogCommand(text, { now: clock.now(), tz: TZ, locale: 'en-US' });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value;
  };
  const local = (d: Date) => {
    const p = localParts(d, TZ);
    return `${p.date} ${p.hour}:${String(p.minute).padStart(2, '0')}`;
  };
  const ready = async (text: string) => {
    const r = await service.resolve(link, parse(text), TZ);
    if (r.kind !== 'ready' && r.kind !== 'confirm') throw new Error(`not ready: ${r.kind}`);
    return r.proposal;
  };

  it('starts a duration at the workday start, then where the day left off; writes the exact body', async () => {
    const first = await ready('2h #48211');
    expect([local(first.start), local(first.stop)]).toEqual(['2026-11-18 9:00', '2026-11-18 11:00']); // Jane's COR working time starts at 09:00
    const written = await service.submit(link, first, 'k1', undefined);
    expect(written.kind).toBe('written');
    const [post] = cor.requestsTo('POST', '/hours');
    expect(post?.body).toEqual({ task_log_id: 48211, start: '2026-11-18T12:00:00.000Z', stop: '2026-11-18T14:00:00.000Z' });
    expect(post?.userId).toBe(JANE);
    const second = await ready('30m #48212');
    expect([local(second.start), local(second.stop)]).toEqual(['2026-11-18 11:00', '2026-11-18 11:30']);
    expect(await service.dayTotal(link, '2026-11-18', TZ)).toEqual({ logged: 2, target: 8 });
  });

  it('ends at now rather than in the future when today is nearly over', async () => {
    await service.submit(link, await ready('5h #48211'), 'a', undefined); // 09:00-14:00
    const late = await ready('3h #48212');
    expect([local(late.start), local(late.stop)]).toEqual(['2026-11-18 12:00', '2026-11-18 15:00']);
  });

  it('asks before writing when it had to guess the task or the day', async () => {
    expect((await service.resolve(link, parse('2h on login flwo'), TZ)).kind).toBe('confirm');
    const weekday = await service.resolve(link, parse('2h #48211 monday'), TZ);
    expect(weekday.kind === 'confirm' && weekday.proposal.guesses).toEqual(['date']);
    const choose = await service.resolve(link, parse('2h on Homepage redesign'), TZ);
    expect(choose.kind === 'choose' && choose.options.map((t) => t.id).sort()).toEqual([48211, 48212]);
    expect(await service.resolve(link, parse('2h on kubernetes'), TZ)).toEqual({ kind: 'no_task', query: 'kubernetes' });
    expect(await service.resolve(link, parse('2h #999'), TZ)).toEqual({ kind: 'task_not_found', taskId: 999 });
    const exact = await service.resolve(link, parse('2h on Mobile app login flow'), TZ);
    expect(exact.kind === 'ready' && exact.proposal.task).toMatchObject({ id: 48213, project: 'Mobile app', client: 'Bolt Motors' });
  });

  it('writes once per idempotency key, however many times and however concurrently it is sent', async () => {
    const proposal = await ready('1h #48211');
    const outcomes = await Promise.all([1, 2, 3, 4, 5].map(() => service.submit(link, proposal, 'same-key', undefined)));
    expect(outcomes.filter((o) => o.kind === 'written')).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'duplicate')).toHaveLength(4);
    expect(cor.requestsTo('POST', '/hours')).toHaveLength(1);
  });

  it.each([
    ['500', { status: 500 }],
    ['503', { status: 503 }],
    ['429 with Retry-After', { status: 429, retryAfter: '1' }],
    ['a timeout', { hang: true }],
  ])('queues through %s and the worker writes exactly one entry', async (_name, fault) => {
    const before = cor.hoursOf(JANE).length;
    cor.addFault({ method: 'POST', path: '/hours', times: 1, ...fault });
    const outcome = await service.submit(link, await ready('1h #48211'), 'k', 'http://slack/response/1');
    expect(outcome.kind).toBe('queued');
    expect(await service.drainDue()).toBe(0); // not due yet
    clock.advance(1_500);
    expect(await service.drainDue()).toBe(1);
    expect(cor.hoursOf(JANE).length).toBe(before + 1);
    expect(told.written).toHaveLength(1);
    expect(await db.store.outbox.countByState()).toEqual({ written: 1 });
  });

  it('an outbox pass clears a backlog batch after batch, each entry once', async () => {
    const before = cor.hoursOf(JANE).length;
    cor.addFault({ method: 'POST', path: '/hours', status: 503, times: 45 });
    for (let i = 0; i < 45; i++) {
      const proposal = await ready(`6m #48211 ${['2026-11-16', '2026-11-17', '2026-11-18'][i % 3]}`);
      expect((await service.submit(link, proposal, `backlog-${i}`, undefined)).kind).toBe('queued');
    }
    clock.advance(6_000);
    const logger = memoryLogger();
    const work = new WorkTracker();
    const worker = startOutboxWorker({ entries: service, resumeAccepted: async () => 0, intervalMs: 10, logger: logger.logger, work });
    try {
      for (let waited = 0; ((await db.store.outbox.countByState()).pending ?? 0) > 0 && waited < 10_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    } finally {
      worker.stop();
      await work.drain(5_000);
    }
    expect(await db.store.outbox.countByState()).toEqual({ written: 45 });
    expect(cor.hoursOf(JANE).length).toBe(before + 45);
    // One pass took all three batches (20 + 20 + 5).
    expect(logger.text()).toContain('"handled":45');
  });

  it('after an unknown outcome it finds the entry COR did write and adopts it instead of posting again', async () => {
    const before = cor.hoursOf(JANE).length;
    cor.addFault({ method: 'POST', path: '/hours', status: 502, afterHandling: true, times: 1 });
    expect((await service.submit(link, await ready('1h #48211'), 'k', undefined)).kind).toBe('queued');
    clock.advance(1_500);
    await service.drainDue();
    expect(cor.requestsTo('POST', '/hours')).toHaveLength(1);
    expect(cor.hoursOf(JANE).length).toBe(before + 1);
    expect(told.written).toHaveLength(1);
  });

  it('two requests for the same task and span, both with lost answers, end as two entries: neither adopts the other’s', async () => {
    const before = cor.hoursOf(JANE).length;
    // The first request's entry is written but its answer lost; the second is refused before writing.
    cor.addFault({ method: 'POST', path: '/hours', status: 502, afterHandling: true, times: 1 });
    const range = await ready('9:00-10:00 #48211 2026-11-16');
    expect((await service.submit(link, range, 'first', undefined)).kind).toBe('queued');
    cor.addFault({ method: 'POST', path: '/hours', status: 503, times: 1 });
    expect((await service.submit(link, range, 'second', undefined)).kind).toBe('queued');
    clock.advance(1_500);
    await service.drainDue();
    expect(await db.store.outbox.countByState()).toEqual({ written: 2 });
    expect(cor.hoursOf(JANE).length).toBe(before + 2);
    const ids = told.written.map((r) => r.idempotencyKey).sort();
    expect(ids).toEqual(['first', 'second']);
  });

  it('a duration queued behind another of the same day starts where that one ends', async () => {
    cor.addFault({ method: 'POST', path: '/hours', status: 503, times: 2 });
    const first = await ready('1h #48211 2026-11-16');
    expect((await service.submit(link, first, 'a', undefined)).kind).toBe('queued');
    const second = await ready('30m #48211 2026-11-16');
    expect(second.start.toISOString()).toBe(first.stop.toISOString());
  });

  it('gives up after the schedule and says so once; a refusal by COR is not retried', async () => {
    cor.addFault({ method: 'POST', path: '/hours', status: 503 });
    expect((await service.submit(link, await ready('1h #48211'), 'k', undefined)).kind).toBe('queued');
    for (const wait of [1_000, 2_000, 4_000]) {
      clock.advance(wait + 1);
      await service.drainDue();
    }
    expect(told.failed).toHaveLength(1);
    expect(told.failed[0]?.[1]).toBe('server');
    expect(cor.requestsTo('POST', '/hours')).toHaveLength(4);
    cor.clearFaults();

    const refused = await service.submit(link, { ...(await ready('1h #48211')), start: new Date('2026-11-18T13:00:00Z'), stop: new Date('2026-11-18T12:00:00Z') }, 'bad', undefined);
    expect(refused).toMatchObject({ kind: 'failed', reason: expect.stringContaining('stop must be after start') });
  });

  // Two workers (two instances) whose COR calls may take their full 10 s timeout.
  const worker = (leaseMs?: number) => {
    const kit = corKit(cor, { timeoutMs: 10_000 });
    return new TimeEntryService({
      outbox: db.store.outbox,
      settings: db.store.reminders,
      tasks: new TaskDirectory(clock),
      apiFor: apiForStoredLinks(kit, db.store, clock),
      findLink: (id) => db.store.links.findById(id),
      notifier: { writtenLater: async () => undefined, queuedLater: async () => undefined, lineProgress: async () => undefined, failedForGood: async () => undefined, abandoned: async () => undefined },
      times: new CorTimes(),
      clock,
      logger: memoryLogger().logger,
      ...(leaseMs === undefined ? {} : { leaseMs }),
    });
  };

  it('an attempt slower than its lease keeps its claim while renewed: another worker cannot take the request over and write it again', async () => {
    // A lease of 600 ms on the test's clock: renewed every 250 ms of real time while the POST waits.
    const [a, b] = [worker(600), worker(600)];
    const proposal = await ready('1h #48211');
    const posts = () => cor.requestsTo('POST', '/hours').length;
    const before = posts();
    let release = () => {};
    cor.addFault({ method: 'POST', path: '/hours', until: new Promise<void>((resolve) => (release = resolve)) }); // COR holds the POST
    const first = a.submit(link, proposal, 'k-slow', undefined);
    await new Promise((r) => setTimeout(r, 200)); // a's POST is out, unanswered
    clock.advance(500);
    await new Promise((r) => setTimeout(r, 600)); // renewals while the clock reads 500 ms in
    clock.advance(500); // past the lease it was claimed with
    const second = b.drainDue();
    await new Promise((r) => setTimeout(r, 200));
    cor.clearFaults();
    release();
    expect((await first).kind).toBe('written');
    expect(await second).toBe(0); // b found it held
    expect(posts()).toBe(before + 1);
    expect(await db.store.outbox.countByState()).toEqual({ written: 1 });
  });

  it('an entry whose holder stopped renewing is taken over once the work lease (45 s by default) ran out, and written once', async () => {
    const [a, b] = [worker(), worker()];
    const proposal = await ready('1h #48211');
    const written = () => cor.requestsTo('POST', '/hours').filter((x) => x.status === 200).length;
    const before = written();
    let release = () => {};
    let arrived = () => {};
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    // COR holds a's POST (then turns it away): a shows no sign of life for longer than its lease, as if it had died.
    cor.addFault({ method: 'POST', path: '/hours', times: 1, status: 503, arrived, until: new Promise<void>((resolve) => (release = resolve)) });
    const first = a.submit(link, proposal, 'k-dead', undefined);
    await reached;
    clock.advance(46_000);
    expect(await b.drainDue()).toBe(1); // b took it over and wrote it
    release();
    expect((await first).kind).toBe('duplicate'); // a lost its claim: the outcome is b's
    expect(written()).toBe(before + 1);
    expect(await db.store.outbox.countByState()).toEqual({ written: 1 });
  });

  it('an entry taken over from a holder that stopped after COR wrote it is found in COR, not written again', async () => {
    const [a, b] = [worker(), worker()];
    const proposal = await ready('1h #48211');
    const written = () => cor.requestsTo('POST', '/hours').length;
    const before = written();
    const entries = () => cor.hoursOf(JANE).filter((h) => h.task_log_id === 48211).length;
    const entriesBefore = entries();
    let release = () => {};
    let arrived = () => {};
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    // COR writes a's entry, and its answer never comes back while a's lease runs: as if a died right after sending.
    cor.addFault({ method: 'POST', path: '/hours', times: 1, status: 503, afterHandling: true, arrived, answerAfter: new Promise<void>((resolve) => (release = resolve)) });
    const first = a.submit(link, proposal, 'k-died-after-cor', undefined);
    await reached;
    clock.advance(46_000);
    expect(await b.drainDue()).toBe(1);
    release();
    await first;
    expect(written()).toBe(before + 1); // b looked, found a's entry, and posted nothing
    expect(entries()).toBe(entriesBefore + 1);
    expect(await db.store.outbox.countByState()).toEqual({ written: 1 });
  });

  it('after a lost answer, an entry of the same task one UTC offset away is not taken for it (COR showed its times are UTC)', async () => {
    await service.submit(link, await ready('30m #48212'), 'k-teach', undefined); // COR's answer shows how it writes times
    const proposal = await ready('9:00-10:00 #48211 yesterday'); // 12:00-13:00 UTC
    const api = apiForStoredLinks(corKit(cor), db.store, clock)(link);
    const nineUtc = new Date(proposal.start.getTime() - 3 * 3_600_000); // 09:00 wall time in Buenos Aires, read as UTC
    await api.createHour({ task_log_id: 48211, start: nineUtc.toISOString(), stop: new Date(nineUtc.getTime() + 3_600_000).toISOString() });
    cor.addFault({ method: 'POST', path: '/hours', status: 503, times: 1 });
    expect((await service.submit(link, proposal, 'k-offset', undefined)).kind).toBe('queued');
    clock.advance(1_500);
    expect(await service.drainDue()).toBe(1);
    const starts = cor.hoursOf(JANE).filter((h) => h.task_log_id === 48211).map((h) => h.start);
    expect(starts).toEqual(expect.arrayContaining(['2026-11-17 09:00:00', '2026-11-17 12:00:00']));
    expect(await db.store.outbox.countByState()).toEqual({ written: 2 });
  });

  it('a restart loses nothing: a new service picks up what is pending', async () => {
    cor.addFault({ method: 'POST', path: '/hours', status: 500, times: 1 });
    await service.submit(link, await ready('1h #48211'), 'k', undefined);
    clock.advance(1_500);
    const kit = corKit(cor);
    const restarted = new TimeEntryService({
      outbox: db.store.outbox,
      settings: db.store.reminders,
      tasks: new TaskDirectory(clock),
      apiFor: () => kit.client.as({ accessToken: async () => (await db.store.links.tokens(link.id))?.accessToken ?? '', renewAfterRejection: async () => undefined }),
      findLink: (id) => db.store.links.findById(id),
      notifier: { writtenLater: async () => undefined, queuedLater: async () => undefined, lineProgress: async () => undefined, failedForGood: async () => undefined, abandoned: async () => undefined },
      times: new CorTimes(),
      clock,
      logger: memoryLogger().logger,
    });
    expect(await restarted.drainDue()).toBe(1);
    expect(await db.store.outbox.countByState()).toEqual({ written: 1 });
  });

  it('summarises a week day by day and task by task against the COR working-time targets', async () => {
    const week = await service.summary(link, TZ, '2026-11-16', '2026-11-22');
    expect(week.days.map((d) => [d.date, d.target, d.logged])).toEqual([
      ['2026-11-16', 8, 0],
      ['2026-11-17', 8, 0],
      ['2026-11-18', 8, 0],
      ['2026-11-19', 8, 7.5],
      ['2026-11-20', 8, 2],
      ['2026-11-21', 0, 0],
      ['2026-11-22', 0, 0],
    ]);
    expect(week).toMatchObject({ logged: 9.5, target: 40 });
    expect(week.tasks.map((t) => [t.taskId, t.hours])).toEqual([
      [48213, 4.5],
      [48211, 3],
      [48218, 2],
    ]);
    const thursday = week.days[3]?.entries.map((e) => [local(e.start), e.title, e.project, e.client]);
    expect(thursday?.[0]).toEqual(['2026-11-19 9:00', 'Homepage redesign - hero section', 'Homepage redesign', 'Acme Foods']);
  });

  describe('timers', () => {
    const timersFor = () => new TimerService({ timers: db.store.timers, tasks: new TaskDirectory(clock), entries: service, clock });
    const api = () => corKit(cor).client.as({ accessToken: async () => (await db.store.links.tokens(link.id))?.accessToken ?? '', renewAfterRejection: async () => undefined });

    it('runs from start to stop and writes one entry; stopping twice writes once', async () => {
      const timers = timersFor();
      const started = await timers.start(link, api(), '#48211', TZ);
      expect(started.kind).toBe('started');
      clock.advance(95 * 60_000);
      expect((await timers.status(link, api()))?.minutes).toBe(95);
      const stopped = await timers.stop(link, api(), TZ);
      expect(stopped?.outcomes.map((o) => o.outcome.kind)).toEqual(['written']);
      expect(cor.requestsTo('POST', '/hours').at(-1)?.body).toEqual({ task_log_id: 48211, start: '2026-11-18T18:00:00.000Z', stop: '2026-11-18T19:35:00.000Z' });
      expect(await timers.stop(link, api(), TZ)).toBeUndefined();
      expect(cor.requestsTo('POST', '/hours')).toHaveLength(1);
    });

    it('survives a restart (a new service finds the running timer) and splits at the local midnight', async () => {
      clock.set('2026-11-19T01:30:00Z'); // 22:30 in Buenos Aires
      await timersFor().start(link, api(), 'login flow', TZ);
      clock.set('2026-11-19T04:15:00Z'); // 01:15 the next local day
      const stopped = await timersFor().stop(link, api(), TZ);
      expect(stopped?.outcomes.map((o) => [local(o.start), local(o.stop)])).toEqual([
        ['2026-11-18 22:30', '2026-11-19 0:00'],
        ['2026-11-19 0:00', '2026-11-19 1:15'],
      ]);
      expect(cor.requestsTo('POST', '/hours').map((x) => (x.body as { task_log_id: number }).task_log_id)).toEqual([48213, 48213]);
    });

    it('starting a new timer stops and writes the running one; a mis-click under a minute writes nothing', async () => {
      const timers = timersFor();
      await timers.start(link, api(), '#48211', TZ);
      clock.advance(30 * 60_000);
      const second = await timers.start(link, api(), '#48212', TZ);
      expect(second.kind === 'started' && second.stoppedPrevious?.outcomes.length).toBe(1);
      clock.advance(20_000);
      expect((await timers.stop(link, api(), TZ))?.tooShort).toBe(true);
      expect(cor.requestsTo('POST', '/hours')).toHaveLength(1);
    });

    it('a stop or a start done again (after a crash) writes nothing twice, and a stop never ends a timer started after it was asked', async () => {
      const timers = timersFor();
      const startAt = clock.now();
      await timers.start(link, api(), '#48211', TZ, startAt);
      const again = await timers.start(link, api(), '#48211', TZ, startAt);
      expect(again.kind === 'started' && [again.timer.startedAt, again.stoppedPrevious]).toEqual([startAt, undefined]);
      clock.advance(60 * 60_000);
      const stopAt = clock.now();
      const first = await timers.stop(link, api(), TZ, stopAt);
      expect(first?.outcomes.map((o) => o.outcome.kind)).toEqual(['written']);
      expect(await timers.stop(link, api(), TZ, stopAt)).toBeUndefined();
      clock.advance(5 * 60_000);
      await timers.start(link, api(), '#48212', TZ);
      expect(await timers.stop(link, api(), TZ, stopAt)).toBeUndefined();
      expect((await timers.status(link, api()))?.timer.taskId).toBe(48212);
      expect(cor.requestsTo('POST', '/hours')).toHaveLength(1);
    });

    it('asks which task when several fit', async () => {
      expect((await timersFor().start(link, api(), 'homepage redesign', TZ)).kind).toBe('choose');
      expect(await timersFor().start(link, api(), 'nothing like this', TZ)).toEqual({ kind: 'no_task', query: 'nothing like this' });
    });

    it('splitAtMidnight handles DST days in the zone', () => {
      const ny = 'America/New_York';
      const parts = splitAtMidnight(new Date('2026-03-08T03:00:00Z'), new Date('2026-03-09T06:00:00Z'), ny); // 22:00 Mar 7 → 02:00 Mar 9
      expect(parts.map((p) => [p.start.toISOString(), p.stop.toISOString()])).toEqual([
        ['2026-03-08T03:00:00.000Z', '2026-03-08T05:00:00.000Z'],
        ['2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z'],
        ['2026-03-09T04:00:00.000Z', '2026-03-09T06:00:00.000Z'],
      ]);
    });
  });
});
