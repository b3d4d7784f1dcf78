import { randomUUID } from 'node:crypto';
import type { PrismaClient } from './prisma.ts';

type OutboxState = 'pending' | 'written' | 'failed' | 'cancelled' | 'unknown';

/** The `lastError` of a request that waits for its person to link again (see `parkForRelink`). */
export const WAITS_FOR_RELINK = 'needs_relink';

export interface TimeEntryRequestRecord {
  id: string;
  idempotencyKey: string;
  /** null once the person unlinked: the request stays, as the record of what was (or wasn't) written */
  linkId: string | null;
  /** who asked, kept after an unlink */
  tenantKey: string;
  slackUserId: string;
  taskId: number;
  start: Date;
  stop: Date;
  note: string | null;
  state: OutboxState;
  corHourId: number | null;
  attempts: number;
  /** an attempt ended not knowing whether COR saved the entry: the next one looks in COR first */
  outcomeUnknown: boolean;
  lastError: string | null;
  nextAttemptAt: Date;
  responseUrl: string | null;
  /** where the answer about it is (opaque here: the Slack layer writes and reads it) */
  answerTo: string | null;
  createdAt: Date;
}

export interface NewTimeEntryRequest {
  idempotencyKey: string;
  linkId: string;
  tenantKey: string;
  slackUserId: string;
  taskId: number;
  start: Date;
  stop: Date;
  note?: string | null;
  answerTo?: string | null;
}

/**
 * Who holds a request: the end of the lease its holder set. A later claim always ends later, so the value names
 * one holder, and the row's state changes only for it.
 */
export type Claim = Date;

type Row = Awaited<ReturnType<PrismaClient['timeEntryRequest']['findUniqueOrThrow']>>;

function toRecord(row: Row): TimeEntryRequestRecord {
  const { claimedUntil: _claimedUntil, updatedAt: _updatedAt, ...rest } = row;
  return { ...rest, state: rest.state as OutboxState };
}

/**
 * The time-entry outbox. Each request to write hours is one row with a unique idempotency key, so a
 * resent Slack request, a double click or a second instance cannot write the same entry twice.
 * Rows are worked by claiming a lease (`claimedUntil`): a crashed worker's lease runs out and another takes over.
 */
export class OutboxRepository {
  readonly #db: PrismaClient;
  constructor(db: PrismaClient) {
    this.#db = db;
  }

