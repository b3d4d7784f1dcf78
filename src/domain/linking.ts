import { LRUCache } from 'lru-cache';
import { type CorAuth, RefreshingTokenSource } from '../cor/auth.ts';
import type { CorApi, CorClient } from '../cor/client.ts';
import { CorError } from '../cor/errors.ts';
import type { CorUser } from '../cor/schemas.ts';
import { AppError } from '../errors.ts';
import { cacheOptions, PER_PERSON_MAX } from '../lib/cache.ts';
import { isLeadRole } from './roles.ts';
import type { Clock } from '../lib/clock.ts';
import { SingleFlight } from '../lib/single-flight.ts';
import type { TokenSet } from '../lib/tokens.ts';
import type { Logger } from '../logger.ts';
import type { UserLinkRecord } from '../store/links.ts';
import type { Store } from '../store/index.ts';
import type { TimeEntryRequestRecord } from '../store/outbox.ts';
import type { TimerRecord } from '../store/timers.ts';

/** A consent link is good for this long (and once). */
export const STATE_TTL_MS = 10 * 60_000;
/** The company's user list (for email matching) is reused this long. */
const USERS_CACHE_MS = 10 * 60_000;
/** Decrypted tokens are reused this long (a refresh reads the store first, whatever the cache holds). */
const TOKENS_CACHE_MS = 10 * 60_000;
/** A COR role changes rarely; a lead who lost it keeps their rights at most this long. */
const ROLE_CACHE_MS = 5 * 60_000;

export interface SlackProfile {
  email: string | undefined;
  tz: string | undefined;
  locale: string | undefined;
  realName: string | undefined;
}

/** What the domain needs from Slack, implemented in src/slack/. */
export interface SlackDirectory {
  profile(tenantKey: string, slackUserId: string): Promise<SlackProfile>;
  /** The workspace's member with this email (any case), or undefined when nobody has it. */
  userIdByEmail(tenantKey: string, email: string): Promise<string | undefined>;
}

/**
 * How the COR account that consented compares with the Slack user who asked for the link, by email: `unknown`
 * when either side has none (Slack gives no email without users:read.email; a COR account may have none).
 */
export type EmailCheck = 'same' | 'different' | 'unknown';

/** To the COR account's owner, found in the workspace by its email: another Slack user linked it, or tried. */
export interface AccountClaim {
  bySlackUserId: string;
  corEmail: string;
  /** true: mismatches are allowed, so the link was made; false: it was refused */
  linked: boolean;
}

/**
 * A person's entries still to be written when they link: `released` to be written now (they waited for the
 * re-link), or `ended` because they were asked as another COR account than the one now linked (as with an unlink).
 */
export interface WaitingEntries {
  released: number;
  ended: TimeEntryRequestRecord[];
}

/** Messages the domain asks to be sent; the Slack layer words and shapes them. */
export interface LinkNotifier {
  /**
   * `emails` is `same` unless the operator allows links whose emails do not match; `waiting`: their entries that
   * waited for this link (see WaitingEntries)
   */
  welcome(link: UserLinkRecord, emails: EmailCheck, waiting: WaitingEntries): Promise<void>;
  /** `waiting`: how many of their entries are still to be written (they wait for the re-link) */
  relinkNeeded(link: UserLinkRecord, consentUrl: string | undefined, waiting: number): Promise<void>;
  /** The consent they started was completed by a COR account not shown to be theirs: nothing was linked. */
  linkRefused(tenantKey: string, slackUserId: string, emails: Exclude<EmailCheck, 'same'>): Promise<void>;
  accountClaimed(tenantKey: string, ownerSlackUserId: string, claim: AccountClaim): Promise<void>;
}

interface ConsentSettings {
  /** COR's consent page, e.g. https://acme.cor.works/oauth2/authorize */
  authorizeUrl: string | undefined;
  /** where COR sends people back: ${PUBLIC_URL}/cor/oauth/callback */
  redirectUri: string;
  appName: string;
}

export interface CorPerson {
  id: number;
  name: string;
  email: string | undefined;
}

export type CallbackRefusal =
  | 'missing_state'
  | 'unknown_state'
  | 'used_state'
  | 'expired_state'
  | 'denied'
  | 'missing_code'
  | 'exchange_failed'
  /** the COR account's email is not the Slack user's */
  | 'email_mismatch'
  /** the emails could not be compared (Slack gave none, or the COR account has none) */
  | 'email_unknown';
