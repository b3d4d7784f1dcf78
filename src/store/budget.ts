import { isUniqueViolation, type PrismaClient } from './prisma.ts';

/** One budget alert's key: each is posted once per (tenant, channel, project, threshold, estimate). */
export interface BudgetAlertKey {
  tenantKey: string;
  channelId: string;
  corProjectId: number;
  threshold: number;
  /** the estimated hours, as text ("400", "120.5") */
  estimate: string;
}

/** Budget alerts of channel projects: each channel's thresholds, and the alerts claimed (each posted once). */
export class BudgetRepository {
  readonly #db: PrismaClient;
  constructor(db: PrismaClient) {
    this.#db = db;
  }

  /** The channel's thresholds (ascending percents; empty: off); undefined when never set. */
  async thresholds(tenantKey: string, channelId: string): Promise<number[] | undefined> {
    const row = await this.#db.budgetSetting.findUnique({ where: { tenantKey_channelId: { tenantKey, channelId } } });
    return row ? parseThresholds(row.thresholds) : undefined;
  }

  /** Every channel's thresholds set, by `tenantKey/channelId`. */
  async allThresholds(): Promise<Map<string, number[]>> {
    const rows = await this.#db.budgetSetting.findMany();
    return new Map(rows.map((r) => [`${r.tenantKey}/${r.channelId}`, parseThresholds(r.thresholds)]));
  }

  async setThresholds(tenantKey: string, channelId: string, thresholds: number[], updatedBy: string): Promise<void> {
    const text = thresholds.join(',');
    await this.#db.budgetSetting.upsert({
      where: { tenantKey_channelId: { tenantKey, channelId } },
      create: { tenantKey, channelId, thresholds: text, updatedBy },
      update: { thresholds: text, updatedBy },
    });
  }

  /** The alerts already claimed of these projects (posted, being posted or refused): one read per sweep. */
  async alerted(corProjectIds: number[]): Promise<BudgetAlertKey[]> {
    if (corProjectIds.length === 0) return [];
    return this.#db.budgetAlert.findMany({
      where: { corProjectId: { in: corProjectIds } },
      select: { tenantKey: true, channelId: true, corProjectId: true, threshold: true, estimate: true },
    });
  }

  /**
   * Claims the alert for this instance: false when it, or a higher threshold of the same estimate, was claimed before
   * (here or by another instance: a sweep holding an older reading never posts 80 % after 100 %).
   */
  async claim(key: BudgetAlertKey): Promise<boolean> {
    const { threshold, ...same } = key;
    if (await this.#db.budgetAlert.findFirst({ where: { ...same, threshold: { gte: threshold } }, select: { threshold: true } })) return false;
    try {
      await this.#db.budgetAlert.create({ data: { ...key, state: 'claimed' } });
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  async sent(key: BudgetAlertKey, messageTs: string): Promise<void> {
    await this.#db.budgetAlert.updateMany({ where: key, data: { state: 'sent', messageTs } });
  }

  /** Slack refused it for good (the channel is gone, the bot not allowed): kept, so it is not tried every sweep. */
  async failed(key: BudgetAlertKey): Promise<void> {
    await this.#db.budgetAlert.updateMany({ where: key, data: { state: 'failed' } });
  }

  /** Slack could not take it now (rate limited, down): the claim goes, and the next check tries again. */
  async release(key: BudgetAlertKey): Promise<void> {
    await this.#db.budgetAlert.deleteMany({ where: { ...key, state: 'claimed' } });
  }
}

function parseThresholds(text: string): number[] {
  return text
    .split(',')
    .filter((s) => s !== '')
    .map(Number);
}
