import { type AcceptedKinds, resumeAccepted } from './accepted.ts';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type Authorize, HTTPReceiver, type Receiver, SocketModeReceiver } from '@slack/bolt';
import { z } from 'zod';
import { AppError, toUserMessage } from '../errors.ts';
import { textsIn } from '../i18n/texts.ts';
import { boltLogger } from '../logger.ts';
import { registerFeatures } from './features.ts';
import { checkSlackRequest, MAX_SLACK_BODY_BYTES } from './http/request-guard.ts';
import { SLACK_EVENTS_PATH } from './ids.ts';
import { slashCommandSchema, tenantOfCommand, tenantOfInteraction } from './payloads.ts';
import { textsFor } from './person.ts';
import { ListenerRegistry, type Registered } from './registry.ts';
import { postToResponseUrl } from './respond.ts';
import type { HttpRoute } from './routes.ts';
import type { SlackServices } from './services.ts';
import { type SlackClientSettings, slackClientOptions, socketModeClientOptions } from './slack-client.ts';

export interface SlackAppConfig {
  mode: 'socket' | 'http';
  signingSecret: string | undefined;
  appToken: string | undefined;
  apiUrl: string;
  /** `SLACK_TIMEOUT_MS`: every Web API call's timeout */
  slackTimeoutMs: number;
  port: number;
  host: string;
}

export interface SlackRuntime {
  app: App;
  /** Finishes requests a stopped instance acknowledged and left (see accepted.ts); how many were taken over. */
  resumeAccepted(): Promise<number>;
  /** Starts the HTTP listener (both modes) and, in socket mode, the Socket Mode connection. */
  start(): Promise<void>;
  /** Stops taking requests: closes the listener and the socket. In-flight work is the caller's to drain. */
  stop(): Promise<void>;
  /** The bound port (useful when PORT=0). */
  port(): number;
}

const SLACK_PATHS = new Set([SLACK_EVENTS_PATH]);

/** The whole body, or undefined once it passes `limit` bytes (the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    req.on('error', () => resolve(undefined));
  });
}

/**
 * Builds the Bolt app with every listener, the one global error handler, and an HTTP server that serves
 * Slack's requests (HTTP mode) next to the extra routes. Our own server rather than Bolt's `customRoutes`: the
 * request guard (size, timestamps, content type, a listener for the payload) has to see the body before Bolt
 * reads it, and the same routes (health, metrics, OAuth callbacks) are served in Socket Mode too.
 */
export function createSlackApp(config: SlackAppConfig, services: SlackServices, authorize: Authorize<boolean>, routes: HttpRoute[] = []): SlackRuntime {
  const logger = boltLogger(services.logger);
  let receiver: Receiver;
  let httpReceiver: HTTPReceiver | undefined;
  if (config.mode === 'http') {
    if (!config.signingSecret) throw new AppError('config', 'HTTP mode needs a signing secret');
    httpReceiver = new HTTPReceiver({ signingSecret: config.signingSecret, endpoints: [...SLACK_PATHS], logger, processBeforeResponse: false });
    receiver = httpReceiver;
  } else {
    if (!config.appToken) throw new AppError('config', 'Socket Mode needs an app-level token');
    // The configured Web API base for apps.connections.open too (GovSlack, tests), not only for the bot's calls.
    receiver = new SocketModeReceiver({ appToken: config.appToken, logger, installerOptions: { clientOptions: socketModeClientOptions({ apiUrl: config.apiUrl, timeoutMs: config.slackTimeoutMs }) } });
  }

  const app = createBoltApp({ receiver, slack: { apiUrl: config.apiUrl, timeoutMs: config.slackTimeoutMs }, authorize }, services);

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = routes.find((r) => r.path === url.pathname && r.method === req.method);
    if (route) {
      Promise.resolve(route.handler(req, res, url)).catch((err: unknown) => {
        services.logger.error({ err, path: url.pathname }, 'HTTP route failed');
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('Internal error');
      });
      return;
    }
    if (httpReceiver && config.signingSecret && SLACK_PATHS.has(url.pathname)) {
      const receiver = httpReceiver;
      const signingSecret = config.signingSecret;
      void readBody(req, MAX_SLACK_BODY_BYTES).then((body) => {
        if (body === undefined) return void res.writeHead(413, { 'content-type': 'text/plain' }).end('Request too large');
        const verdict = checkSlackRequest(body, req.headers, services.clock.now().getTime(), app.registered, signingSecret);
        if (!verdict.ok) {
          if (verdict.status !== 200) services.logger.warn({ status: verdict.status, reason: verdict.reason }, 'refused a request to /slack/events');
          return void res.writeHead(verdict.status, { 'content-type': 'text/plain' }).end(verdict.reason);
        }
        // Bolt reads an already-buffered body from `rawBody` (and verifies its signature).
        Object.assign(req, { rawBody: body });
        receiver.requestListener(req, res);
      });
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  });

  return {
    app,
    resumeAccepted: () => resumeAccepted(services, app.acceptedKinds),
    async start() {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      if (config.mode === 'socket') await app.start();
    },
    async stop() {
      if (config.mode === 'socket') await app.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
    },
    port() {
      return (server.address() as AddressInfo | null)?.port ?? config.port;
    },
  };
}

