/**
 * A fake Slack Web API over real HTTP, for tests and benchmarks. It answers the methods the bot calls the
 * way Slack does (form or JSON bodies in, `{ok: ...}` JSON out, HTTP 429 with Retry-After), records every
 * call, and serves response_url endpoints.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { close, listen, readBody, sendJson } from '../http-util.ts';

export interface FakeSlackUser {
  id: string;
  team_id: string;
  name: string;
  real_name: string;
  tz: string;
  tz_offset?: number;
  locale?: string;
  email?: string;
  deleted?: boolean;
  is_bot?: boolean;
}

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
}

export interface RecordedResponse {
  id: string;
  body: Record<string, unknown>;
}

export interface FakeWorkspace {
  teamId: string;
  botToken: string;
  botUserId: string;
  botId: string;
}

export interface FakeSlackOptions {
  workspaces?: FakeWorkspace[];
  users?: FakeSlackUser[];
  /** per-method cap of calls per second; beyond it Slack answers 429 with Retry-After: 1 */
  rateLimits?: Record<string, number>;
}

export const DEFAULT_WORKSPACE: FakeWorkspace = { teamId: 'T0DEMO', botToken: 'xoxb-fake-demo-token', botUserId: 'UBOT', botId: 'BBOT' };

export const DEMO_SLACK_USERS: FakeSlackUser[] = [
  { id: 'U01JANE', team_id: 'T0DEMO', name: 'jane', real_name: 'Jane Doe', tz: 'America/Argentina/Buenos_Aires', tz_offset: -10800, locale: 'es-LA', email: 'jane.doe@acme.example' },
  { id: 'U02JOHN', team_id: 'T0DEMO', name: 'john', real_name: 'John Smith', tz: 'America/New_York', tz_offset: -18000, locale: 'en-US', email: 'john.smith@acme.example' },
  { id: 'U03ANA', team_id: 'T0DEMO', name: 'ana', real_name: 'Ana Souza', tz: 'America/Sao_Paulo', tz_offset: -10800, locale: 'pt-BR', email: 'ana.souza@acme.example' },
  { id: 'U04MIKE', team_id: 'T0DEMO', name: 'mike', real_name: 'Mike Brown', tz: 'Europe/London', tz_offset: 0, locale: 'en-GB', email: 'mike.brown@acme.example' },
];

