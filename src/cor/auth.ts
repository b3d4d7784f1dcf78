import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { Clock } from '../lib/clock.ts';
import { SingleFlight } from '../lib/single-flight.ts';
import type { TokenSet } from '../lib/tokens.ts';
import { CorError } from './errors.ts';
import { flatTokenSchema, nestedTokenSchema } from './schemas.ts';
import type { CorTransport } from './transport.ts';

/** Without expires_in COR tokens last about an hour (NOTES.md). */
const DEFAULT_TTL_MS = 3_600_000;

const tokenAnswer = z.union([flatTokenSchema, nestedTokenSchema]);
type TokenAnswer = z.infer<typeof tokenAnswer>;

function toTokenSet(answer: TokenAnswer, now: Date): TokenSet {
  if ('token' in answer) {
    const t = answer.token;
    // expirationTime is in milliseconds: an absolute epoch time when it is that large, else a lifetime.
    const exp = t.expirationTime;
    const expiresAt =
      exp === undefined ? new Date(now.getTime() + DEFAULT_TTL_MS) : exp > 1e12 ? new Date(exp) : new Date(now.getTime() + exp);
    return { accessToken: t.access_token, refreshToken: t.refreshToken ?? undefined, expiresAt };
  }
  const ttl = answer.expires_in === undefined ? DEFAULT_TTL_MS : answer.expires_in * 1000;
  return { accessToken: answer.access_token, refreshToken: answer.refresh_token ?? undefined, expiresAt: new Date(now.getTime() + ttl) };
}

/** COR's token endpoints: client credentials, authorization code, refresh (rotating), user credentials. */
export class CorAuth {
  readonly #transport: CorTransport;
  readonly #basic: string;
  readonly #clock: Clock;

  constructor(transport: CorTransport, credentials: { apiKey: string; clientSecret: string }, clock: Clock) {
    this.#transport = transport;
    this.#basic = `Basic ${Buffer.from(`${credentials.apiKey}:${credentials.clientSecret}`).toString('base64')}`;
    this.#clock = clock;
  }

  async clientCredentials(): Promise<TokenSet> {
    const answer = await this.#transport.request({
      method: 'POST',
      path: '/oauth/token',
      query: { grant_type: 'client_credentials' },
      authorization: this.#basic,
      schema: tokenAnswer,
      retry: 'token',
    });
    return toTokenSet(answer, this.#clock.now());
  }

  /** Exchanges the code from COR's consent redirect; parameters go in the query, as the contract says. */
  async exchangeCode(code: string): Promise<TokenSet> {
    const answer = await this.#transport.request({
      method: 'POST',
      path: '/oauth2/token',
      query: { grant_type: 'authorization_code', code },
      authorization: this.#basic,
      schema: tokenAnswer,
      retry: 'token',
    });
    return toTokenSet(answer, this.#clock.now());
  }

  /** The answer carries a new refresh token: the caller must store it (rotation). */
  async refresh(refreshToken: string): Promise<TokenSet> {
    const answer = await this.#transport.request({
      method: 'POST',
      path: '/oauth/refreshtoken',
      form: { refresh_token: refreshToken },
      schema: tokenAnswer,
      // Sent once: a rotating refresh token COR may already have spent must not be sent again.
      retry: 'never',
    });
    const set = toTokenSet(answer, this.#clock.now());
    return { ...set, refreshToken: set.refreshToken ?? refreshToken };
  }

  /** Testing only, per COR's docs. Accepts both the flat and the nested answer. */
  async login(email: string, password: string): Promise<TokenSet> {
    const answer = await this.#transport.request({
      method: 'POST',
      path: '/auth/login',
      form: { email, password },
      schema: tokenAnswer,
      retry: 'token',
    });
    return toTokenSet(answer, this.#clock.now());
  }
}

/** Where a COR call gets its bearer token. */
export interface AccessTokenSource {
  accessToken(): Promise<string>;
  /** After a 401 with `rejected`: a fresh token to try once more, or undefined when there is none. */
  renewAfterRejection(rejected: string): Promise<string | undefined>;
}

/** Refresh this long before expiry, so a request never leaves with a token about to lapse. */
const REFRESH_SKEW_MS = 60_000;

/** The app's own identity (client credentials), kept in memory and renewed before it lapses. */
export class ClientCredentialsTokenSource implements AccessTokenSource {
  readonly #auth: CorAuth;
  readonly #clock: Clock;
  readonly #flight = new SingleFlight<TokenSet>();
  #current: TokenSet | undefined;

  constructor(auth: CorAuth, clock: Clock) {
    this.#auth = auth;
    this.#clock = clock;
  }

  async accessToken(): Promise<string> {
    if (this.#current && this.#current.expiresAt.getTime() - this.#clock.now().getTime() > REFRESH_SKEW_MS) {
      return this.#current.accessToken;
    }
    return (await this.#renew()).accessToken;
  }

  async renewAfterRejection(rejected: string): Promise<string | undefined> {
    if (this.#current && this.#current.accessToken !== rejected) return this.#current.accessToken;
    this.#current = undefined;
    return (await this.#renew()).accessToken;
  }

  #renew(): Promise<TokenSet> {
    return this.#flight.run('app', async () => {
      this.#current = await this.#auth.clientCredentials();
      return this.#current;
    });
  }
}

export interface StoredTokens {
  /** `fresh`: read past any cache (before spending a refresh token another instance may have rotated) */
  load(opts?: { fresh: boolean }): Promise<TokenSet | undefined>;
  save(tokens: TokenSet): Promise<void>;
  /** Refresh failed for good: the person must link again. `failed`: the tokens that could not be refreshed. */
  markRefreshFailed(err: CorError, failed: TokenSet | undefined): Promise<void>;
  /** A refresh whose outcome is unknown: its refresh token is never sent again (the access token stays). */
  forgetRefreshToken(spent: TokenSet): Promise<void>;
}

