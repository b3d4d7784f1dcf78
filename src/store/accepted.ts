import { randomUUID } from 'node:crypto';
import type { PrismaClient } from './prisma.ts';

export interface NewAcceptedRequest {
  key: string;
  kind: string;
  tenantKey: string;
  slackUserId: string;
  /** JSON */
  payload: string;
}

export interface AcceptedRequestRecord extends NewAcceptedRequest {
  id: string;
  attempts: number;
  createdAt: Date;
}

/**
 * A request held by its caller: `until` is the end of the lease the holder set. A later lease always ends later,
 * so the value names one holder, and only that holder can renew it.
 */
export interface AcceptedClaim {
  id: string;
  until: Date;
}

type Row = AcceptedRequestRecord & { state: string; claimedUntil: Date; updatedAt: Date };

function toRecord(row: Row): AcceptedRequestRecord {
  return { id: row.id, key: row.key, kind: row.kind, tenantKey: row.tenantKey, slackUserId: row.slackUserId, payload: row.payload, attempts: row.attempts, createdAt: row.createdAt };
}

/**
 * Requests the bot acknowledged and has not finished. The accepting instance holds each one for a lease; one it
 * never finished (it stopped) is taken over by another once the lease runs out.
 */
export class AcceptedRequestRepository {
  readonly #db: PrismaClient;
  constructor(db: PrismaClient) {
    this.#db = db;
  }

  /** Records a request, held by the caller until `now + leaseMs`; undefined when its key was seen before. */
  async accept(req: NewAcceptedRequest, now: Date, leaseMs: number): Promise<AcceptedClaim | undefined> {
    const until = new Date(now.getTime() + leaseMs);
    // Raw SQL: this runs before every ack it covers (see `UserLinkRepository.find`).
    const rows = await this.#db.$queryRaw<{ id: string }[]>`
      INSERT INTO "AcceptedRequest" ("id", "key", "kind", "tenantKey", "slackUserId", "payload", "state", "claimedUntil", "attempts", "createdAt", "updatedAt")
      VALUES (${randomUUID()}, ${req.key}, ${req.kind}, ${req.tenantKey}, ${req.slackUserId}, ${req.payload}, 'open', ${until}, 1, ${now}, ${now})
      ON CONFLICT ("key") DO NOTHING
      RETURNING "id"`;
    return rows[0] ? { id: rows[0].id, until } : undefined;
  }

  /** Extends a request its holder still holds (the lease it set is still the row's) to `until`; false when lost. */
  async renew(claim: AcceptedClaim, until: Date): Promise<boolean> {
    const changed = await this.#db.$executeRaw`UPDATE "AcceptedRequest" SET "claimedUntil" = ${until} WHERE "id" = ${claim.id} AND "state" = 'open' AND "claimedUntil" = ${claim.until}`;
    return changed === 1;
  }

  async finish(id: string, now: Date): Promise<void> {
    await this.#db.$executeRaw`UPDATE "AcceptedRequest" SET "state" = 'done', "updatedAt" = ${now} WHERE "id" = ${id}`;
  }

  /** Open requests whose holder's lease ran out: someone stopped before finishing them. */
  async abandoned(now: Date, limit: number): Promise<AcceptedRequestRecord[]> {
    const rows = await this.#db.acceptedRequest.findMany({ where: { state: 'open', claimedUntil: { lt: now } }, orderBy: { createdAt: 'asc' }, take: limit });
    return rows.map(toRecord);
  }

  /** Takes over an abandoned request for a new lease; undefined when another instance took it first. */
  async takeOver(id: string, now: Date, leaseMs: number): Promise<AcceptedClaim | undefined> {
    const until = new Date(now.getTime() + leaseMs);
    const { count } = await this.#db.acceptedRequest.updateMany({
      where: { id, state: 'open', claimedUntil: { lt: now } },
      data: { claimedUntil: until, attempts: { increment: 1 } },
    });
    return count === 1 ? { id, until } : undefined;
  }

  /** Finished requests are kept a while (to tell a repeat from a new request), then forgotten. */
  async forgetDoneBefore(before: Date): Promise<number> {
    const { count } = await this.#db.acceptedRequest.deleteMany({ where: { state: 'done', updatedAt: { lt: before } } });
    return count;
  }
}
