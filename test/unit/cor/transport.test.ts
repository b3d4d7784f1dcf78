import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CorTransport } from '../../../src/cor/transport.ts';
import { systemClock } from '../../../src/lib/clock.ts';
import { memoryLogger } from '../../helpers/logger.ts';

/** A COR stand-in that moved its API (302) and answers compressed when asked: what fetch handled on its own. */
describe('CorTransport over HTTP', () => {
  let server: Server;
  let base: string;
  const seen: { path: string; acceptEncoding: string | undefined }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ path: req.url ?? '', acceptEncoding: req.headers['accept-encoding'] });
      if (req.url === '/v1/me') return void res.writeHead(302, { location: '/v2/me' }).end();
      const body = JSON.stringify({ id: 2, first_name: 'Jane', last_name: 'Doe' });
      if (String(req.headers['accept-encoding']).includes('gzip')) {
        return void res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync(body));
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('follows a redirect and reads a gzip answer', async () => {
    const transport = new CorTransport({ apiUrl: `${base}/v1`, integrationsUrl: base, timeoutMs: 2_000, clock: systemClock, logger: memoryLogger().logger });
    const me = await transport.request({ method: 'GET', path: '/me', schema: z.object({ id: z.number(), first_name: z.string() }), retry: 'safe' });
    expect(me).toEqual({ id: 2, first_name: 'Jane' });
    expect(seen.map((s) => s.path)).toEqual(['/v1/me', '/v2/me']);
    expect(seen[1]?.acceptEncoding).toContain('gzip');
  });
});