/** Errors after which COR may have spent the refresh token: it timed out, or the connection broke once sent. */
function refreshOutcomeUnknown(err: unknown): boolean {
  if (!(err instanceof CorError)) return false;
  if (err.code === 'timeout') return true;
  const code = (err.cause as { code?: unknown } | undefined)?.code;
  return err.code === 'network' && !['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT'].includes(String(code));
}

/** How long a refused refresh watches the store for a token a rival rotated, and how often it looks. */
const RIVAL_WAIT_MS = 3_000;
const RIVAL_POLL_MS = 200;

/**
 * A user's tokens, persisted by the caller. Refreshes shortly before expiry and after a 401; concurrent
 * callers for the same key (the same user) share one refresh through the shared SingleFlight. Other instances
 * and instances share only the store: a refresh COR refuses is checked against it before the link is broken.
 */
export class RefreshingTokenSource implements AccessTokenSource {
  readonly #key: string;
  readonly #stored: StoredTokens;
  readonly #auth: Pick<CorAuth, 'refresh'>;
  readonly #clock: Clock;
  readonly #flights: SingleFlight<TokenSet>;
  readonly #rivalWaitMs: number;

  /**
   * `rivalWaitMs`: after COR refuses a refresh token, how long to watch the store for one another
   * instance rotated meanwhile (they share the store, not the single-flight) before calling the link broken.
   */
  constructor(opts: { key: string; stored: StoredTokens; auth: Pick<CorAuth, 'refresh'>; clock: Clock; flights: SingleFlight<TokenSet>; rivalWaitMs?: number }) {
    this.#rivalWaitMs = opts.rivalWaitMs ?? RIVAL_WAIT_MS;
    this.#key = opts.key;
    this.#stored = opts.stored;
    this.#auth = opts.auth;
    this.#clock = opts.clock;
    this.#flights = opts.flights;
  }

  async accessToken(): Promise<string> {
    const current = await this.#loadOrFail();
    if (this.#fresh(current)) return current.accessToken;
    // No refresh token left (an earlier refresh's outcome is unknown): the access token serves to its end.
    if (!current.refreshToken && this.#valid(current)) return current.accessToken;
    try {
      return (await this.#refresh((t) => this.#fresh(t), true)).accessToken;
    } catch (err) {
      // COR could not refresh just now: the access token still works, so the request goes on with it.
      if (this.#valid(current) && (refreshOutcomeUnknown(err) || (err instanceof CorError && ['network', 'server', 'rate_limited', 'bad_response'].includes(err.code)))) {
        return current.accessToken;
      }
      throw err;
    }
  }

  #valid(tokens: TokenSet): boolean {
    return tokens.expiresAt.getTime() > this.#clock.now().getTime();
  }

  async renewAfterRejection(rejected: string): Promise<string | undefined> {
    const current = await this.#loadOrFail();
    if (current.accessToken !== rejected) return current.accessToken;
    return (await this.#refresh((t) => t.accessToken !== rejected, false)).accessToken;
  }

  #fresh(tokens: TokenSet): boolean {
    return tokens.expiresAt.getTime() - this.#clock.now().getTime() > REFRESH_SKEW_MS;
  }

  async #loadOrFail(fresh = false): Promise<TokenSet> {
    const current = await this.#stored.load({ fresh });
    if (!current) throw new AppError('not_linked', 'No COR tokens are stored for this user.');
    return current;
  }

  /**
   * `usable` says whether what is stored now (maybe refreshed by another caller meanwhile) will do. `stillValid`:
   * an access token that has not expired will do too when there is nothing to refresh with (no re-link while it works).
   */
  #refresh(usable: (tokens: TokenSet) => boolean, stillValid: boolean): Promise<TokenSet> {
    return this.#flights.run(this.#key, async () => {
      const current = await this.#loadOrFail(true);
      if (usable(current)) return current;
      if (!current.refreshToken && stillValid && this.#valid(current)) return current;
      if (!current.refreshToken) {
        const err = new CorError('unauthorized', { method: 'POST', path: '/oauth/refreshtoken', corMessage: 'no refresh token stored' });
        await this.#stored.markRefreshFailed(err, current);
        throw err;
      }
      try {
        const next = await this.#auth.refresh(current.refreshToken);
        await this.#stored.save(next);
        return next;
      } catch (err) {
        if (err instanceof CorError && (err.code === 'unauthorized' || err.code === 'validation' || err.code === 'forbidden')) {
          const rotated = await this.#rotatedByRival(current.refreshToken, usable);
          if (rotated) return rotated;
          await this.#stored.markRefreshFailed(err, current);
        } else if (refreshOutcomeUnknown(err)) {
          await this.#stored.forgetRefreshToken(current);
        }
        throw err;
      }
    });
  }

  /** Rotating refresh tokens are single-use: a refusal may only mean someone else used ours first and saved theirs. */
  async #rotatedByRival(spent: string, usable: (tokens: TokenSet) => boolean): Promise<TokenSet | undefined> {
    for (let waited = 0; ; waited += RIVAL_POLL_MS) {
      const now = await this.#stored.load({ fresh: true });
      if (now && now.refreshToken !== spent && usable(now)) return now;
      if (waited >= this.#rivalWaitMs) return undefined;
      await new Promise((resolve) => setTimeout(resolve, RIVAL_POLL_MS));
    }
  }
}
