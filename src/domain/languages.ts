import { LRUCache } from 'lru-cache';
import { cacheOptions, PER_PERSON_MAX, PER_TENANT_MAX } from '../lib/cache.ts';
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
 * What the store says of people's languages is reused this long: answers in the ack (`/cor help`, `/cor log`'s first
 * answer) cost no store read, and a sweep of thousands of DMs reads the choices once per workspace. A choice made
 * here, or a Slack locale change seen here, applies at once; one made through another instance within this time.
 */
const KNOWN_TTL_MS = 30_000;
/** How long "the store knows nothing of them" is reused (a burst of their requests reads once). */
const UNKNOWN_TTL_MS = 5_000;

/** What is known of a person besides their choice: their link's Slack locale (the store), their Slack profile's. */
interface Known {
  linked: Language | undefined;
  /** learned from their Slack profile after an ack, so that later acks speak it too */
  slack?: Language | undefined;
}

/** How a person's language was found: what they chose, and what their Slack speaks. */
export interface LanguageOfPerson {
  language: Language;
  /** their own choice (/cor language, App Home); undefined: they follow Slack */
  chosen: Language | undefined;
}

interface Whose {
  /** their link (its Slack locale), when the caller has it already (saves a read) */
  link?: Pick<UserLinkRecord, 'locale'> | undefined;
  /** false before an ack: no Slack call, the workspace default when the store knows nothing */
  askSlack?: boolean;
}

/**
 * The language each person is spoken to in: the one they chose, else their Slack language (users.info locale,
 * kept on their link by user_change), else the workspace default.
 */
export class PeopleLanguages {
  readonly #d: LanguageDeps;
  /** by workspace: the people who chose a language (few), read at once */
  readonly #choices: LRUCache<string, ReadonlyMap<string, Language>>;
  /** by `tenantKey/slackUserId`, only for people something is known of */
  readonly #known: LRUCache<string, Known>;

  constructor(deps: LanguageDeps) {
    this.#d = deps;
    this.#choices = new LRUCache({ ...cacheOptions(deps.clock, PER_TENANT_MAX, KNOWN_TTL_MS), fetchMethod: (tenantKey) => deps.store.languages.ofWorkspace(tenantKey) });
    this.#known = new LRUCache(cacheOptions(deps.clock, PER_PERSON_MAX, KNOWN_TTL_MS));
  }

  get defaultLanguage(): Language {
    return this.#d.defaultLanguage;
  }

  async of(tenantKey: string, slackUserId: string, whose: Whose = {}): Promise<Language> {
    return (await this.describe(tenantKey, slackUserId, whose)).language;
  }

  async describe(tenantKey: string, slackUserId: string, whose: Whose = {}): Promise<LanguageOfPerson> {
    const chosen = (await this.#choices.forceFetch(tenantKey)).get(slackUserId);
    if (chosen) return { language: chosen, chosen };
    const known = await this.#knownOf(tenantKey, slackUserId, whose.link);
    const followed = known.linked ?? known.slack ?? (whose.askSlack === false ? undefined : await this.#slackLanguage(tenantKey, slackUserId, known));
    return { language: followed ?? this.#d.defaultLanguage, chosen: undefined };
  }

  /**
   * The language known of a person without reading anything (the workspace default when nothing is known): for
   * words that must go out when the store itself is what failed.
   */
  known(tenantKey: string, slackUserId: string): Language {
    const known = this.#known.get(`${tenantKey}/${slackUserId}`);
    return this.#choices.get(tenantKey)?.get(slackUserId) ?? known?.linked ?? known?.slack ?? this.#d.defaultLanguage;
  }

  /** `auto`: follow their Slack language again. */
  async choose(tenantKey: string, slackUserId: string, choice: Language | 'auto'): Promise<LanguageOfPerson> {
    await this.#d.store.languages.save(tenantKey, slackUserId, choice === 'auto' ? undefined : choice);
    this.#choices.delete(tenantKey);
    return this.describe(tenantKey, slackUserId);
  }

  /** Their link or Slack profile changed (linked, unlinked, user_change): what was known of them is read again. */
  forget(tenantKey: string, slackUserId: string): void {
    this.#known.delete(`${tenantKey}/${slackUserId}`);
  }

  async #knownOf(tenantKey: string, slackUserId: string, link: Pick<UserLinkRecord, 'locale'> | undefined): Promise<Known> {
    const key = `${tenantKey}/${slackUserId}`;
    const cached = this.#known.get(key);
    // A link in hand is the freshest word on their Slack locale.
    if (link) return { ...cached, linked: languageOfLocale(link.locale) };
    if (cached) return cached;
    const known: Known = { linked: languageOfLocale((await this.#d.store.links.find(tenantKey, slackUserId))?.locale) };
    // Someone the store knows nothing of yet may link through another instance any moment: kept only briefly.
    this.#known.set(key, known, known.linked ? {} : { ttl: UNKNOWN_TTL_MS });
    return known;
  }

  /** Their Slack profile's language (kept with what is known of them); undefined when Slack says none or does not answer. */
  async #slackLanguage(tenantKey: string, slackUserId: string, known: Known): Promise<Language | undefined> {
    // Slack not answering is no reason to stay silent: the workspace default speaks instead.
    const profile = await this.#d.slack.profile(tenantKey, slackUserId).catch(() => undefined);
    const slack = languageOfLocale(profile?.locale);
    if (slack) this.#known.set(`${tenantKey}/${slackUserId}`, { ...known, slack });
    return slack;
  }
}