/** `asker`: who started the link, when the state told (the page they see speaks their language). */
export type CallbackResult = { ok: true; link: UserLinkRecord; emails: EmailCheck } | { ok: false; reason: CallbackRefusal; asker?: { tenantKey: string; slackUserId: string } };

export interface WhoAmI {
  link: UserLinkRecord;
  /** checked against COR just now: `unverified` when COR could not be reached */
  tokenState: 'active' | 'needs_relink' | 'missing' | 'unverified';
  tz: string;
  locale: string;
}

export interface UnlinkResult {
  removed: boolean;
  /** requests that ended with the link: not written (`cancelled`), or maybe written by an earlier attempt (`unknown`) */
  endedEntries: TimeEntryRequestRecord[];
  /** requests COR is being sent right now: they end on their own, and the person is told how */
  inFlightEntries: TimeEntryRequestRecord[];
  discardedTimer: TimerRecord | undefined;
  /** the zone the person's times are shown in */
  tz: string;
}

export interface LinkingDeps {
  store: Pick<Store, 'links' | 'oauthStates' | 'outbox' | 'timers' | 'installations' | 'digests'>;
  corAuth: Pick<CorAuth, 'exchangeCode' | 'refresh'>;
  cor: CorClient;
  appCor: CorApi;
  slack: SlackDirectory;
  notifier: LinkNotifier;
  consent: ConsentSettings;
  /** link a COR account whose email is not the Slack user's (LINK_ALLOW_EMAIL_MISMATCH); false: refuse it */
  allowEmailMismatch: boolean;
  /** after COR refuses a refresh token, how long to watch for another instance's rotated one (default 3 s) */
  rivalWaitMs?: number;
  clock: Clock;
  logger: Logger;
}

export const DEFAULT_TZ = 'UTC';
export const DEFAULT_LOCALE = 'en-US';

function normalEmail(email: string | undefined): string | undefined {
  return email?.trim().toLowerCase() || undefined;
}

/** The rule of a link: the COR account's email must be the Slack user's (trimmed, in any case). */
export function compareEmails(slackEmail: string | undefined, corEmail: string | undefined): EmailCheck {
  const slack = normalEmail(slackEmail);
  const cor = normalEmail(corEmail);
  if (!slack || !cor) return 'unknown';
  return slack === cor ? 'same' : 'different';
}

function personOf(u: CorUser): CorPerson {
  return { id: u.id, name: `${u.first_name} ${u.last_name}`.trim() || `COR user ${u.id}`, email: u.email };
}

/** Linking Slack users to COR users: consent, callback, who-am-I, unlink, and per-user COR access. */
export class LinkingService {
  readonly #d: LinkingDeps;
  /** token refreshes, one at a time per link (a refresh token is single-use) */
  readonly #flights = new SingleFlight<TokenSet>();
  /** Decrypted tokens per link, so a burst of COR calls does not read and decrypt them each time. */
  readonly #tokenCache: LRUCache<string, TokenSet>;
  /** the person's COR role (`role_id` of GET /me), by link, for a few minutes (each digest click asks) */
  readonly #roles: LRUCache<string, { roleId: number | null }, UserLinkRecord>;
  /** the company's users, under one key */
  readonly #users: LRUCache<'all', CorUser[]>;

  constructor(deps: LinkingDeps) {
    this.#d = deps;
    this.#tokenCache = new LRUCache({ ...cacheOptions(deps.clock, PER_PERSON_MAX, TOKENS_CACHE_MS), fetchMethod: (linkId) => deps.store.links.tokens(linkId) });
    this.#roles = new LRUCache({ ...cacheOptions(deps.clock, PER_PERSON_MAX, ROLE_CACHE_MS), fetchMethod: async (_id, _stale, { context: link }) => ({ roleId: (await this.apiFor(link).me()).role_id ?? null }) });
    this.#users = new LRUCache({ ...cacheOptions(deps.clock, 1, USERS_CACHE_MS), fetchMethod: () => deps.appCor.allUsers() });
  }

