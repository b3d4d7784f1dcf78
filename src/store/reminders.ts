import type { PrismaClient } from './prisma.ts';
import { isUniqueViolation } from './prisma.ts';

export interface ReminderSettingRecord {
  linkId: string;
  enabled: boolean;
  /** local "HH:MM" in the person's zone */
  localTime: string;
  /** ISO weekdays 1 (Mon) … 7 (Sun); undefined = COR working time, else Mon–Fri */
  weekdays: number[] | undefined;
  /** hours a day; null = COR's (working time, else daily hours, else 8) */
  targetHours: number | null;
  /** local dates "YYYY-MM-DD" with no reminder */
  skipDates: string[];
  /** also a morning DM about the previous workday's shortfall */
  morningRecap: boolean;
  morningTime: string;
  /** no DM while the Slack status says away (vacation, out of office, sick) */
  respectAway: boolean;
}

export const DEFAULT_REMINDER_SETTING: Omit<ReminderSettingRecord, 'linkId'> = {
  enabled: true,
  localTime: '17:30',
  weekdays: undefined,
  targetHours: null,
  skipDates: [],
  morningRecap: false,
  morningTime: '09:30',
  respectAway: false,
};

export type ReminderKind = 'day' | 'morning';
/**
 * claimed: someone is deciding and sending (lease in `claimedUntil`); sent: the DM is out and still short;
 * snoozed: to be sent again after `claimedUntil`; skipped: not needed (reason in `lastError`); done: enough logged.
 */
type DeliveryState = 'claimed' | 'sent' | 'snoozed' | 'skipped' | 'done';

export interface ReminderDeliveryRecord {
  id: string;
  linkId: string;
  localDate: string;
  kind: ReminderKind;
  state: DeliveryState;
  claimedUntil: Date | null;
  aboutDate: string | null;
  targetHours: number | null;
  loggedHours: number | null;
  channelId: string | null;
  messageTs: string | null;
  attempts: number;
  reason: string | null;
  updatedAt: Date;
}

type SettingRow = NonNullable<Awaited<ReturnType<PrismaClient['reminderSetting']['findUnique']>>>;
type DeliveryRow = NonNullable<Awaited<ReturnType<PrismaClient['reminderDelivery']['findUnique']>>>;

function settingOf(row: SettingRow): ReminderSettingRecord {
  return {
    linkId: row.linkId,
    enabled: row.enabled,
    localTime: row.localTime,
    weekdays: row.weekdays ? row.weekdays.split(',').map(Number) : undefined,
    targetHours: row.targetHours,
    skipDates: JSON.parse(row.skipDates) as string[],
    morningRecap: row.morningRecap,
    morningTime: row.morningTime,
    respectAway: row.respectAway,
  };
}

function deliveryOf(row: DeliveryRow): ReminderDeliveryRecord {
  return {
    id: row.id,
    linkId: row.linkId,
    localDate: row.localDate,
    kind: row.kind === 'morning' ? 'morning' : 'day',
    state: row.state as DeliveryState,
    claimedUntil: row.claimedUntil,
    aboutDate: row.aboutDate,
    targetHours: row.targetHours,
    loggedHours: row.loggedHours,
    channelId: row.channelId,
    messageTs: row.messageTs,
    attempts: row.attempts,
    reason: row.lastError,
    updatedAt: row.updatedAt,
  };
}

/** SQLite caps bound parameters per statement; lists are read in chunks below that. */
const IN_CHUNK = 500;

