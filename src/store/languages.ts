import { isLanguage, type Language } from '../lib/language.ts';
import type { PrismaClient } from './prisma.ts';

/** The language each person chose (no row: they follow their Slack language). */
export class LanguageChoiceRepository {
  readonly #db: PrismaClient;
  constructor(db: PrismaClient) {
    this.#db = db;
  }

  /** Everyone of a workspace who chose a language (few: the rest follow Slack), by Slack user id. */
  async ofWorkspace(tenantKey: string): Promise<ReadonlyMap<string, Language>> {
    const rows = await this.#db.languageChoice.findMany({ where: { tenantKey }, select: { slackUserId: true, language: true } });
    return new Map(rows.flatMap((r) => (isLanguage(r.language) ? [[r.slackUserId, r.language] as const] : [])));
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