  /** A one-use consent URL bound to this Slack user. */
  async consentUrl(tenantKey: string, slackUserId: string): Promise<string> {
    const { authorizeUrl, redirectUri, appName } = this.#d.consent;
    if (!authorizeUrl) throw new AppError('linking_off', 'COR_AUTHORIZE_URL is not set, so linking is not possible yet');
    const state = await this.#d.store.oauthStates.issue(tenantKey, slackUserId, this.#d.clock.now(), STATE_TTL_MS);
    const url = new URL(authorizeUrl);
    url.searchParams.set('name', appName);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('redirect_uri', redirectUri);
    url.searchParams.set('state', state);
    return url.toString();
  }

  /** Who this Slack user probably is in COR, by email (the app's own token; all pages; case-insensitive). */
  async guess(tenantKey: string, slackUserId: string): Promise<{ person: CorPerson | undefined; slackEmail: string | undefined }> {
    const profile = await this.#d.slack.profile(tenantKey, slackUserId);
    if (!profile.email) return { person: undefined, slackEmail: undefined };
    const match = (await this.#users.forceFetch('all')).find((u) => compareEmails(profile.email, u.email) === 'same');
    return { person: match ? personOf(match) : undefined, slackEmail: profile.email };
  }

  /**
   * The consent redirect came back: check the state, exchange the code, learn who it is, and store the link when
   * the COR account is the Slack user's own by email (or the operator allows otherwise). The COR account's owner,
   * when someone else in the workspace, is told either way: a link is their decision, not the asker's.
   */
  async completeCallback(params: { code?: string | undefined; state?: string | undefined; error?: string | undefined }): Promise<CallbackResult> {
    const now = this.#d.clock.now();
    const check = await this.#d.store.oauthStates.consume(params.state, now);
    if (!check.ok) return { ok: false, reason: `${check.reason}_state` as CallbackRefusal };
    const asker = { tenantKey: check.tenantKey, slackUserId: check.slackUserId };
    if (params.error) return { ok: false, reason: 'denied', asker };
    if (!params.code) return { ok: false, reason: 'missing_code', asker };
    let tokens: TokenSet;
    let me: CorUser;
    try {
      const fresh = await this.#d.corAuth.exchangeCode(params.code);
      tokens = fresh;
      // The token was just issued: use it as is to learn whose it is.
      me = await this.#d.cor.as({ accessToken: async () => fresh.accessToken, renewAfterRejection: async () => undefined }).me();
    } catch (err) {
      this.#d.logger.warn({ err, tenantKey: check.tenantKey, slackUserId: check.slackUserId }, 'COR code exchange failed');
      return { ok: false, reason: 'exchange_failed', asker };
    }
    const profile = await this.#d.slack.profile(check.tenantKey, check.slackUserId).catch((err: unknown) => {
      this.#d.logger.warn({ err }, 'could not read the Slack profile while linking');
      return { email: undefined, tz: undefined, locale: undefined, realName: undefined } satisfies SlackProfile;
    });
    const { tenantKey, slackUserId } = check;
    let emails = compareEmails(profile.email, me.email);
    let owner: string | undefined;
    if (emails !== 'same' && me.email) {
      owner = await this.#d.slack.userIdByEmail(tenantKey, me.email.trim()).catch((err: unknown) => {
        this.#d.logger.warn({ err }, "could not look up the COR account's owner in Slack");
        return undefined;
      });
      // Slack itself says the COR account's email is the asker's (their profile did not show it).
      if (owner === slackUserId) [emails, owner] = ['same', undefined];
    }
    const claimed = async (linked: boolean) => {
      if (!owner || !me.email) return;
      await this.#d.notifier.accountClaimed(tenantKey, owner, { bySlackUserId: slackUserId, corEmail: me.email, linked }).catch((err: unknown) => this.#d.logger.warn({ err }, "could not tell the COR account's owner"));
    };
    if (emails !== 'same' && !this.#d.allowEmailMismatch) {
      // Nothing is stored, the tokens just issued included: COR's API offers no revocation, so they lapse unused.
      this.#d.logger.warn({ tenantKey, slackUserId, corUserId: me.id, emails, ownerTold: owner !== undefined }, "link refused: the COR account is not shown to be the Slack user's");
      // Both DMs at once: the browser waits for them, one Slack timeout at the most.
      await Promise.all([this.#d.notifier.linkRefused(tenantKey, slackUserId, emails).catch((err: unknown) => this.#d.logger.warn({ err }, 'could not send the link-refused DM')), claimed(false)]);
      return { ok: false, reason: emails === 'different' ? 'email_mismatch' : 'email_unknown', asker };
    }
    const person = personOf(me);
    const before = await this.#d.store.links.find(tenantKey, slackUserId);
    // Entries asked as another COR account end before the link becomes this one: from the update on, an outbox
    // pass would write them as this account.
    const ended = before && before.corUserId !== me.id ? (await this.#d.store.outbox.settleForUnlink(before.id, this.#d.clock.now())).ended : undefined;
    const link = await this.#d.store.links.upsert({
      tenantKey,
      slackUserId,
      corUserId: me.id,
      corName: person.name,
      corEmail: me.email ?? null,
      slackEmail: profile.email ?? null,
      tz: profile.tz ?? null,
      locale: profile.locale ?? null,
      tokens,
    });
    this.#tokenCache.delete(link.id); // a relink keeps the row: forget the old tokens
    const waiting: WaitingEntries = ended ? { released: 0, ended } : { released: before ? await this.#d.store.outbox.releaseParked(link.id, this.#d.clock.now()) : 0, ended: [] };
    this.#d.logger.info({ tenantKey, slackUserId, corUserId: link.corUserId, emails, released: waiting.released, ended: waiting.ended.length }, 'linked');
    await Promise.all([this.#d.notifier.welcome(link, emails, waiting).catch((err: unknown) => this.#d.logger.warn({ err }, 'could not send the welcome DM')), claimed(true)]);
    return { ok: true, link, emails };
  }

  async whoami(tenantKey: string, slackUserId: string): Promise<WhoAmI | undefined> {
    const link = await this.#d.store.links.find(tenantKey, slackUserId);
    if (!link) return undefined;
    const profile = await this.#d.slack.profile(tenantKey, slackUserId).catch(() => undefined);
    // What Slack says now replaces what the link knew; what it does not say (no zone, no locale) keeps it.
    const tz = profile?.tz ?? link.tz;
    const locale = profile?.locale ?? link.locale;
    if (profile && (tz !== link.tz || locale !== link.locale)) await this.#d.store.links.updateProfile(link.id, { tz, locale });
    let tokenState: WhoAmI['tokenState'] = link.state === 'needs_relink' ? 'needs_relink' : link.hasTokens ? 'active' : 'missing';
    if (tokenState === 'active') {
      try {
        await this.apiFor(link).me(); // refreshes the token if it is due: the answer says whether access still works
      } catch (err) {
        tokenState = err instanceof CorError && err.code === 'unauthorized' ? 'needs_relink' : err instanceof AppError && err.code === 'not_linked' ? 'missing' : 'unverified';
      }
    }
    return {
      link: (await this.#d.store.links.findById(link.id)) ?? link,
      tokenState,
      tz: profile?.tz ?? link.tz ?? DEFAULT_TZ,
      locale: profile?.locale ?? link.locale ?? DEFAULT_LOCALE,
    };
  }

  /**
   * Removes the link and its tokens at once. Its time-entry requests stay (the record of what was written): those
   * waiting end now, those being written finish on their own; a running timer (reported back) and their digests go.
   */
  async unlink(tenantKey: string, slackUserId: string): Promise<UnlinkResult> {
    const link = await this.#d.store.links.find(tenantKey, slackUserId);
    if (!link) return { removed: false, endedEntries: [], inFlightEntries: [], discardedTimer: undefined, tz: DEFAULT_TZ };
    const { ended, inFlight } = await this.#d.store.outbox.settleForUnlink(link.id, this.#d.clock.now());
    const discardedTimer = await this.#d.store.timers.stop(link.id);
    // Their digests go too: a lead no longer linked gets none (and the people in them are not read for nobody).
    await this.#d.store.digests.deleteOf(tenantKey, slackUserId);
    this.#tokenCache.delete(link.id);
    const removed = await this.#d.store.links.delete(tenantKey, slackUserId);
    this.#d.logger.info({ tenantKey, slackUserId, ended: ended.length, inFlight: inFlight.length }, 'unlinked');
    return { removed, endedEntries: ended, inFlightEntries: inFlight, discardedTimer, tz: link.tz ?? DEFAULT_TZ };
  }

  /**
   * The workspace uninstalled the app or revoked its tokens: its installation and every link in it go.
   * Idempotent, so app_uninstalled and tokens_revoked may arrive in either order (or twice).
   */
  async forgetWorkspace(tenantKey: string): Promise<{ links: number; installation: boolean }> {
    const links = await this.#d.store.links.deleteTenant(tenantKey);
    await this.#d.store.digests.deleteOf(tenantKey);
    this.#tokenCache.clear();
    const installation = await this.#d.store.installations.delete(tenantKey);
    this.#d.logger.info({ tenantKey, links, installation }, 'workspace forgotten');
    return { links, installation };
  }

  /** The person's link in whatever state it is (needing a re-link included), or undefined when there is none. */
  findLink(tenantKey: string, slackUserId: string): Promise<UserLinkRecord | undefined> {
    return this.#d.store.links.find(tenantKey, slackUserId);
  }

  /**
   * The person changed their Slack profile (often: travelled to another time zone). Reminders are scheduled in
   * the zone stored on the link, so it follows the profile at once rather than waiting for their next command.
   * Returns the link as it is now when it changed (its zone or language), else undefined.
   */
  async followProfile(tenantKey: string, slackUserId: string, profile: { tz: string; locale?: string | undefined }): Promise<UserLinkRecord | undefined> {
    const link = await this.#d.store.links.find(tenantKey, slackUserId);
    if (!link || (link.tz === profile.tz && (profile.locale === undefined || link.locale === profile.locale))) return undefined;
    const changed = { tz: profile.tz, ...(profile.locale ? { locale: profile.locale } : {}) };
    await this.#d.store.links.updateProfile(link.id, changed);
    return { ...link, ...changed };
  }

  /** The link of a user who must be linked to go on; otherwise AppError('not_linked' | 'needs_relink'). */
  async requireLink(tenantKey: string, slackUserId: string): Promise<UserLinkRecord> {
    const link = await this.#d.store.links.find(tenantKey, slackUserId);
    if (!link) throw new AppError('not_linked', 'not linked');
    if (link.state === 'needs_relink' || !link.hasTokens) throw new AppError('needs_relink', 'needs relink');
    return link;
  }

  /**
   * COR as this user. Tokens refresh before expiry and after a 401, once for all concurrent callers; when the
   * refresh fails for good the link is marked and the user gets one DM with a re-link button.
   */
  /** C-Level, Director or Project Manager in COR, asked as them: they create projects and get digests. */
  async isLead(link: UserLinkRecord): Promise<boolean> {
    return isLeadRole(await this.roleOf(link));
  }

  /** The person's COR role id (see `roles.ts`), asked as them and remembered a few minutes. */
  async roleOf(link: UserLinkRecord): Promise<number | null> {
    return (await this.#roles.forceFetch(link.id, { context: link })).roleId;
  }

  apiFor(link: UserLinkRecord): CorApi {
    const { store, notifier, clock, logger } = this.#d;
    return this.#d.cor.as(
      new RefreshingTokenSource({
        key: link.id,
        auth: this.#d.corAuth,
        clock,
        flights: this.#flights,
        ...(this.#d.rivalWaitMs !== undefined ? { rivalWaitMs: this.#d.rivalWaitMs } : {}),
        stored: {
          load: async (opts) => {
            // A cached or in-flight read would do, unless the store itself must be read now (`fresh`).
            if (!opts?.fresh) return this.#tokenCache.fetch(link.id);
            const tokens = await store.links.tokens(link.id);
            if (tokens) this.#tokenCache.set(link.id, tokens);
            else this.#tokenCache.delete(link.id);
            return tokens;
          },
          save: async (tokens) => {
            await store.links.saveTokens(link.id, tokens);
            this.#tokenCache.set(link.id, tokens);
          },
          forgetRefreshToken: async (spent) => {
            await store.links.forgetRefreshToken(link.id, spent.expiresAt);
            this.#tokenCache.delete(link.id);
          },
          markRefreshFailed: async (err: CorError, failed) => {
            this.#tokenCache.delete(link.id);
            const first = await store.links.markNeedsRelink(link.id, clock.now(), failed?.expiresAt);
            logger.warn({ linkId: link.id, code: err.code, first }, 'COR refresh failed for good: the user must link again');
            if (!first) return;
            const consent = await this.consentUrl(link.tenantKey, link.slackUserId).catch(() => undefined);
            // Their entries still to be written wait for the re-link (the outbox parks them): this DM says so, once.
            const waiting = await store.outbox.pendingCount(link.id).catch(() => 0);
            await notifier.relinkNeeded(link, consent, waiting).catch((e: unknown) => logger.warn({ err: e }, 'could not send the re-link DM'));
          },
        },
      }),
    );
  }
}
