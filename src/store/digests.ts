import { isLanguage, type Language } from '../lib/language.ts';
import { isUniqueViolation, type PrismaClient } from './prisma.ts';

type DigestAudience = { kind: 'usergroup'; usergroupId: string } | { kind: 'people'; slackUserIds: string[] } | { kind: 'project'; corProjectId: number };
type DigestSchedule = 'daily' | 'weekly';

export interface DigestRecord {
  id: string;
  tenantKey: string;
  ownerSlackUserId: string;
  audience: DigestAudience;
  /** a channel id, or the owner's user id (a DM) */
  channelId: string;
  schedule: DigestSchedule;
  localTime: string;
  tz: string;
  shortUnderHours: number | null;
  /** the language it is written in, as its owner picked it; null: the owner's own (whatever it is when it is sent) */
  language: Language | null;
  /** its chart (each person's hours against their target) is posted in the digest's thread */
  withChart: boolean;
  paused: boolean;
}

/** `withChart` left out: with its chart (a new digest), or as it was (an update). */
export type NewDigest = Omit<DigestRecord, 'id' | 'paused' | 'withChart'> & { withChart?: boolean };

export interface DigestDeliveryRecord {
  id: string;
  digestId: string;
  period: string;
  /** `posting`: handed to Slack; if its instance stops there, nobody can tell whether it went out (`unknown`) */
  state: 'claimed' | 'posting' | 'sent' | 'failed' | 'unknown';
  claimedUntil: Date | null;
}

type Row = NonNullable<Awaited<ReturnType<PrismaClient['digest']['findUnique']>>>;
type DeliveryRow = NonNullable<Awaited<ReturnType<PrismaClient['digestDelivery']['findUnique']>>>;

function toRecord(row: Row): DigestRecord {
  const audience: DigestAudience =
    row.audienceKind === 'usergroup'
      ? { kind: 'usergroup', usergroupId: row.audience }
      : row.audienceKind === 'project'
        ? { kind: 'project', corProjectId: Number(row.audience) }
        : { kind: 'people', slackUserIds: row.audience.split(',').filter(Boolean) };
  return {
    id: row.id,
    tenantKey: row.tenantKey,
    ownerSlackUserId: row.ownerSlackUserId,
    audience,
    channelId: row.channelId,
    schedule: row.schedule === 'weekly' ? 'weekly' : 'daily',
    localTime: row.localTime,
    tz: row.tz,
    shortUnderHours: row.shortUnderHours,
    language: row.language !== null && isLanguage(row.language) ? row.language : null,
    withChart: row.withChart,
    paused: row.paused,
  };
}

function columnsOf(d: NewDigest): { audienceKind: string; audience: string } & Omit<NewDigest, 'audience'> {
  const { audience, ...rest } = d;
  const value = audience.kind === 'usergroup' ? audience.usergroupId : audience.kind === 'project' ? String(audience.corProjectId) : audience.slackUserIds.join(',');
  return { ...rest, audienceKind: audience.kind, audience: value };
}

function deliveryOf(row: DeliveryRow): DigestDeliveryRecord {
  const state = row.state === 'sent' || row.state === 'failed' || row.state === 'posting' || row.state === 'unknown' ? row.state : 'claimed';
  return { id: row.id, digestId: row.digestId, period: row.period, state, claimedUntil: row.claimedUntil };
}

/** Leads' digests, their deliveries (claimed per period: each sent once), and nudges (one per person a day). */
export class DigestRepository {
  readonly #db: PrismaClient;
  constructor(db: PrismaClient) {
    this.#db = db;
  }

  async create(d: NewDigest): Promise<DigestRecord> {
    return toRecord(await this.#db.digest.create({ data: columnsOf(d) }));
  }

  async update(id: string, d: NewDigest): Promise<DigestRecord> {
    return toRecord(await this.#db.digest.update({ where: { id }, data: columnsOf(d) }));
  }

  async get(id: string): Promise<DigestRecord | undefined> {
    const row = await this.#db.digest.findUnique({ where: { id } });
    return row ? toRecord(row) : undefined;
  }

  async setPaused(id: string, paused: boolean): Promise<void> {
    await this.#db.digest.update({ where: { id }, data: { paused } });
  }

  async delete(id: string): Promise<void> {
    await this.#db.digest.deleteMany({ where: { id } });
  }

  async ofOwner(tenantKey: string, ownerSlackUserId: string): Promise<DigestRecord[]> {
    const rows = await this.#db.digest.findMany({ where: { tenantKey, ownerSlackUserId }, orderBy: { createdAt: 'asc' } });
    return rows.map(toRecord);
  }

  /**
   * The digests of a workspace whose stored people include any of `members` (a Slack user id, or `cor:<id>`), in one
   * query: what App Home shows a person about the summaries of them, without asking Slack or COR.
   */
  async including(tenantKey: string, members: string[]): Promise<DigestRecord[]> {
    const rows = await this.#db.digest.findMany({ where: { tenantKey, members: { some: { member: { in: members } } } }, orderBy: { createdAt: 'asc' } });
    return rows.map(toRecord);
  }

  /**
   * Replaces who a digest covers (as just read: its people, a user group's members, a COR project's collaborators).
   * Nothing happens when the digest was deleted meanwhile.
   */
  async setMembers(digestId: string, tenantKey: string, members: string[]): Promise<void> {
    const unique = [...new Set(members)];
    try {
      await this.#db.$transaction([
        this.#db.digestMember.deleteMany({ where: { digestId } }),
        this.#db.digestMember.createMany({ data: unique.map((member) => ({ digestId, tenantKey, member })) }),
      ]);
    } catch (err) {
      // P2003: the digest is gone (its members went with it); a unique violation: another instance stored the
      // same read at the same moment.
      if ((err as { code?: unknown }).code !== 'P2003' && !isUniqueViolation(err)) throw err;
    }
  }

