import { LRUCache } from 'lru-cache';
import { cacheOptions, PER_PERSON_MAX } from '../lib/cache.ts';
import type { Clock } from '../lib/clock.ts';
import { type Language, languageOfLocale } from '../lib/language.ts';
import type { Store } from '../store/index.ts';
import type { UserLinkRecord } from '../store/links.ts';
import type { SlackDirectory } from './linking.ts';

export interface LanguageDeps {
  store: Pick<Store, 'languages' | 'links'>;
  slack: Pick<SlackDirectory, 'profile'>;
  /** for people the bot knows nothing of yet (DEFAULT_LANGUAGE) */
  defaultLanguage: Language;
  clock: Clock;
}

/**
 * What the store says of a person's language is reused this long: answers in the ack (`/cor help`, `/cor log`'s
 * first answer) cost no store read. A choice made here, or a Slack locale change seen here, applies at once; one
 * made through another instance is seen here within this time.
 */
const KNOWN_TTL_MS = 30_000;

/** What the store says: their choice, and the language of the Slack locale their link keeps. */
interface Known {
  chosen: Language | undefined;
  linked: Language | undefined;
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
  readonly #known: LRUCache<string, Known>;

  constructor(deps: LanguageDeps) {
    this.#d = deps;
    this.#known = new LRUCache(cacheOptions(deps.clock, PER_PERSON_MAX, KNOWN_TTL_MS));
  }

  get defaultLanguage(): Language {
    return this.#d.defaultLanguage;
  }

  async of(tenantKey: string, slackUserId: string, whose: Whose = {}): Promise<Language> {
    return (await this.describe(tenantKey, slackUserId, whose)).language;
  }

  async describe(tenantKey: string, slackUserId: string, whose: Whose = {}): Promise<LanguageOfPerson> {
    const known = await this.#knownOf(tenantKey, slackUserId, whose.link);
    if (known.chosen) return { language: known.chosen, chosen: known.chosen };
    return { language: known.linked ?? (await this.#slackLanguage(tenantKey, slackUserId, whose)), chosen: undefined };
  }

  /** `auto`: follow their Slack language again. */
  async choose(tenantKey: string, slackUserId: string, choice: Language | 'auto'): Promise<LanguageOfPerson> {
    await this.#d.store.languages.save(tenantKey, slackUserId, choice === 'auto' ? undefined : choice);
    this.forget(tenantKey, slackUserId);
    return this.describe(tenantKey, slackUserId);
  }

  /** Their Slack profile changed (user_change): what was known of them is read again. */
  forget(tenantKey: string, slackUserId: string): void {
    this.#known.delete(`${tenantKey}/${slackUserId}`);
  }

  async #knownOf(tenantKey: string, slackUserId: string, link: UserLinkRecord | undefined): Promise<Known> {
    const key = `${tenantKey}/${slackUserId}`;
    const cached = this.#known.get(key);
    // A link in hand is the freshest word on their Slack locale.
    if (cached) return link ? { ...cached, linked: languageOfLocale(link.locale) } : cached;
    const [chosen, found] = await Promise.all([this.#d.store.languages.find(tenantKey, slackUserId), link ?? this.#d.store.links.find(tenantKey, slackUserId)]);
    const known = { chosen, linked: languageOfLocale(found?.locale) };
    this.#known.set(key, known);
    return known;
  }

  async #slackLanguage(tenantKey: string, slackUserId: string, whose: Whose): Promise<Language> {
    if (whose.askSlack === false) return this.#d.defaultLanguage;
    // Slack not answering is no reason to stay silent: the workspace default speaks instead.
    const profile = await this.#d.slack.profile(tenantKey, slackUserId).catch(() => undefined);
    return languageOfLocale(profile?.locale) ?? this.#d.defaultLanguage;
  }
}