/** The Bolt app with every listener and the one global error handler, on any receiver (tests use their own). */
export function createBoltApp(
  opts: { receiver: Receiver; slack: SlackClientSettings; authorize: Authorize<boolean> },
  services: SlackServices,
): App & { registered: Registered; acceptedKinds: AcceptedKinds } {
  const app = new App({
    receiver: opts.receiver,
    logger: boltLogger(services.logger),
    extendedErrorHandler: true,
    // Listeners' `client` as every other Web API client (Bolt gives it its logger).
    clientOptions: slackClientOptions(opts.slack),
    authorize: opts.authorize,
  });

  // Every event's processing is tracked, so a graceful stop finishes what was already acknowledged.
  app.use(async ({ next }) => {
    await services.work.track(next());
  });
  const registry = new ListenerRegistry(app);
  registerFeatures(registry, services);
  const registered = registry.registered;

  app.error(async ({ error, body }: { error: Error; body?: unknown }) => {
    const original = (error as { original?: unknown }).original ?? error;
    services.logger.error({ err: original, code: (original as { code?: unknown }).code }, 'a Slack listener failed');
    const responseUrl = responseUrlOf(body);
    if (!responseUrl) return;
    try {
      const who = whoOf(body);
      const t = who ? await textsFor(services, who.tenantKey, who.slackUserId) : textsIn(services.languages.defaultLanguage);
      await postToResponseUrl(responseUrl, { text: toUserMessage(original, t) });
    } catch (err) {
      services.logger.warn({ err }, 'could not tell the user about a failure');
    }
  });
  return Object.assign(app, { registered, acceptedKinds: registry.acceptedKinds });
}

/** Who a failed request came from (a command's or an interaction's user), to answer in their language. */
function whoOf(body: unknown): { tenantKey: string; slackUserId: string } | undefined {
  const command = slashCommandSchema.safeParse(body);
  if (command.success) return { tenantKey: tenantOfCommand(command.data), slackUserId: command.data.user_id };
  const interaction = z.object({ user: z.object({ id: z.string(), team_id: z.string().optional() }), team: z.object({ id: z.string() }).nullish() }).safeParse(body);
  return interaction.success ? { tenantKey: tenantOfInteraction(interaction.data), slackUserId: interaction.data.user.id } : undefined;
}

function responseUrlOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as { response_url?: unknown; response_urls?: { response_url?: unknown }[] };
  if (typeof b.response_url === 'string') return b.response_url;
  const first = b.response_urls?.[0]?.response_url;
  return typeof first === 'string' ? first : undefined;
}
