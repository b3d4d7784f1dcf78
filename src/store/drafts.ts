import { isUniqueViolation, type PrismaClient } from './prisma.ts';

type DraftState = 'open' | 'logged' | 'cancelled';

export interface LogDraftRecord {
  id: string;
  key: string;
  tenantKey: string;
  slackUserId: string;
  /** the rows as JSON: the domain owns their shape */
  rows: string;
  state: DraftState;
  createdAt: Date;
}

type Row = NonNullable<Awaited<ReturnType<PrismaClient['logDraft']['findUnique']>>>;

function toRecord(row: Row): LogDraftRecord {
  const state: DraftState = row.state === 'logged' || row.state === 'cancelled' ? row.state : 'open';
  return { id: row.id, key: row.key, tenantKey: row.tenantKey, slackUserId: row.slackUserId, rows: row.rows, state, createdAt: row.createdAt };
}

/** Several entries read from one line, kept while their card waits for the person. */
export class LogDraftRepository {
  readonly #db: PrismaClient;
  constructor(db: PrismaClient) {
    this.#db = db;
  }

  /** The draft of that request: made once (a repeat of the request gets the same draft back, `created` false). */
  async create(draft: { key: string; tenantKey: string; slackUserId: string; rows: string }, now: Date): Promise<{ record: LogDraftRecord; created: boolean }> {
    try {
      return { record: toRecord(await this.#db.logDraft.create({ data: { ...draft, createdAt: now } })), created: true };
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    return { record: toRecord(await this.#db.logDraft.findUniqueOrThrow({ where: { key: draft.key } })), created: false };
  }

  async get(id: string): Promise<LogDraftRecord | undefined> {
    const row = await this.#db.logDraft.findUnique({ where: { id } });
    return row ? toRecord(row) : undefined;
  }

  async getByKey(key: string): Promise<LogDraftRecord | undefined> {
    const row = await this.#db.logDraft.findUnique({ where: { key } });
    return row ? toRecord(row) : undefined;
  }

  /** New rows while it is still open; false once it was logged or cancelled. */
  async updateRows(id: string, rows: string): Promise<boolean> {
    const { count } = await this.#db.logDraft.updateMany({ where: { id, state: 'open' }, data: { rows } });
    return count === 1;
  }

  /** Logged or cancelled: only from open, once. */
  async close(id: string, state: 'logged' | 'cancelled'): Promise<boolean> {
    const { count } = await this.#db.logDraft.updateMany({ where: { id, state: 'open' }, data: { state } });
    return count === 1;
  }

  /** Drafts nobody finished are of no use after a while. */
  async forgetBefore(before: Date): Promise<number> {
    const { count } = await this.#db.logDraft.deleteMany({ where: { createdAt: { lt: before } } });
    return count;
  }
}
