import type { TokenCipher } from '../lib/crypto.ts';
import type { TokenSet } from '../lib/tokens.ts';
import { validZone } from '../lib/zoned.ts';
import type { PrismaClient } from './prisma.ts';

type LinkState = 'active' | 'needs_relink';

/** A link as the rest of the app sees it: no tokens (ask `tokens()` for those). */
export interface UserLinkRecord {
  id: string;
  tenantKey: string;
  slackUserId: string;
  corUserId: number;
  corName: string;
  corEmail: string | null;
  slackEmail: string | null;
  tz: string | null;
  locale: string | null;
  state: LinkState;
  hasTokens: boolean;
  tokenExpiresAt: Date | null;
  relinkNotifiedAt: Date | null;
  linkedAt: Date;
}

/** Who a reminder goes to. */
export type ReminderRecipient = Pick<UserLinkRecord, 'id' | 'tenantKey' | 'slackUserId' | 'corUserId' | 'corName' | 'tz' | 'locale'>;

export interface NewUserLink {
  tenantKey: string;
  slackUserId: string;
  corUserId: number;
  corName: string;
  corEmail?: string | null;
  slackEmail?: string | null;
  tz?: string | null;
  locale?: string | null;
  tokens: TokenSet;
}

type Row = Awaited<ReturnType<PrismaClient['userLink']['findUniqueOrThrow']>>;

function toRecord(row: Row): UserLinkRecord {
  return {
    id: row.id,
    tenantKey: row.tenantKey,
    slackUserId: row.slackUserId,
    corUserId: row.corUserId,
    corName: row.corName,
    corEmail: row.corEmail,
    slackEmail: row.slackEmail,
    // Stored before zones were checked on the way in: one the runtime does not know reads as none (asked again).
    tz: validZone(row.tz) ?? null,
    locale: row.locale,
    state: row.state === 'needs_relink' ? 'needs_relink' : 'active',
    hasTokens: row.accessTokenEnc !== null,
    tokenExpiresAt: row.tokenExpiresAt,
    relinkNotifiedAt: row.relinkNotifiedAt,
    linkedAt: row.linkedAt,
  };
}

/** Slack user ↔ COR user links. Tokens go in and out in clear here and are only ever stored encrypted. */
export class UserLinkRepository {
  readonly #db: PrismaClient;
  readonly #cipher: TokenCipher;

  constructor(db: PrismaClient, cipher: TokenCipher) {
    this.#db = db;
    this.#cipher = cipher;
  }

