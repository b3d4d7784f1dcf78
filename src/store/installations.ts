import type { TokenCipher } from '../lib/crypto.ts';
import type { PrismaClient } from './prisma.ts';

export interface InstallationRecord {
  tenantKey: string;
  teamId: string | null;
  enterpriseId: string | null;
  botUserId: string | null;
  botId: string | null;
  botToken: string;
  /** Slack's installation object as it came (JSON), for Bolt's InstallationStore. */
  installation: unknown;
  installedAt: Date;
}

export type NewInstallation = Omit<InstallationRecord, 'installedAt'>;

/** Workspaces that installed the app via OAuth; bot tokens and the raw installation stored encrypted. */
export class InstallationRepository {
  readonly #db: PrismaClient;
  readonly #cipher: TokenCipher;

  constructor(db: PrismaClient, cipher: TokenCipher) {
    this.#db = db;
    this.#cipher = cipher;
  }

  async save(install: NewInstallation): Promise<void> {
    const data = {
      teamId: install.teamId,
      enterpriseId: install.enterpriseId,
      botUserId: install.botUserId,
      botId: install.botId,
      botTokenEnc: this.#cipher.encrypt(install.botToken),
      installJsonEnc: this.#cipher.encrypt(JSON.stringify(install.installation)),
    };
    await this.#db.installation.upsert({ where: { tenantKey: install.tenantKey }, create: { tenantKey: install.tenantKey, ...data }, update: data });
  }

  async find(tenantKey: string): Promise<InstallationRecord | undefined> {
    const row = await this.#db.installation.findUnique({ where: { tenantKey } });
    if (!row) return undefined;
    return {
      tenantKey: row.tenantKey,
      teamId: row.teamId,
      enterpriseId: row.enterpriseId,
      botUserId: row.botUserId,
      botId: row.botId,
      botToken: this.#cipher.decrypt(row.botTokenEnc),
      installation: JSON.parse(this.#cipher.decrypt(row.installJsonEnc)) as unknown,
      installedAt: row.installedAt,
    };
  }

  /** Key rotation: re-seals installations still sealed with an older key. */
  async reencrypt(): Promise<number> {
    const rows = await this.#db.installation.findMany({ select: { id: true, botTokenEnc: true, installJsonEnc: true } });
    let changed = 0;
    for (const row of rows) {
      if (!this.#cipher.needsRotation(row.botTokenEnc) && !this.#cipher.needsRotation(row.installJsonEnc)) continue;
      await this.#db.installation.update({
        where: { id: row.id },
        data: {
          botTokenEnc: this.#cipher.encrypt(this.#cipher.decrypt(row.botTokenEnc)),
          installJsonEnc: this.#cipher.encrypt(this.#cipher.decrypt(row.installJsonEnc)),
        },
      });
      changed++;
    }
    return changed;
  }

  async delete(tenantKey: string): Promise<boolean> {
    const { count } = await this.#db.installation.deleteMany({ where: { tenantKey } });
    return count > 0;
  }
}