/** Slack's Web API sends nested values (blocks, view) as JSON strings inside form bodies. */
function parseArgs(contentType: string | undefined, raw: string): Record<string, unknown> {
  if (contentType?.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    args[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return args;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return v;
  }
}

export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  readonly responses: RecordedResponse[] = [];
  readonly users = new Map<string, FakeSlackUser>();
  readonly workspaces: FakeWorkspace[];
  readonly #rateLimits: Record<string, number>;
  readonly #windows = new Map<string, { second: number; count: number }>();
  readonly #server: Server;
  #port = 0;
  #seq = 0;
  #views = new Map<string, Record<string, unknown>>();
  readonly #latency = new Map<string, number>();

  constructor(opts: FakeSlackOptions = {}) {
    this.workspaces = opts.workspaces ?? [DEFAULT_WORKSPACE];
    for (const u of opts.users ?? DEMO_SLACK_USERS) this.users.set(u.id, u);
    this.#rateLimits = opts.rateLimits ?? {};
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((err: unknown) => sendJson(res, 500, { ok: false, error: String(err) }));
    });
  }

  async start(port = 0): Promise<this> {
    this.#port = await listen(this.#server, port);
    return this;
  }

  stop(): Promise<void> {
    return close(this.#server);
  }

  /** Base URL for SLACK_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.#port}/api/`;
  }

  /** A fresh response_url for one incoming request. */
  newResponseUrl(): string {
    return `http://127.0.0.1:${this.#port}/response/R${++this.#seq}`;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Waits until `predicate` holds over the recorded calls (work continues after acks). */
  async waitFor<T>(read: () => T | undefined | false, timeoutMs = 5_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = read();
      if (value) return value;
      if (Date.now() > deadline) throw new Error('fake Slack: condition not met in time');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Delays the answers of one method (slow Slack). */
  setLatency(method: string, ms: number | undefined): void {
    if (ms === undefined) this.#latency.delete(method);
    else this.#latency.set(method, ms);
  }

  setRateLimit(method: string, perSecond: number | undefined): void {
    if (perSecond === undefined) delete this.#rateLimits[method];
    else this.#rateLimits[method] = perSecond;
  }

  #limited(method: string): boolean {
    const cap = this.#rateLimits[method];
    if (cap === undefined) return false;
    const second = Math.floor(Date.now() / 1000);
    const w = this.#windows.get(method);
    if (!w || w.second !== second) {
      this.#windows.set(method, { second, count: 1 });
      return false;
    }
    w.count++;
    return w.count > cap;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const raw = await readBody(req);
    if (url.pathname.startsWith('/response/')) {
      const body = (safeJson(raw) ?? {}) as Record<string, unknown>;
      this.responses.push({ id: url.pathname.slice('/response/'.length), body });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      res.writeHead(404).end();
      return;
    }
    const method = url.pathname.slice('/api/'.length);
    const args = parseArgs(req.headers['content-type'], raw);
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : typeof args.token === 'string' ? args.token : undefined;
    if (this.#limited(method)) {
      sendJson(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' });
      return;
    }
    this.calls.push({ method, args, token });
    const delay = this.#latency.get(method);
    if (delay) await new Promise((r) => setTimeout(r, delay));
    const workspace = this.workspaces.find((w) => w.botToken === token);
    if (!workspace) {
      sendJson(res, 200, { ok: false, error: token ? 'invalid_auth' : 'not_authed' });
      return;
    }
    sendJson(res, 200, this.#answer(method, args, workspace));
  }

  #answer(method: string, args: Record<string, unknown>, ws: FakeWorkspace): Record<string, unknown> {
    const ts = () => `${Math.floor(Date.now() / 1000)}.${String(++this.#seq).padStart(6, '0')}`;
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://demo.slack.example/', team: 'Demo', user: 'cor', team_id: ws.teamId, user_id: ws.botUserId, bot_id: ws.botId };
      case 'chat.postMessage':
        return { ok: true, channel: this.#dmChannel(String(args.channel)), ts: ts(), message: { text: args.text, blocks: args.blocks } };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: ts() };
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case 'views.open':
      case 'views.push':
      case 'views.publish':
      case 'views.update': {
        const id = method === 'views.update' && typeof args.view_id === 'string' ? args.view_id : `V${++this.#seq}`;
        const view = { ...(args.view as Record<string, unknown>), id, hash: `h${++this.#seq}` };
        this.#views.set(id, view);
        return { ok: true, view };
      }
      case 'users.info': {
        const user = this.users.get(String(args.user));
        if (!user || user.team_id !== ws.teamId) return { ok: false, error: 'user_not_found' };
        return { ok: true, user: this.#userJson(user, args.include_locale === true || args.include_locale === 'true') };
      }
      case 'users.lookupByEmail': {
        const email = String(args.email).toLowerCase();
        const user = [...this.users.values()].find((u) => u.team_id === ws.teamId && u.email?.toLowerCase() === email);
        return user ? { ok: true, user: this.#userJson(user, false) } : { ok: false, error: 'users_not_found' };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: this.#dmChannel(String(args.users)) } };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  #dmChannel(target: string): string {
    return target.startsWith('U') ? `D${target.slice(1)}` : target;
  }

  #userJson(u: FakeSlackUser, withLocale: boolean): Record<string, unknown> {
    return {
      id: u.id,
      team_id: u.team_id,
      name: u.name,
      real_name: u.real_name,
      deleted: u.deleted ?? false,
      is_bot: u.is_bot ?? false,
      tz: u.tz,
      tz_label: u.tz,
      tz_offset: u.tz_offset ?? 0,
      ...(withLocale && u.locale ? { locale: u.locale } : {}),
      profile: { real_name: u.real_name, display_name: u.name, ...(u.email ? { email: u.email } : {}) },
    };
  }
}
