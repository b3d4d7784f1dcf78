import { randomToken, sha256Hex } from '../lib/crypto.ts';
import type { PrismaClient } from './prisma.ts';

type StateRefusal = 'missing' | 'unknown' | 'used' | 'expired';
export type StateCheck = { ok: true; tenantKey: string; slackUserId: string } | { ok: false; reason: StateRefusal };

/** CSRF states for the COR consent redirect: random, single-use, bound to one Slack user, short-lived. */
export class OAuthStateRepository {
  readonly #db: PrismaClient;
  constructor(db: PrismaClient) {
    this.#db = db;
  }

  /** Returns the state value to send; only its hash is stored. States expired for a day are swept here. */
  async issue(tenantKey: string, slackUserId: string, now: Date, ttlMs: number): Promise<string> {
    await this.#db.oAuthState.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 86_400_000) } } });
    const state = randomToken(24);
    await this.#db.oAuthState.create({ data: { stateHash: sha256Hex(state), tenantKey, slackUserId, expiresAt: new Date(now.getTime() + ttlMs) } });
    return state;
  }

  /** Uses a state up: succeeds once, atomically, and only before it expires. */
  async consume(state: string | undefined, now: Date): Promise<StateCheck> {
    if (!state) return { ok: false, reason: 'missing' };
    const stateHash = sha256Hex(state);
    const { count } = await this.#db.oAuthState.updateMany({ where: { stateHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    const row = await this.#db.oAuthState.findUnique({ where: { stateHash } });
    if (!row) return { ok: false, reason: 'unknown' };
    if (count === 1) return { ok: true, tenantKey: row.tenantKey, slackUserId: row.slackUserId };
    return { ok: false, reason: row.usedAt !== null ? 'used' : 'expired' };
  }
}
