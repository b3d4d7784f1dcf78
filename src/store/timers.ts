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

  /** Starts (or replaces) the person's timer. */
  async put(timer: TimerRecord): Promise<void> {
    await this.#db.timer.upsert({ where: { linkId: timer.linkId }, create: timer, update: timer });
  }

  /** Removes that timer (the one started at `startedAt`) once it is written; false when it was not there any more. */
  async remove(linkId: string, startedAt: Date): Promise<boolean> {
    const { count } = await this.#db.timer.deleteMany({ where: { linkId, startedAt } });
    return count === 1;
  }

  /** Removes and returns the running timer unwritten (an unlink discards it); only one caller gets it. */
  async stop(linkId: string): Promise<TimerRecord | undefined> {
    const timer = await this.get(linkId);
    if (!timer) return undefined;
    return (await this.remove(linkId, timer.startedAt)) ? timer : undefined;
  }
}
