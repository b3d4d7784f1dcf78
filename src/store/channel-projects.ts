import type { PrismaClient } from './prisma.ts';

export interface ChannelProjectRecord {
  tenantKey: string;
  channelId: string;
  corProjectId: number;
  externalId: string;
  name: string;
  createdBy: string;
}

function recordOf(row: ChannelProjectRecord): ChannelProjectRecord {
  return { tenantKey: row.tenantKey, channelId: row.channelId, corProjectId: row.corProjectId, externalId: row.externalId, name: row.name, createdBy: row.createdBy };
}

/** Which Slack channel is which COR project (made from it through the Integrations API). */
export class ChannelProjectRepository {
  readonly #db: PrismaClient;
  constructor(db: PrismaClient) {
    this.#db = db;
  }

  async find(tenantKey: string, channelId: string): Promise<ChannelProjectRecord | undefined> {
    const row = await this.#db.channelProject.findUnique({ where: { tenantKey_channelId: { tenantKey, channelId } } });
    return row ? recordOf(row) : undefined;
  }

  /** The channels that are this COR project (one, unless a project was tied to two channels). */
  async ofProject(tenantKey: string, corProjectId: number): Promise<ChannelProjectRecord[]> {
    return (await this.#db.channelProject.findMany({ where: { tenantKey, corProjectId } })).map(recordOf);
  }

  /** Every channel that is a COR project, of every workspace (the budget sweep reads them all at once). */
  async all(): Promise<ChannelProjectRecord[]> {
    return (await this.#db.channelProject.findMany({ orderBy: [{ tenantKey: 'asc' }, { channelId: 'asc' }] })).map(recordOf);
  }

  async save(record: ChannelProjectRecord): Promise<void> {
    const { tenantKey, channelId, ...rest } = record;
    await this.#db.channelProject.upsert({ where: { tenantKey_channelId: { tenantKey, channelId } }, create: record, update: rest });
  }
}
