import { isLanguage, type Language } from '../lib/language.ts';
import type { PrismaClient } from './prisma.ts';

/** The language each person chose (no row: they follow their Slack language). */
export class LanguageChoiceRepository {
  readonly #db: PrismaClient;
  constructor(db: PrismaClient) {
    this.#db = db;
  }

  async find(tenantKey: string, slackUserId: string): Promise<Language | undefined> {
    const row = await this.#db.languageChoice.findUnique({ where: { tenantKey_slackUserId: { tenantKey, slackUserId } }, select: { language: true } });
    return row && isLanguage(row.language) ? row.language : undefined;
  }

  /** `undefined`: the choice is cleared (they follow their Slack language again). */
  async save(tenantKey: string, slackUserId: string, language: Language | undefined): Promise<void> {
    if (language === undefined) {
      await this.#db.languageChoice.deleteMany({ where: { tenantKey, slackUserId } });
      return;
    }
    await this.#db.languageChoice.upsert({
      where: { tenantKey_slackUserId: { tenantKey, slackUserId } },
      create: { tenantKey, slackUserId, language },
      update: { language },
    });
  }
}
