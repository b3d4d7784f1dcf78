import type { PrismaClient } from './prisma.ts';

export interface ReminderSettingRecord {
  linkId: string;
  enabled: boolean;
  localTime: string;
  /** ISO weekdays 1 (Mon) … 7 (Sun); undefined = COR working time, else Mon–Fri */
  weekdays: number[] | undefined;
  targetHours: number | null;
  snoozedUntil: Date | null;
  skipDates: string[];
  morningRecap: boolean;
  respectAway: boolean;
}

export const DEFAULT_REMINDER_SETTING: Omit<ReminderSettingRecord, 'linkId'> = {
  enabled: true,
  localTime: '17:30',
  weekdays: undefined,
  targetHours: null,
  snoozedUntil: null,
  skipDates: [],
  morningRecap: false,
  respectAway: false,
};

export type DeliveryState = 'claimed' | 'sent' | 'skipped' | 'failed';

export interface ReminderDeliveryRecord {
  id: string;
  linkId: string;
  localDate: string;
  state: DeliveryState;
  channelId: string | null;
  messageTs: string | null;
  attempts: number;
}

/** Reminder settings per link, and the delivery ledger that makes each DM go out once per local date. */
export class ReminderRepository {
  readonly #db: PrismaClient;
  constructor(db: PrismaClient) {
    this.#db = db;
  }

  async getSetting(linkId: string): Promise<ReminderSettingRecord> {
    const row = await this.#db.reminderSetting.findUnique({ where: { linkId } });
    if (!row) return { linkId, ...DEFAULT_REMINDER_SETTING };
    return {
      linkId,
      enabled: row.enabled,
      localTime: row.localTime,
      weekdays: row.weekdays ? row.weekdays.split(',').map(Number) : undefined,
      targetHours: row.targetHours,
      snoozedUntil: row.snoozedUntil,
      skipDates: JSON.parse(row.skipDates) as string[],
      morningRecap: row.morningRecap,
      respectAway: row.respectAway,
    };
  }

  async saveSetting(setting: ReminderSettingRecord): Promise<void> {
    const data = {
      enabled: setting.enabled,
      localTime: setting.localTime,
      weekdays: setting.weekdays ? setting.weekdays.join(',') : null,
      targetHours: setting.targetHours,
      snoozedUntil: setting.snoozedUntil,
      skipDates: JSON.stringify(setting.skipDates),
      morningRecap: setting.morningRecap,
      respectAway: setting.respectAway,
    };
    await this.#db.reminderSetting.upsert({ where: { linkId: setting.linkId }, create: { linkId: setting.linkId, ...data }, update: data });
  }

  /**
   * Claims the one delivery of (link, local date) before sending. True for exactly one caller; a claim
   * whose lease ran out without being sent can be claimed again (crash mid-send).
   */
  async claimDelivery(linkId: string, localDate: string, now: Date, leaseMs: number): Promise<ReminderDeliveryRecord | undefined> {
    const claimedUntil = new Date(now.getTime() + leaseMs);
    try {
      const row = await this.#db.reminderDelivery.create({ data: { linkId, localDate, state: 'claimed', claimedUntil, attempts: 1 } });
      return this.#toRecord(row);
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'P2002') throw err;
    }
    const { count } = await this.#db.reminderDelivery.updateMany({
      where: { linkId, localDate, state: 'claimed', claimedUntil: { lt: now } },
      data: { claimedUntil, attempts: { increment: 1 } },
    });
    if (count !== 1) return undefined;
    const row = await this.#db.reminderDelivery.findUniqueOrThrow({ where: { linkId_localDate: { linkId, localDate } } });
    return this.#toRecord(row);
  }

  async markDelivery(id: string, state: Exclude<DeliveryState, 'claimed'>, fields: { channelId?: string; messageTs?: string; error?: string } = {}): Promise<void> {
    await this.#db.reminderDelivery.update({
      where: { id },
      data: { state, claimedUntil: null, channelId: fields.channelId ?? null, messageTs: fields.messageTs ?? null, lastError: fields.error ?? null },
    });
  }

  async findDelivery(linkId: string, localDate: string): Promise<ReminderDeliveryRecord | undefined> {
    const row = await this.#db.reminderDelivery.findUnique({ where: { linkId_localDate: { linkId, localDate } } });
    return row ? this.#toRecord(row) : undefined;
  }

  #toRecord(row: { id: string; linkId: string; localDate: string; state: string; channelId: string | null; messageTs: string | null; attempts: number }): ReminderDeliveryRecord {
    return {
      id: row.id,
      linkId: row.linkId,
      localDate: row.localDate,
      state: row.state as DeliveryState,
      channelId: row.channelId,
      messageTs: row.messageTs,
      attempts: row.attempts,
    };
  }
}
