import { ClientCredentialsTokenSource, CorAuth } from '../../src/cor/auth.ts';
import { CorClient } from '../../src/cor/client.ts';
import type { RetryPolicy } from '../../src/cor/retry.ts';
import { CorTransport } from '../../src/cor/transport.ts';
import { type Clock, systemClock } from '../../src/lib/clock.ts';
import type { Logger } from '../../src/logger.ts';
import { FAKE_API_KEY, FAKE_CLIENT_SECRET, type FakeCor } from '../../tools/fake-cor/server.ts';
import { memoryLogger } from './logger.ts';

/** Retries quickly in tests; the policy's shape is what is under test, not the waiting. */
export const FAST_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 3_000 };

export interface CorKit {
  transport: CorTransport;
  auth: CorAuth;
  client: CorClient;
  logger: Logger;
  logText(): string;
  sleeps: number[];
}

/** The real COR client, pointed at a fake COR. Sleeps are recorded (and shortened) so retry timing can be checked. */
export function corKit(fake: Pick<FakeCor, 'apiUrl' | 'integrationsUrl'>, opts: { clock?: Clock; timeoutMs?: number; retry?: RetryPolicy } = {}): CorKit {
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
  return { transport, auth, client: new CorClient(transport), logger, logText: text, sleeps };
}

export function appApi(kit: CorKit, clock: Clock = systemClock) {
  return kit.client.as(new ClientCredentialsTokenSource(kit.auth, clock));
}
