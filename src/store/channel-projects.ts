import type { PrismaClient } from './prisma.ts';

export interface ChannelProjectRecord {
  tenantKey: string;
  channelId: string;
  corProjectId: number;
  externalId: string;
  name: string;
  createdBy: string;
}

/** Which Slack channel is which COR project (made from it through the Integrations API). */
export class ChannelProjectRepository {
  readonly #db: PrismaClient;
  constructor(db: PrismaClient) {
    this.#db = db;
  }

  async find(tenantKey: string, channelId: string): Promise<ChannelProjectRecord | undefined> {
    const row = await this.#db.channelProject.findUnique({ where: { tenantKey_channelId: { tenantKey, channelId } } });
    return row ? { tenantKey: row.tenantKey, channelId: row.channelId, corProjectId: row.corProjectId, externalId: row.externalId, name: row.name, createdBy: row.createdBy } : undefined;
  }

  async save(record: ChannelProjectRecord): Promise<void> {
    const { tenantKey, channelId, ...rest } = record;
    await this.#db.channelProject.upsert({ where: { tenantKey_channelId: { tenantKey, channelId } }, create: record, update: rest });
  }
}