function chunks<T>(items: T[], size = IN_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Reminder settings per link, and the delivery ledger that makes each DM go out once per local date and kind. */
export class ReminderRepository {
  readonly #db: PrismaClient;
  constructor(db: PrismaClient) {
    this.#db = db;
  }

  async getSetting(linkId: string): Promise<ReminderSettingRecord> {
    // Raw SQL: every log answer reads the person's target (see `UserLinkRepository.find`).
    const rows = await this.#db.$queryRaw<SettingRow[]>`SELECT * FROM "ReminderSetting" WHERE "linkId" = ${linkId}`;
    const row = rows[0];
    return row ? settingOf(row) : { linkId, ...DEFAULT_REMINDER_SETTING };
  }

  /** Every stored setting, by link (people who never changed theirs have none: the defaults apply). */
  async allSettings(): Promise<Map<string, ReminderSettingRecord>> {
    const rows = await this.#db.reminderSetting.findMany();
    return new Map(rows.map((row) => [row.linkId, settingOf(row)]));
  }

  async saveSetting(setting: ReminderSettingRecord): Promise<void> {
    const data = {
      enabled: setting.enabled,
      localTime: setting.localTime,
      weekdays: setting.weekdays ? setting.weekdays.join(',') : null,
      targetHours: setting.targetHours,
      skipDates: JSON.stringify(setting.skipDates),
      morningRecap: setting.morningRecap,
      morningTime: setting.morningTime,
      respectAway: setting.respectAway,
    };
    await this.#db.reminderSetting.upsert({ where: { linkId: setting.linkId }, create: { linkId: setting.linkId, ...data }, update: data });
  }

  /**
   * Claims the one delivery of (link, local date, kind) before deciding and sending. Exactly one caller gets
   * it; a claim whose lease ran out (crash mid-send) and a snooze that has ended can be claimed again.
   */
  async claimDelivery(linkId: string, localDate: string, kind: ReminderKind, now: Date, leaseMs: number): Promise<ReminderDeliveryRecord | undefined> {
    const claimedUntil = new Date(now.getTime() + leaseMs);
    try {
      return deliveryOf(await this.#db.reminderDelivery.create({ data: { linkId, localDate, kind, state: 'claimed', claimedUntil, attempts: 1 } }));
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    const { count } = await this.#db.reminderDelivery.updateMany({
      where: { linkId, localDate, kind, state: { in: ['claimed', 'snoozed'] }, claimedUntil: { lt: now } },
      data: { state: 'claimed', claimedUntil, attempts: { increment: 1 } },
    });
    if (count !== 1) return undefined;
    return this.findDelivery(linkId, localDate, kind);
  }

  /**
   * Claims deliveries that have no row yet, in one statement. If another instance created one of them
   * meanwhile (unique violation), falls back to claiming one by one, so each still goes to exactly one caller.
   */
  async claimNew(items: { linkId: string; localDate: string; kind: ReminderKind }[], now: Date, leaseMs: number): Promise<ReminderDeliveryRecord[]> {
    if (items.length === 0) return [];
    const claimedUntil = new Date(now.getTime() + leaseMs);
    try {
      const rows = await this.#db.reminderDelivery.createManyAndReturn({ data: items.map((i) => ({ ...i, state: 'claimed', claimedUntil, attempts: 1 })) });
      return rows.map(deliveryOf);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    const out: ReminderDeliveryRecord[] = [];
    for (const i of items) {
      const claimed = await this.claimDelivery(i.linkId, i.localDate, i.kind, now, leaseMs);
      if (claimed) out.push(claimed);
    }
    return out;
  }

  /** Records many sent DMs in one transaction (a sweep sends hundreds at a time). */
  /**
   * A DM that went out, recorded the moment it did (with the day it is about), so its buttons work at once. Only
   * a claim still held becomes "sent": a Skip or Snooze that came first is not overwritten.
   */
  async markSent(sent: { id: string; channelId: string; messageTs: string; aboutDate: string; targetHours: number; loggedHours: number }, now: Date): Promise<void> {
    // Raw SQL: one statement per DM, thousands per sweep (see `UserLinkRepository.find`).
    const { id, channelId, messageTs, aboutDate, targetHours, loggedHours } = sent;
    await this.#db.$executeRaw`
      UPDATE "ReminderDelivery" SET "state" = 'sent', "claimedUntil" = NULL, "lastError" = NULL, "channelId" = ${channelId}, "messageTs" = ${messageTs},
        "aboutDate" = ${aboutDate}, "targetHours" = ${targetHours}, "loggedHours" = ${loggedHours}, "updatedAt" = ${now}
      WHERE "id" = ${id} AND "state" = 'claimed'`;
  }

  /** Not needed after all: said once, with the reason (for `reminders preview` and support questions). */
  async markSkipped(ids: string[], reason: string): Promise<void> {
    for (const chunk of chunks(ids)) {
      await this.#db.reminderDelivery.updateMany({ where: { id: { in: chunk } }, data: { state: 'skipped', claimedUntil: null, lastError: reason } });
    }
  }

  /**
   * Extends to `until` the claims among `ids` this sender still holds: still "claimed", with the lease it set last
   * (`held`; a claim taken over, released or snoozed has another). False when it holds none of them any more.
   */
  async renew(ids: string[], held: Date, until: Date): Promise<boolean> {
    let renewed = 0;
    for (const chunk of chunks(ids)) {
      renewed += (await this.#db.reminderDelivery.updateMany({ where: { id: { in: chunk }, state: 'claimed', claimedUntil: held }, data: { claimedUntil: until } })).count;
    }
    return renewed > 0;
  }

  /** Gives claims back (COR or Slack trouble): they can be claimed again from `retryAt`. */
  async release(ids: string[], retryAt: Date, error: string): Promise<void> {
    for (const chunk of chunks(ids)) {
      await this.#db.reminderDelivery.updateMany({ where: { id: { in: chunk }, state: 'claimed' }, data: { claimedUntil: retryAt, lastError: error } });
    }
  }

  async markSnoozed(id: string, until: Date): Promise<void> {
    await this.#db.reminderDelivery.update({ where: { id }, data: { state: 'snoozed', claimedUntil: until } });
  }

  async markDone(id: string, loggedHours: number): Promise<void> {
    await this.#db.reminderDelivery.update({ where: { id }, data: { state: 'done', loggedHours } });
  }

  async updateLogged(id: string, loggedHours: number): Promise<void> {
    await this.#db.reminderDelivery.update({ where: { id }, data: { loggedHours } });
  }

  async findDelivery(linkId: string, localDate: string, kind: ReminderKind = 'day'): Promise<ReminderDeliveryRecord | undefined> {
    const row = await this.#db.reminderDelivery.findUnique({ where: { linkId_localDate_kind: { linkId, localDate, kind } } });
    return row ? deliveryOf(row) : undefined;
  }

  async getDelivery(id: string): Promise<ReminderDeliveryRecord | undefined> {
    const row = await this.#db.reminderDelivery.findUnique({ where: { id } });
    return row ? deliveryOf(row) : undefined;
  }

  /** The reminder DM a message is: a reply in its thread is about that DM's day. */
  async deliveryByMessage(linkId: string, channelId: string, messageTs: string): Promise<ReminderDeliveryRecord | undefined> {
    const row = await this.#db.reminderDelivery.findFirst({ where: { linkId, channelId, messageTs } });
    return row ? deliveryOf(row) : undefined;
  }

  /** Deliveries of these links on any of these local dates, to leave out who was already handled. */
  async deliveriesOn(linkIds: string[], localDates: string[]): Promise<ReminderDeliveryRecord[]> {
    const out: ReminderDeliveryRecord[] = [];
    for (const ids of chunks(linkIds)) {
      const rows = await this.#db.reminderDelivery.findMany({ where: { linkId: { in: ids }, localDate: { in: localDates } } });
      out.push(...rows.map(deliveryOf));
    }
    return out;
  }

  /** DMs that are out and still short, about `aboutDate`: they change in place when hours are logged. */
  async openDeliveriesAbout(linkId: string, aboutDate: string): Promise<ReminderDeliveryRecord[]> {
    // Raw SQL: this runs after every entry written (see `UserLinkRepository.find`).
    const rows = await this.#db.$queryRaw<DeliveryRow[]>`SELECT * FROM "ReminderDelivery" WHERE "linkId" = ${linkId} AND "aboutDate" = ${aboutDate} AND "state" = 'sent'`;
    return rows.map(deliveryOf);
  }

  /** Every DM that is out and still short about one of these dates (a catch-up for hours logged in COR itself). */
  async openDeliveries(aboutDates: string[]): Promise<ReminderDeliveryRecord[]> {
    const rows = await this.#db.reminderDelivery.findMany({ where: { aboutDate: { in: aboutDates }, state: 'sent' } });
    return rows.map(deliveryOf);
  }

  async countByState(): Promise<Record<string, number>> {
    const groups = await this.#db.reminderDelivery.groupBy({ by: ['state'], _count: { _all: true } });
    return Object.fromEntries(groups.map((g) => [g.state, g._count._all]));
  }
}
