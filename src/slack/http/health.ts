import type { Clock } from '../../lib/clock.ts';
import type { Logger } from '../../logger.ts';
import type { HttpRoute } from '../routes.ts';

/** How long a COR reachability answer is reused, so probes every few seconds do not hammer COR. */
const COR_CHECK_TTL_MS = 30_000;

/** What the health check asks (main.ts passes the store's ping and a COR call as the app itself). */
export interface HealthProbes {
  /** resolves while the store answers */
  store(): Promise<unknown>;
  /** resolves while COR answers */
  cor(): Promise<unknown>;
}

/**
 * GET /healthz: 200 while the store answers (COR being down does not make this instance unhealthy,
 * it is reported in the body); 503 when the store does not answer.
 */
export function healthRoute(probes: HealthProbes, services: { clock: Clock; logger: Logger }): HttpRoute {
  let corCheck: { at: number; ok: boolean; error?: string } | undefined;

  async function corReachable(): Promise<{ ok: boolean; error?: string }> {
    const now = services.clock.now().getTime();
    if (corCheck && now - corCheck.at < COR_CHECK_TTL_MS) return corCheck;
    try {
      await probes.cor();
      corCheck = { at: now, ok: true };
    } catch (err) {
      corCheck = { at: now, ok: false, error: (err as { code?: string }).code ?? 'unknown' };
    }
    return corCheck;
  }

  return {
    method: 'GET',
    path: '/healthz',
    async handler(_req, res) {
      const [store, cor] = await Promise.all([
        probes.store().then(
          () => ({ ok: true }),
          (err: unknown) => {
            services.logger.error({ err }, 'health check: store did not answer');
            return { ok: false };
          },
        ),
        corReachable(),
      ]);
      const body = {
        status: store.ok ? (cor.ok ? 'ok' : 'degraded') : 'down',
        store: store.ok ? 'ok' : 'error',
        cor: cor.ok ? 'ok' : `error: ${cor.error}`,
      };
      res.writeHead(store.ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    },
  };
}