  /**
   * Adds a request, or returns the one already recorded under the same key (`created: false`). With
   * `claimForMs` a new row is created already claimed by the caller for its first attempt (one write, not two).
   */
  /** `writeAt`: when it is first due (after an undo window); now unless said. */
  async enqueue(req: NewTimeEntryRequest, now: Date, claimForMs?: number, writeAt: Date = now): Promise<{ request: TimeEntryRequestRecord; created: boolean; claim: Claim | undefined }> {
    const claimedUntil = claimForMs === undefined ? null : new Date(now.getTime() + claimForMs);
    const attempts = claimForMs === undefined ? 0 : 1;
    // Raw SQL: this runs once per entry, on the path right after an ack (see `UserLinkRepository.find`).
    const rows = await this.#db.$queryRaw<Row[]>`
      INSERT INTO "TimeEntryRequest" ("id", "idempotencyKey", "linkId", "tenantKey", "slackUserId", "taskId", "start", "stop", "note", "state", "attempts", "nextAttemptAt", "claimedUntil", "answerTo", "createdAt", "updatedAt")
      VALUES (${randomUUID()}, ${req.idempotencyKey}, ${req.linkId}, ${req.tenantKey}, ${req.slackUserId}, ${req.taskId}, ${req.start}, ${req.stop}, ${req.note ?? null}, 'pending', ${attempts}, ${writeAt}, ${claimedUntil}, ${req.answerTo ?? null}, ${now}, ${now})
      ON CONFLICT ("idempotencyKey") DO NOTHING
      RETURNING *`;
    if (rows[0]) return { request: toRecord(rows[0]), created: true, claim: claimedUntil ?? undefined };
    const row = await this.#db.timeEntryRequest.findUniqueOrThrow({ where: { idempotencyKey: req.idempotencyKey } });
    return { request: toRecord(row), created: false, claim: undefined };
  }

  /**
   * Undo: cancels a request of that link that surely is not in COR and nobody is trying: no attempt has touched it
   * yet (it waits out its undo window), or it waits for a re-link and no attempt may have written it. One
   * conditional update: the worker's claim and the undo cannot both win.
   */
  async cancelUnwritten(id: string, linkId: string, now: Date): Promise<boolean> {
    const { count } = await this.#db.timeEntryRequest.updateMany({
      where: { id, linkId, state: 'pending', claimedUntil: null, OR: [{ attempts: 0 }, { lastError: WAITS_FOR_RELINK, outcomeUnknown: false }] },
      data: { state: 'cancelled', lastError: 'undone', updatedAt: now },
    });
    return count === 1;
  }

  /** Where the answer about these requests went, once it was posted (a message to update when they are written). */
  async setAnswerTo(ids: string[], answerTo: string): Promise<void> {
    if (ids.length > 0) await this.#db.timeEntryRequest.updateMany({ where: { id: { in: ids } }, data: { answerTo } });
  }

  /** The requests with these idempotency keys (the entries of one line). */
  async withKeys(keys: string[]): Promise<TimeEntryRequestRecord[]> {
    const rows = await this.#db.timeEntryRequest.findMany({ where: { idempotencyKey: { in: keys } } });
    return rows.map(toRecord);
  }

  async get(id: string): Promise<TimeEntryRequestRecord | undefined> {
    const row = await this.#db.timeEntryRequest.findUnique({ where: { id } });
    return row ? toRecord(row) : undefined;
  }

  /** Takes the lease of one pending request; undefined when someone else holds it or it is done. */
  /**
   * Takes a request no one holds. `tookOver`: its last holder's lease ran out (it stopped, maybe in the middle of
   * writing to COR), so its outcome is unknown from now on: the next attempt looks in COR before it writes.
   */
  async claim(id: string, now: Date, leaseMs: number): Promise<{ claim: Claim; tookOver: boolean } | undefined> {
    const until = new Date(now.getTime() + leaseMs);
    const free = await this.#db.timeEntryRequest.updateMany({
      where: { id, state: 'pending', claimedUntil: null },
      data: { claimedUntil: until, attempts: { increment: 1 } },
    });
    if (free.count === 1) return { claim: until, tookOver: false };
    const stale = await this.#db.timeEntryRequest.updateMany({
      where: { id, state: 'pending', claimedUntil: { lt: now } },
      data: { claimedUntil: until, attempts: { increment: 1 }, outcomeUnknown: true },
    });
    return stale.count === 1 ? { claim: until, tookOver: true } : undefined;
  }

  /** Pending requests that are due and not held by anyone (each still has to be claimed to be worked). */
  async due(now: Date, limit: number): Promise<TimeEntryRequestRecord[]> {
    const rows = await this.#db.timeEntryRequest.findMany({
      where: { state: 'pending', nextAttemptAt: { lte: now }, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
      orderBy: { nextAttemptAt: 'asc' },
      take: limit,
    });
    return rows.map(toRecord);
  }

  /** Extends a claim its holder still has (to `now + leaseMs`); undefined when it was lost. */
  async renewClaim(id: string, claim: Claim, now: Date, leaseMs: number): Promise<Claim | undefined> {
    const until = new Date(now.getTime() + leaseMs);
    const changed = await this.#db.$executeRaw`UPDATE "TimeEntryRequest" SET "claimedUntil" = ${until} WHERE "id" = ${id} AND "state" = 'pending' AND "claimedUntil" = ${claim}`;
    return changed === 1 ? until : undefined;
  }

  // The three ends of an attempt change the row only for the holder of `claim`: one whose lease ran out (and was
  // taken over) changes nothing, and is told so (false).

  async markWritten(id: string, corHourId: number, now: Date, claim: Claim): Promise<boolean> {
    const changed = await this.#db.$executeRaw`
      UPDATE "TimeEntryRequest" SET "state" = 'written', "corHourId" = ${corHourId}, "claimedUntil" = NULL, "lastError" = NULL, "updatedAt" = ${now}
      WHERE "id" = ${id} AND "state" = 'pending' AND "claimedUntil" = ${claim}`;
    return changed === 1;
  }

  /** Only while the person is still linked: after an unlink there is no one to retry as (see `abandon`). */
  async scheduleRetry(id: string, error: string, nextAttemptAt: Date, outcomeUnknown: boolean, claim: Claim): Promise<boolean> {
    const { count } = await this.#db.timeEntryRequest.updateMany({
      where: { id, state: 'pending', claimedUntil: claim, linkId: { not: null } },
      data: { lastError: error, nextAttemptAt, outcomeUnknown, claimedUntil: null },
    });
    return count === 1;
  }

  /**
   * The person's link needs renewing (COR refused their tokens for good): the request waits, unclaimed, until
   * `until` or until they link again (`releaseParked`), whichever comes first. Only while the link is still marked
   * so: a link renewed or removed meanwhile is the caller's to handle.
   */
  async parkForRelink(id: string, until: Date, outcomeUnknown: boolean, claim: Claim): Promise<boolean> {
    const { count } = await this.#db.timeEntryRequest.updateMany({
      where: { id, state: 'pending', claimedUntil: claim, link: { is: { state: 'needs_relink' } } },
      data: { lastError: WAITS_FOR_RELINK, nextAttemptAt: until, outcomeUnknown, claimedUntil: null },
    });
    return count === 1;
  }

  /** The person linked again: their requests that waited for it are due now (idempotency keys unchanged). */
  async releaseParked(linkId: string, now: Date): Promise<number> {
    const { count } = await this.#db.timeEntryRequest.updateMany({ where: { linkId, state: 'pending', lastError: WAITS_FOR_RELINK }, data: { nextAttemptAt: now } });
    return count;
  }

  /** How many of a link's requests are still to be written. */
  async pendingCount(linkId: string): Promise<number> {
    return this.#db.timeEntryRequest.count({ where: { linkId, state: 'pending' } });
  }

  async markFailed(id: string, error: string, claim: Claim): Promise<boolean> {
    const { count } = await this.#db.timeEntryRequest.updateMany({ where: { id, state: 'pending', claimedUntil: claim }, data: { state: 'failed', lastError: error, claimedUntil: null } });
    return count === 1;
  }

  /**
   * A request of someone who unlinked ends here: `cancelled` when COR surely does not have it, `unknown` when an
   * attempt may have written it. Fenced by the claim, or (no claim) only while nobody holds the request.
   */
  async abandon(id: string, state: 'cancelled' | 'unknown', reason: string, now: Date, claim?: Claim): Promise<boolean> {
    const { count } = await this.#db.timeEntryRequest.updateMany({
      where: { id, state: 'pending', ...(claim ? { claimedUntil: claim } : { OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] }) },
      data: { state, lastError: reason, claimedUntil: null },
    });
    return count === 1;
  }

  /**
   * Unlinking: every request of the link that nobody is trying just now ends (see `abandon`); those being tried
   * are left to their holders, who record how they end. Returns both.
   */
  async settleForUnlink(linkId: string, now: Date): Promise<{ ended: TimeEntryRequestRecord[]; inFlight: TimeEntryRequestRecord[] }> {
    const rows = (await this.#db.timeEntryRequest.findMany({ where: { linkId, state: 'pending' }, orderBy: { start: 'asc' } })).map((row) => ({ row, record: toRecord(row) }));
    const ended: TimeEntryRequestRecord[] = [];
    const inFlight: TimeEntryRequestRecord[] = [];
    for (const { row, record } of rows) {
      const state = record.outcomeUnknown ? 'unknown' : 'cancelled';
      if (await this.abandon(record.id, state, 'unlinked', now)) ended.push({ ...record, state, lastError: 'unlinked' });
      else if (row.claimedUntil && row.claimedUntil >= now) inFlight.push(record);
    }
    return { ended, inFlight };
  }

  /** Of these COR hour ids, the ones a request already recorded as its entry. */
  async hourIdsTaken(corHourIds: number[]): Promise<Set<number>> {
    if (corHourIds.length === 0) return new Set();
    const rows = await this.#db.timeEntryRequest.findMany({ where: { corHourId: { in: corHourIds } }, select: { corHourId: true } });
    return new Set(rows.map((r) => r.corHourId).filter((id): id is number => id !== null));
  }

  /** A person's requests still waiting to be written that start inside [from, to): COR does not have them yet. */
  async pendingBetween(linkId: string, from: Date, to: Date): Promise<{ start: Date; stop: Date }[]> {
    return this.#db.$queryRaw<{ start: Date; stop: Date }[]>`SELECT "start", "stop" FROM "TimeEntryRequest" WHERE "linkId" = ${linkId} AND "state" = 'pending' AND "start" >= ${from} AND "start" < ${to}`;
  }

  async countByState(): Promise<Record<string, number>> {
    const groups = await this.#db.timeEntryRequest.groupBy({ by: ['state'], _count: { _all: true } });
    return Object.fromEntries(groups.map((g) => [g.state, g._count._all]));
  }
}
