import { type Language, languageOfLocale } from '../lib/language.ts';
import type { Store } from '../store/index.ts';
import type { UserLinkRecord } from '../store/links.ts';
import type { SlackDirectory } from './linking.ts';

export interface LanguageDeps {
  store: Pick<Store, 'languages' | 'links'>;
  slack: Pick<SlackDirectory, 'profile'>;
  /** for people the bot knows nothing of yet (DEFAULT_LANGUAGE) */
  defaultLanguage: Language;
}

/** How a person's language was found: what they chose, and what their Slack speaks. */
export interface LanguageOfPerson {
  language: Language;
  /** their own choice (/cor language, App Home); undefined: they follow Slack */
  chosen: Language | undefined;
}

interface Whose {
  /** their link, when the caller has it already (saves a read) */
  link?: UserLinkRecord | undefined;
  /** false before an ack: no Slack call, the workspace default when the store knows nothing */
  askSlack?: boolean;
}

/**
 * The language each person is spoken to in: the one they chose, else their Slack language (users.info locale,
 * kept on their link by user_change), else the workspace default.
 */
export class PeopleLanguages {
  readonly #d: LanguageDeps;

  constructor(deps: LanguageDeps) {
    this.#d = deps;
  }

  get defaultLanguage(): Language {
    return this.#d.defaultLanguage;
  }

  async of(tenantKey: string, slackUserId: string, whose: Whose = {}): Promise<Language> {
    return (await this.describe(tenantKey, slackUserId, whose)).language;
  }

  async describe(tenantKey: string, slackUserId: string, whose: Whose = {}): Promise<LanguageOfPerson> {
    const chosen = await this.#d.store.languages.find(tenantKey, slackUserId);
    if (chosen) return { language: chosen, chosen };
    return { language: await this.#followed(tenantKey, slackUserId, whose), chosen: undefined };
  }

  /** `auto`: follow their Slack language again. */
  async choose(tenantKey: string, slackUserId: string, choice: Language | 'auto'): Promise<LanguageOfPerson> {
    await this.#d.store.languages.save(tenantKey, slackUserId, choice === 'auto' ? undefined : choice);
    return choice === 'auto' ? { language: await this.#followed(tenantKey, slackUserId, {}), chosen: undefined } : { language: choice, chosen: choice };
  }

  async #followed(tenantKey: string, slackUserId: string, whose: Whose): Promise<Language> {
    const link = whose.link ?? (await this.#d.store.links.find(tenantKey, slackUserId));
    const fromLink = languageOfLocale(link?.locale);
    if (fromLink) return fromLink;
    if (whose.askSlack === false) return this.#d.defaultLanguage;
    // Slack not answering is no reason to stay silent: the workspace default speaks instead.
    const profile = await this.#d.slack.profile(tenantKey, slackUserId).catch(() => undefined);
    return languageOfLocale(profile?.locale) ?? this.#d.defaultLanguage;
  }
}
