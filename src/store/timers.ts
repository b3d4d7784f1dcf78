import type { PrismaClient } from './prisma.ts';

export interface TimerRecord {
  linkId: string;
  taskId: number;
  startedAt: Date;
  note: string | null;
}

/** One running timer per user, kept by the bot so it survives restarts. */
export class TimerRepository {
  readonly #db: PrismaClient;
  constructor(db: PrismaClient) {
    this.#db = db;
  }

  async get(linkId: string): Promise<TimerRecord | undefined> {
    return (await this.#db.timer.findUnique({ where: { linkId } })) ?? undefined;
  }

  /** Starts a timer; returns the one it replaced, if any, so the caller can write it. */
  async start(timer: TimerRecord): Promise<TimerRecord | undefined> {
    return this.#db.$transaction(async (tx) => {
      const previous = await tx.timer.findUnique({ where: { linkId: timer.linkId } });
      await tx.timer.upsert({ where: { linkId: timer.linkId }, create: timer, update: timer });
      return previous ?? undefined;
    });
  }

  /** Removes and returns the running timer; only one caller gets it. */
  async stop(linkId: string): Promise<TimerRecord | undefined> {
    const timer = await this.get(linkId);
    if (!timer) return undefined;
    const { count } = await this.#db.timer.deleteMany({ where: { linkId, startedAt: timer.startedAt } });
    return count === 1 ? timer : undefined;
  }
}