  async active(): Promise<DigestRecord[]> {
    const rows = await this.#db.digest.findMany({ where: { paused: false } });
    return rows.map(toRecord);
  }

  /** Deliveries of these digests about these periods: what was sent, or is held. */
  async deliveriesOf(digestIds: string[], periods: string[]): Promise<DigestDeliveryRecord[]> {
    if (digestIds.length === 0) return [];
    const rows = await this.#db.digestDelivery.findMany({ where: { digestId: { in: digestIds }, period: { in: periods } } });
    return rows.map(deliveryOf);
  }

  /**
   * Claims the digest about that period for this instance: a new one, or one whose holder's lease ran out
   * (it stopped). Undefined when someone else has it or it was sent.
   */
  async claim(digestId: string, period: string, now: Date, leaseMs: number): Promise<DigestDeliveryRecord | undefined> {
    const until = new Date(now.getTime() + leaseMs);
    try {
      return deliveryOf(await this.#db.digestDelivery.create({ data: { digestId, period, state: 'claimed', claimedUntil: until } }));
    } catch (err) {
      // P2003: the digest was deleted since it was read.
      if ((err as { code?: unknown }).code === 'P2003') return undefined;
      if (!isUniqueViolation(err)) throw err;
    }
    const { count } = await this.#db.digestDelivery.updateMany({ where: { digestId, period, state: 'claimed', claimedUntil: { lt: now } }, data: { claimedUntil: until } });
    if (count !== 1) return undefined;
    const row = await this.#db.digestDelivery.findUnique({ where: { digestId_period: { digestId, period } } });
    return row ? deliveryOf(row) : undefined;
  }

  /**
   * Right before it goes to Slack, while still this instance's claim (false: another took it over, or the digest
   * was deleted: not posted). From here on, an instance that stops leaves it `unknown`, never posted again.
   */
  async markPosting(id: string): Promise<boolean> {
    const { count } = await this.#db.digestDelivery.updateMany({ where: { id, state: 'claimed' }, data: { state: 'posting' } });
    return count === 1;
  }

  /** Slack's answer left it unsure whether the digest went out (the network broke off): never posted again. */
  async markUnknown(id: string, error: string): Promise<void> {
    await this.#db.digestDelivery.updateMany({ where: { id }, data: { state: 'unknown', claimedUntil: null, lastError: error } });
  }

  /**
   * Deliveries an instance stopped in the middle of posting (their lease ran out): each is taken by one caller
   * and ended as `unknown` (Slack may or may not have it), to be told to its lead.
   */
  async takeUnknown(now: Date): Promise<DigestDeliveryRecord[]> {
    const stale = await this.#db.digestDelivery.findMany({ where: { state: 'posting', claimedUntil: { lt: now } } });
    const taken: DigestDeliveryRecord[] = [];
    for (const row of stale) {
      const { count } = await this.#db.digestDelivery.updateMany({ where: { id: row.id, state: 'posting' }, data: { state: 'unknown', claimedUntil: null } });
      if (count === 1) taken.push(deliveryOf({ ...row, state: 'unknown' }));
    }
    return taken;
  }

  // The marks below touch nothing when the digest was deleted meanwhile (its deliveries go with it).
  async markSent(id: string, channelId: string, messageTs: string): Promise<void> {
    await this.#db.digestDelivery.updateMany({ where: { id }, data: { state: 'sent', channelId, messageTs, claimedUntil: null } });
  }

  /**
   * Extends to `until` the claims among `ids` this instance still works on: claimed or posting, with the lease it
   * set last (`held`; a claim taken over or released has another). False when it holds none of them any more.
   */
  async renew(ids: string[], held: Date, until: Date): Promise<boolean> {
    const { count } = await this.#db.digestDelivery.updateMany({ where: { id: { in: ids }, state: { in: ['claimed', 'posting'] }, claimedUntil: held }, data: { claimedUntil: until } });
    return count > 0;
  }

  /** Gives a claim back for a later sweep (Slack or COR trouble that passes): claimed again from `retryAt`. */
  async release(id: string, retryAt: Date, error: string): Promise<void> {
    await this.#db.digestDelivery.updateMany({ where: { id }, data: { state: 'claimed', claimedUntil: retryAt, lastError: error } });
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.#db.digestDelivery.updateMany({ where: { id }, data: { state: 'failed', claimedUntil: null, lastError: error } });
  }

  /** A lead's digests go with their link (an unlink), or with the workspace. */
  async deleteOf(tenantKey: string, ownerSlackUserId?: string): Promise<void> {
    await this.#db.digest.deleteMany({ where: { tenantKey, ...(ownerSlackUserId ? { ownerSlackUserId } : {}) } });
  }

  /** Records a nudge; false when that person was nudged that day already (by anyone). */
  async nudge(tenantKey: string, slackUserId: string, localDate: string, nudgedBy: string): Promise<boolean> {
    try {
      await this.#db.nudge.create({ data: { tenantKey, slackUserId, localDate, nudgedBy } });
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  /** A nudge that could not be sent: the person can be nudged again that day. */
  async forgetNudge(tenantKey: string, slackUserId: string, localDate: string): Promise<void> {
    await this.#db.nudge.deleteMany({ where: { tenantKey, slackUserId, localDate } });
  }

  /** Who in that workspace was nudged on that day (a handful: at most one nudge a person a day). */
  async nudgedOn(tenantKey: string, localDate: string): Promise<Set<string>> {
    const rows = await this.#db.nudge.findMany({ where: { tenantKey, localDate }, select: { slackUserId: true } });
    return new Set(rows.map((r) => r.slackUserId));
  }
}
