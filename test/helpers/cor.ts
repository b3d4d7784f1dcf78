import { ClientCredentialsTokenSource, CorAuth, RefreshingTokenSource } from '../../src/cor/auth.ts';
import type { TokenSet } from '../../src/lib/tokens.ts';
import { type CorApi, CorClient } from '../../src/cor/client.ts';
import type { RetryPolicy } from '../../src/cor/retry.ts';
import { CorTransport } from '../../src/cor/transport.ts';
import { type Clock, systemClock } from '../../src/lib/clock.ts';
import type { Logger } from '../../src/logger.ts';
import { SingleFlight } from '../../src/lib/single-flight.ts';
import type { Store } from '../../src/store/index.ts';
import type { UserLinkRecord } from '../../src/store/links.ts';
import { FAKE_API_KEY, FAKE_CLIENT_SECRET, type FakeCor } from '../../tools/fake-cor/server.ts';
import { memoryLogger } from './logger.ts';

/** Retries quickly in tests; the policy's shape is what is under test, not the waiting. */
const FAST_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 3_000 };

export interface CorKit {
  transport: CorTransport;
  auth: CorAuth;
  client: CorClient;
  logger: Logger;
  logText(): string;
  sleeps: number[];
}

/** The real COR client, pointed at a fake COR. Sleeps are recorded (and shortened) so retry timing can be checked. */
export function corKit(fake: Pick<FakeCor, 'apiUrl' | 'integrationsUrl'>, opts: { clock?: Clock; timeoutMs?: number; retry?: RetryPolicy; maxPages?: number } = {}): CorKit {
  const { logger, text } = memoryLogger();
  const sleeps: number[] = [];
  const clock = opts.clock ?? systemClock;
  const transport = new CorTransport({
    apiUrl: fake.apiUrl,
    integrationsUrl: fake.integrationsUrl,
    timeoutMs: opts.timeoutMs ?? 2_000,
    clock,
    logger,
    retry: opts.retry ?? FAST_RETRY,
    sleep: async (ms) => {
      sleeps.push(ms);
      await new Promise((r) => setTimeout(r, Math.min(ms, 5)));
    },
  });
  const auth = new CorAuth(transport, { apiKey: FAKE_API_KEY, clientSecret: FAKE_CLIENT_SECRET }, clock);
  return { transport, auth, client: new CorClient(transport, opts.maxPages === undefined ? {} : { maxPages: opts.maxPages }), logger, logText: text, sleeps };
}

export function appApi(kit: CorKit, clock: Clock = systemClock) {
  return kit.client.as(new ClientCredentialsTokenSource(kit.auth, clock));
}

/** A person linked as after the OAuth flow (in T0DEMO), with tokens the fake COR accepts for an hour from `now`. */
export async function storeLinkedUser(
  store: Store,
  fake: FakeCor,
  /** `locale`: the Slack locale the link keeps (default en-US: answers in English unless a test says otherwise) */
  person: { corUserId: number; tz: string | null; slackUserId?: string; corName?: string; now?: Date; locale?: string | null },
): Promise<UserLinkRecord> {
  const t = fake.issueTokens(person.corUserId);
  return store.links.upsert({
    tenantKey: 'T:T0DEMO',
    slackUserId: person.slackUserId ?? 'U01JANE',
    corUserId: person.corUserId,
    corName: person.corName ?? 'Jane Doe',
    tz: person.tz,
    locale: person.locale === undefined ? 'en-US' : person.locale,
    tokens: { accessToken: t.access_token, refreshToken: t.refresh_token, expiresAt: new Date((person.now ?? new Date()).getTime() + 3_600_000) },
  });
}

/** COR as a stored link: its tokens read from the store, refreshed and saved back (one refresh at a time). */
export function apiForStoredLinks(kit: CorKit, store: Store, clock: Clock): (link: UserLinkRecord) => CorApi {
  const flights = new SingleFlight<TokenSet>();
  return (link) =>
    kit.client.as(
      new RefreshingTokenSource({
        key: link.id,
        auth: kit.auth,
        clock,
        flights,
        stored: { load: () => store.links.tokens(link.id), save: (tk) => store.links.saveTokens(link.id, tk), markRefreshFailed: async () => undefined, forgetRefreshToken: (spent) => store.links.forgetRefreshToken(link.id, spent.expiresAt) },
      }),
    );
}