  #sealTokens(tokens: TokenSet) {
    return {
      accessTokenEnc: this.#cipher.encrypt(tokens.accessToken),
      refreshTokenEnc: tokens.refreshToken === undefined ? null : this.#cipher.encrypt(tokens.refreshToken),
      tokenExpiresAt: tokens.expiresAt,
    };
  }

  /** Creates or replaces the link of (tenant, Slack user); a relink resets the state to active. */
  async upsert(link: NewUserLink): Promise<UserLinkRecord> {
    const data = {
      corUserId: link.corUserId,
      corName: link.corName,
      corEmail: link.corEmail ?? null,
      slackEmail: link.slackEmail ?? null,
      tz: validZone(link.tz) ?? null,
      locale: link.locale ?? null,
      state: 'active',
      relinkNotifiedAt: null,
      ...this.#sealTokens(link.tokens),
    };
    const row = await this.#db.userLink.upsert({
      where: { tenantKey_slackUserId: { tenantKey: link.tenantKey, slackUserId: link.slackUserId } },
      create: { tenantKey: link.tenantKey, slackUserId: link.slackUserId, ...data },
      update: { ...data, linkedAt: new Date() },
    });
    return toRecord(row);
  }

  async find(tenantKey: string, slackUserId: string): Promise<UserLinkRecord | undefined> {
    // Raw SQL on the hot path (every command reads its link): Prisma's query compiler costs more than the query.
    // Both stores decode the declared column types, so the row has the model's types.
    const rows = await this.#db.$queryRaw<Row[]>`SELECT * FROM "UserLink" WHERE "tenantKey" = ${tenantKey} AND "slackUserId" = ${slackUserId}`;
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async findById(id: string): Promise<UserLinkRecord | undefined> {
    const row = await this.#db.userLink.findUnique({ where: { id } });
    return row ? toRecord(row) : undefined;
  }

  async list(tenantKey?: string): Promise<UserLinkRecord[]> {
    const rows = await this.#db.userLink.findMany({ where: tenantKey ? { tenantKey } : {}, orderBy: [{ tenantKey: 'asc' }, { linkedAt: 'asc' }] });
    return rows.map(toRecord);
  }

  /** Active links with only what a reminder sweep needs (thousands at a time: no tokens, no extras). */
  async activeRecipients(): Promise<ReminderRecipient[]> {
    const rows = await this.#db.userLink.findMany({
      where: { state: 'active' },
      select: { id: true, tenantKey: true, slackUserId: true, corUserId: true, corName: true, tz: true, locale: true },
    });
    for (const row of rows) row.tz = validZone(row.tz) ?? null;
    return rows;
  }

  async tokens(linkId: string): Promise<TokenSet | undefined> {
    const row = await this.#db.userLink.findUnique({
      where: { id: linkId },
      select: { accessTokenEnc: true, refreshTokenEnc: true, tokenExpiresAt: true },
    });
    if (!row?.accessTokenEnc || !row.tokenExpiresAt) return undefined;
    return {
      accessToken: this.#cipher.decrypt(row.accessTokenEnc),
      refreshToken: row.refreshTokenEnc === null ? undefined : this.#cipher.decrypt(row.refreshTokenEnc),
      expiresAt: row.tokenExpiresAt,
    };
  }

  /** A refresh token that may have been spent is dropped, while the tokens are still the ones it came with. */
  async forgetRefreshToken(linkId: string, expiresAt: Date): Promise<void> {
    await this.#db.userLink.updateMany({ where: { id: linkId, tokenExpiresAt: expiresAt }, data: { refreshTokenEnc: null } });
  }

  /** Stores refreshed (rotated) tokens: the link works again, and a later failure is told again. */
  async saveTokens(linkId: string, tokens: TokenSet): Promise<void> {
    await this.#db.userLink.update({ where: { id: linkId }, data: { ...this.#sealTokens(tokens), state: 'active', relinkNotifiedAt: null } });
  }

  /**
   * Refresh failed for good: forget the tokens and mark the link. Only while the stored tokens are still the ones
   * that failed (`failedExpiresAt`: tokens rotated by another instance meanwhile expire later, and keep the link
   * working), and only once: true for the one caller that made the change, so exactly one re-link DM goes out
   * however many requests failed at once.
   */
  async markNeedsRelink(linkId: string, at: Date, failedExpiresAt: Date | undefined): Promise<boolean> {
    const { count } = await this.#db.userLink.updateMany({
      where: { id: linkId, relinkNotifiedAt: null, ...(failedExpiresAt ? { tokenExpiresAt: failedExpiresAt } : {}) },
      data: { state: 'needs_relink', accessTokenEnc: null, refreshTokenEnc: null, tokenExpiresAt: null, relinkNotifiedAt: at },
    });
    return count === 1;
  }

  async updateProfile(linkId: string, profile: { tz?: string | null; locale?: string | null; slackEmail?: string | null }): Promise<void> {
    await this.#db.userLink.update({ where: { id: linkId }, data: profile.tz === undefined ? profile : { ...profile, tz: validZone(profile.tz) ?? null } });
  }

  /** Key rotation: re-seals every token still sealed with an older key. Returns how many links changed. */
  async reencrypt(): Promise<number> {
    const rows = await this.#db.userLink.findMany({ select: { id: true, accessTokenEnc: true, refreshTokenEnc: true } });
    let changed = 0;
    for (const row of rows) {
      const stale = [row.accessTokenEnc, row.refreshTokenEnc].some((v) => v !== null && this.#cipher.needsRotation(v));
      if (!stale) continue;
      const reseal = (v: string | null) => (v === null ? null : this.#cipher.encrypt(this.#cipher.decrypt(v)));
      await this.#db.userLink.update({ where: { id: row.id }, data: { accessTokenEnc: reseal(row.accessTokenEnc), refreshTokenEnc: reseal(row.refreshTokenEnc) } });
      changed++;
    }
    return changed;
  }

  async delete(tenantKey: string, slackUserId: string): Promise<boolean> {
    const { count } = await this.#db.userLink.deleteMany({ where: { tenantKey, slackUserId } });
    return count > 0;
  }

  async deleteTenant(tenantKey: string): Promise<number> {
    const { count } = await this.#db.userLink.deleteMany({ where: { tenantKey } });
    return count;
  }
}
