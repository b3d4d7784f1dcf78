/**
 * A fake COR over real HTTP, following ../shared/cor/openapi.json for the REST API (paths, query
 * `filters` as URL-encoded JSON, numbers sometimes as strings, several error shapes) and COR's docs for the
 * OAuth consent and the Integrations API. Seeded with a demo company; tokens expire; faults can be injected.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { close, listen, readBody, sendJson } from '../http-util.ts';

/** Entries written through the API get ids above this one (seeded ones are below). */
const FIRST_WRITTEN_ID = 100_000;
import { demoSeed, type Seed, type SeedHour, type SeedLeave, type SeedProject, type SeedTask, type SeedUser } from './seed.ts';
import { localParts } from '../../src/lib/zoned.ts';

export const FAKE_API_KEY = 'fake-cor-api-key';
export const FAKE_CLIENT_SECRET = 'fake-cor-client-secret';
/** The user the app's own key (client credentials) acts as. */
const API_KEY_OWNER_ID = 1;

export interface Fault {
  method?: string;
  /** matched against the request path (without the query) */
  path?: string | RegExp;
  /** answer with this status (and a COR error body) */
  status?: number;
  /** sent as Retry-After with a 429 */
  retryAfter?: string;
  /** wait this long before answering (alone: a slow but correct answer) */
  latencyMs?: number;
  /** never answer (the client's timeout fires) */
  hang?: boolean;
  /** answer only once this settles (a test releases the answers when it chooses: order, not time) */
  until?: Promise<unknown>;
  /** with `afterHandling`: the work is done at once, and the answer waits until this settles (a lost answer, in order) */
  answerAfter?: Promise<unknown>;
  /** called when a request it hits arrives (a test waits for it: the request is then in COR's hands) */
  arrived?: () => void;
  /** answer 200 with a body that is not JSON */
  malformed?: boolean;
  /** do the work first, then fail the answer: the "was it written?" case */
  afterHandling?: boolean;
  /** how many matching requests it hits; default: all */
  times?: number;
  /** hit only one in every N matching requests (a share of the traffic, the same in every run) */
  every?: number;
}

export interface RecordedExchange {
  method: string;
  path: string;
  /** the route template, e.g. "/tasks/{task_id}" */
  route: string;
  query: Record<string, string>;
  body: unknown;
  contentType: string | undefined;
  authorization: string | undefined;
  userId: number | undefined;
  status: number;
  response: unknown;
}

export interface FakeCorOptions {
  seed?: Seed;
  /** lifetime of access tokens, seconds (default 3600) */
  tokenTtlSeconds?: number;
  /** shape of the /auth/login answer: COR documents flat, real clients saw nested */
  loginShape?: 'flat' | 'nested';
  /** read the time (hour entries' created_at, token expiry) */
  now?: () => Date;
  /**
   * How hour entries' zone-less `start`/`stop` are written in answers: UTC (the default), or wall time in the
   * entry's user's zone (`user.timezone`). COR's documents don't say which: the bot must cope with both.
   */
  hourTimes?: 'utc' | 'user-zone';
}

interface TokenGrant {
  userId: number;
  expiresAt: number;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

const corError = (status: number, code: string, message: string) => new HttpError(status, { status, name: 'CORCustomError', code, message });
const integrationError = (status: number, name: string, code: string, message: string) => new HttpError(status, { status, name, code, message });
const INTEGRATION_SOURCES = ['JIRA', 'SALESFORCE', 'ADVERTMIND', 'QUICKBOOKS', 'ZAPIER', 'OKTA', 'MICROSOFT_DYNAMICS', 'GITHUB', 'MICROSOFT_TEAMS', 'VBS', 'SAP', 'GLOBANT'];

/** Every demo user's COR zone, as COR gives it with their entries. */
const USER_TIMEZONE = 'America/Buenos_Aires';

function corDateTime(d: Date): string {
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

function asArray<T>(v: T | T[] | undefined): T[] | undefined {
  return v === undefined ? undefined : Array.isArray(v) ? v : [v];
}

export class FakeCor {
  readonly data: Seed;
  readonly exchanges: RecordedExchange[] = [];
  readonly #faults: (Fault & { hits: number; seen: number })[] = [];
  readonly #accessTokens = new Map<string, TokenGrant>();
  readonly #refreshTokens = new Map<string, number>();
  readonly #codes = new Map<string, { userId: number; redirectUri: string }>();
  readonly #server: Server;
  readonly #ttlMs: number;
  readonly #loginShape: 'flat' | 'nested';
  readonly #now: () => Date;
  readonly #hourTimes: 'utc' | 'user-zone';
  /** The most items a page holds whatever `perPage` asks: a COR that pages small, so long lists take many pages. */
  maxPerPage = Number.POSITIVE_INFINITY;
  /** A COR whose `GET /hours` ignores the `users` filter (answering everyone's entries): the bot must not count them. */
  ignoresHoursUsersFilter = false;
  #nextId = FIRST_WRITTEN_ID;
  #port = 0;

  constructor(opts: FakeCorOptions = {}) {
    this.data = opts.seed ?? demoSeed();
    this.#ttlMs = (opts.tokenTtlSeconds ?? 3600) * 1000;
    this.#loginShape = opts.loginShape ?? 'flat';
    this.#now = opts.now ?? (() => new Date());
    this.#hourTimes = opts.hourTimes ?? 'utc';
    this.#server = createServer((req, res) => void this.#handle(req, res));
  }

  async start(port = 0, host = '127.0.0.1'): Promise<this> {
    this.#port = await listen(this.#server, port, host);
    return this;
  }

  stop(): Promise<void> {
    return close(this.#server);
  }

  get port(): number {
    return this.#port;
  }
  /** COR_API_URL */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.#port}/v1`;
  }
  /** COR_INTEGRATIONS_URL */
  get integrationsUrl(): string {
    return `http://127.0.0.1:${this.#port}`;
  }
  /** COR_AUTHORIZE_URL */
  get authorizeUrl(): string {
    return `http://127.0.0.1:${this.#port}/oauth2/authorize`;
  }

  addFault(fault: Fault): void {
    this.#faults.push({ ...fault, hits: 0, seen: 0 });
  }
  clearFaults(): void {
    this.#faults.length = 0;
  }

  /** Issues tokens for a user directly (tests that do not go through the consent page). */
  issueTokens(userId: number, ttlMs = this.#ttlMs): { access_token: string; refresh_token: string; expires_in: number; token_type: string } {
    const access = `cor-at-${randomBytes(12).toString('hex')}`;
    const refresh = `cor-rt-${randomBytes(12).toString('hex')}`;
    this.#accessTokens.set(access, { userId, expiresAt: this.#now().getTime() + ttlMs });
    this.#refreshTokens.set(refresh, userId);
    return { access_token: access, refresh_token: refresh, expires_in: Math.round(ttlMs / 1000), token_type: 'Bearer' };
  }

  /** Revokes every refresh token of a user (refresh then fails for good). */
  revokeRefreshTokens(userId: number): void {
    for (const [token, owner] of this.#refreshTokens) if (owner === userId) this.#refreshTokens.delete(token);
  }

  expireAccessTokens(): void {
    for (const grant of this.#accessTokens.values()) grant.expiresAt = 0;
  }

  requestsTo(method: string, route: string): RecordedExchange[] {
    return this.exchanges.filter((e) => e.method === method && e.route === route);
  }

  hoursOf(userId: number): SeedHour[] {
    return this.data.hours.filter((h) => h.user_id === userId);
  }

  #matchFault(method: string, path: string): (Fault & { hits: number }) | undefined {
    for (const f of this.#faults) {
      if (f.method && f.method !== method) continue;
      if (f.path && !(typeof f.path === 'string' ? path === f.path : f.path.test(path))) continue;
      if (f.times !== undefined && f.hits >= f.times) continue;
      if (f.every !== undefined && ++f.seen % f.every !== 0) continue;
      f.hits++;
      return f;
    }
    return undefined;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    const contentType = req.headers['content-type'];
    let body: unknown;
    if (contentType?.includes('application/json')) {
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        return sendJson(res, 400, { error: 400, message: 'Malformed JSON body' });
      }
    } else if (contentType?.includes('application/x-www-form-urlencoded')) {
      body = Object.fromEntries(new URLSearchParams(raw));
    }
    const query = Object.fromEntries(url.searchParams);

    if (url.pathname.startsWith('/__fake/')) return this.#admin(method, url.pathname, url.searchParams, body, res);
    if (method === 'GET' && url.pathname === '/oauth2/authorize') return this.#consent(url, res);

    const fault = this.#matchFault(method, url.pathname.replace(/^\/v1/, ''));
    fault?.arrived?.();
    if (fault?.latencyMs) await new Promise((r) => setTimeout(r, fault.latencyMs));
    if (fault?.until) await fault.until;
    if (fault?.hang && !fault.afterHandling) {
      req.socket.setTimeout(0);
      return; // never answers; the client gives up
    }
    const failing = fault !== undefined && (fault.status !== undefined || fault.malformed === true);
    if (fault && failing && !fault.afterHandling) {
      // Recorded too (the route is the plain path): tests count attempts that COR turned away.
      const route = url.pathname.replace(/^\/v1/, '');
      this.exchanges.push({ method, path: url.pathname, route, query, body, contentType, authorization: req.headers.authorization, userId: undefined, status: fault.status ?? 500, response: undefined });
      return this.#failWith(fault, res);
    }

    let status = 200;
    let response: unknown;
    let route = url.pathname;
    let userId: number | undefined;
    try {
      const result = this.#route(method, url.pathname, query, body, req.headers.authorization);
      route = result.route;
      userId = result.userId;
      status = result.status ?? 200;
      response = result.body;
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      status = err.status;
      response = err.body;
      route = (err as HttpError & { route?: string }).route ?? route;
    }
    this.exchanges.push({ method, path: url.pathname, route, query, body, contentType, authorization: req.headers.authorization, userId, status, response });
    if (fault?.hang) {
      req.socket.setTimeout(0);
      return; // done, but the answer never comes: the client gives up not knowing
    }
    if (fault?.answerAfter) await fault.answerAfter;
    if (fault && failing) return this.#failWith(fault, res);
    sendJson(res, status, response);
  }

  #failWith(fault: Fault, res: ServerResponse): void {
    if (fault.malformed) {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"data": [ this is not json');
      return;
    }
    const status = fault.status ?? 500;
    const headers: Record<string, string> = fault.retryAfter ? { 'retry-after': fault.retryAfter } : {};
    const bodies: Record<number, unknown> = {
      429: { status: 429, code: 'TOO_MANY_REQUESTS', message: 'Too many requests' },
      401: { status: 401, name: 'CORCustomError', code: 'UNAUTHORIZED', message: 'Invalid or expired token' },
    };
    sendJson(res, status, bodies[status] ?? { error: status, message: status >= 500 ? 'Internal server error' : 'Request failed' }, headers);
  }

  #admin(method: string, path: string, query: URLSearchParams, body: unknown, res: ServerResponse): void {
    if (path === '/__fake/faults' && method === 'POST') {
      const f = body as Fault & { path?: string };
      this.addFault(f);
      return sendJson(res, 200, { ok: true });
    }
    if (path === '/__fake/faults' && method === 'DELETE') {
      this.clearFaults();
      return sendJson(res, 200, { ok: true });
    }
    if (path === '/__fake/requests' && method === 'GET') return sendJson(res, 200, this.exchanges.slice(-200));
    // How many answered requests of one route (e.g. ?method=POST&route=/hours&status=200): counts for benches.
    if (path === '/__fake/count' && method === 'GET') {
      const count = this.exchanges.filter((x) => x.method === query.get('method') && x.route === query.get('route') && (query.get('status') === null || x.status === Number(query.get('status')))).length;
      return sendJson(res, 200, { count });
    }
    // The entries written through the API for one user, counted per day: exactly-once checks for benches.
    if (path === '/__fake/written' && method === 'GET') {
      const perDay = new Map<string, number>();
      for (const h of this.hoursOf(Number(query.get('user_id')))) {
        if (h.id <= FIRST_WRITTEN_ID) continue;
        perDay.set(h.start.slice(0, 10), (perDay.get(h.start.slice(0, 10)) ?? 0) + 1);
      }
      const counts = [...perDay.values()];
      return sendJson(res, 200, { entries: counts.reduce((a, b) => a + b, 0), days: perDay.size, maxPerDay: Math.max(0, ...counts) });
    }
    sendJson(res, 404, { error: 404, message: 'unknown admin route' });
  }

  /** COR's consent page: pick who you are, then back to the app with a code. `?user_id=` skips the page. */
  #consent(url: URL, res: ServerResponse): void {
    const redirectUri = url.searchParams.get('redirect_uri');
    if (url.searchParams.get('response_type') !== 'code' || !redirectUri) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('response_type=code and redirect_uri are required');
      return;
    }
    const chosen = url.searchParams.get('user_id');
    if (chosen) {
      const user = this.data.users.find((u) => u.id === Number(chosen));
      if (!user) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('no such user');
        return;
      }
      const code = `code-${randomBytes(10).toString('hex')}`;
      this.#codes.set(code, { userId: user.id, redirectUri });
      const back = new URL(redirectUri);
      back.searchParams.set('code', code);
      const state = url.searchParams.get('state');
      if (state) back.searchParams.set('state', state);
      res.writeHead(302, { location: back.toString() }).end();
      return;
    }
    const links = this.data.users
      .filter((u) => !u.hidden)
      .slice(0, 10)
      .map((u) => {
        const pick = new URL(url.toString());
        pick.searchParams.set('user_id', String(u.id));
        return `<li><a href="${escapeHtml(pick.pathname + pick.search)}">${escapeHtml(`${u.first_name} ${u.last_name}`)} (${escapeHtml(u.email)})</a></li>`;
      })
      .join('');
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(`<!doctype html><title>Fake COR consent</title><h1>${escapeHtml(url.searchParams.get('name') ?? 'An app')} wants to act as you in COR</h1><p>Allow as:</p><ul>${links}</ul>`);
  }

  #bearer(authorization: string | undefined): SeedUser {
    const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined;
    const grant = token ? this.#accessTokens.get(token) : undefined;
    if (!grant) throw corError(401, 'UNAUTHORIZED', 'Invalid token');
    if (grant.expiresAt <= this.#now().getTime()) throw corError(401, 'TOKEN_EXPIRED', 'Token expired');
    const user = this.data.users.find((u) => u.id === grant.userId);
    if (!user) throw corError(401, 'UNAUTHORIZED', 'Unknown user');
    return user;
  }

  #basicOk(authorization: string | undefined): boolean {
    const expected = `Basic ${Buffer.from(`${FAKE_API_KEY}:${FAKE_CLIENT_SECRET}`).toString('base64')}`;
    return authorization === expected;
  }

  #route(
    method: string,
    pathname: string,
    query: Record<string, string>,
    body: unknown,
    authorization: string | undefined,
  ): { route: string; status?: number; body: unknown; userId?: number } {
    const withRoute = (route: string, fn: () => { status?: number; body: unknown; userId?: number }) => {
      try {
        return { route, ...fn() };
      } catch (err) {
        if (err instanceof HttpError) Object.assign(err, { route });
        throw err;
      }
    };
    if (pathname.startsWith('/v2/integrations/')) return this.#integrations(method, pathname, body, authorization);
    if (!pathname.startsWith('/v1/')) throw corError(404, 'NOT_FOUND', 'Not found');
    const path = pathname.slice(3);
    const form = (body ?? {}) as Record<string, string>;

    if (method === 'POST' && path === '/oauth/token') {
      return withRoute('/oauth/token', () => {
        if (query.grant_type !== 'client_credentials') throw corError(400, 'BAD_GRANT', 'grant_type must be client_credentials');
        if (!this.#basicOk(authorization)) throw corError(401, 'BAD_CLIENT', 'Invalid client credentials');
        return { body: this.issueTokens(API_KEY_OWNER_ID), userId: API_KEY_OWNER_ID };
      });
    }
    if (method === 'POST' && path === '/oauth2/token') {
      return withRoute('/oauth2/token', () => {
        if (query.grant_type !== 'authorization_code' || !query.code) throw corError(400, 'BAD_GRANT', 'grant_type=authorization_code and code are required');
        if (!this.#basicOk(authorization)) throw corError(401, 'BAD_CLIENT', 'Invalid client credentials');
        const grant = this.#codes.get(query.code);
        if (!grant) throw corError(400, 'BAD_CODE', 'Invalid or used authorization code');
        this.#codes.delete(query.code);
        return { body: this.issueTokens(grant.userId), userId: grant.userId };
      });
    }
    if (method === 'POST' && path === '/oauth/refreshtoken') {
      return withRoute('/oauth/refreshtoken', () => {
        const owner = form.refresh_token ? this.#refreshTokens.get(form.refresh_token) : undefined;
        if (owner === undefined) throw corError(401, 'INVALID_REFRESH_TOKEN', 'Invalid refresh token');
        this.#refreshTokens.delete(form.refresh_token as string); // rotation: the old one is spent
        return { body: this.issueTokens(owner), userId: owner };
      });
    }
    if (method === 'POST' && path === '/auth/login') {
      return withRoute('/auth/login', () => {
        const user = this.data.users.find((u) => u.email.toLowerCase() === String(form.email ?? '').toLowerCase());
        if (!user || user.password !== form.password) throw corError(401, 'BAD_CREDENTIALS', 'Invalid email or password');
        const t = this.issueTokens(user.id);
        if (this.#loginShape === 'flat') return { body: t, userId: user.id };
        return {
          body: { token: { access_token: t.access_token, type: 'bearer', refreshToken: t.refresh_token, expirationTime: t.expires_in * 1000 }, user: this.#userJson(user) },
          userId: user.id,
        };
      });
    }

    const route = (template: string, fn: (me: SeedUser) => { status?: number; body: unknown }) =>
      withRoute(template, () => {
        const me = this.#bearer(authorization);
        return { ...fn(me), userId: me.id };
      });
    const filters = () => {
      if (!query.filters) return {} as Record<string, unknown>;
      try {
        return JSON.parse(query.filters) as Record<string, unknown>;
      } catch {
        throw corError(400, 'BAD_FILTERS', 'filters must be URL-encoded JSON');
      }
    };

    if (method === 'GET' && path === '/me') return route('/me', (me) => ({ body: this.#userJson(me) }));
    if (method === 'GET' && path === '/users') {
      return route('/users', () => {
        const f = filters();
        const users = this.data.users.filter((u) => f.withHiddenUsers === true || !u.hidden);
        return { body: this.#page(users.map((u) => this.#userJson(u)), query, { totalAsString: true }) };
      });
    }
    if (method === 'GET' && path === '/tasks') return route('/tasks', () => ({ body: this.#page(this.#tasks(filters(), query.order).map((t) => this.#taskJson(t)), query) }));
    const taskSearch = /^\/tasks\/search-by-title\/(.+)$/.exec(path);
    if (method === 'GET' && taskSearch) {
      return route('/tasks/search-by-title/{title}', () => {
        const needle = decodeURIComponent(taskSearch[1] ?? '').toLowerCase();
        return { body: this.data.tasks.filter((t) => t.title.toLowerCase().includes(needle)).map((t) => this.#taskJson(t)) };
      });
    }
    if (method === 'POST' && path === '/tasks') return route('/tasks', (me) => ({ body: this.#taskJson(this.#createTask(me, body)) }));
    const taskMessages = /^\/tasks\/(\d+)\/messages$/.exec(path);
    if (taskMessages && (method === 'GET' || method === 'POST')) {
      return route('/tasks/{task_id}/messages', (me) => {
        const task = this.data.tasks.find((t) => t.id === Number(taskMessages[1]));
        if (!task) throw corError(404, 'NOT_FOUND', 'Task not found');
        this.#mustWorkOn(me, task.project_id);
        if (method === 'GET') return { body: this.data.taskMessages.filter((m) => m.task_id === task.id).map((m) => ({ id: m.id, message: m.message, attachments: [] })) };
        const input = (body ?? {}) as Record<string, unknown>;
        if (typeof input.message !== 'string' || input.message.trim() === '') throw new HttpError(417, [{ field: 'message', validation: 'required', message: 'message is required' }]);
        this.data.taskMessages.push({ id: ++this.#nextId, task_id: task.id, user_id: me.id, message: input.message });
        // The contract documents no body for this answer.
        return { body: undefined };
      });
    }
    const taskId = /^\/tasks\/(\d+)$/.exec(path);
    if (taskId && (method === 'GET' || method === 'PUT')) {
      return route('/tasks/{task_id}', (me) => {
        const task = this.data.tasks.find((t) => t.id === Number(taskId[1]));
        if (!task) throw corError(404, 'NOT_FOUND', 'Task not found');
        if (method === 'GET') return { body: this.#taskJson(task) };
        return { body: this.#taskJson(this.#updateTask(task, me, body)) };
      });
    }
    if (method === 'GET' && path === '/hours') {
      return route('/hours', () => {
        const hours = this.#hours(filters(), query.orderBy);
        // Only the page's entries written out: a month of a team is read a page at a time.
        const page = this.#page(hours, query, { totalAsString: true, pageAsString: true });
        const total = hours.reduce((sum, h) => sum + this.#duration(h), 0);
        return { body: { total_hours: total.toFixed(16), total_cost: 0, ...page, data: page.data.map((h) => this.#hourJson(h)) } };
      });
    }
    if (method === 'POST' && path === '/hours') return route('/hours', (me) => ({ body: this.#hourJson(this.#createHour(me, body)) }));
    if (method === 'GET' && path === '/projects') {
      return route('/projects', () => {
        const f = filters();
        const projects = this.data.projects.filter(
          (p) =>
            (f.client_id === undefined || p.client_id === Number(f.client_id)) &&
            (f.archived === undefined || p.archived === (Number(f.archived) === 1)) &&
            (f.status === undefined || p.status === f.status),
        );
        const page = this.#page(projects, query);
        const elapsed = this.#elapsedByProject();
        return { body: { ...page, data: page.data.map((p) => this.#projectJson(p, elapsed)) } };
      });
    }
    const projectPath = /^\/projects\/(\d+)$/.exec(path);
    if (method === 'GET' && projectPath) {
      return route('/projects/{project_id}', () => {
        const project = this.data.projects.find((p) => p.id === Number(projectPath[1]));
        if (!project) throw corError(404, 'NOT_FOUND', 'Project not found');
        return { body: this.#projectJson(project, this.#elapsedByProject()) };
      });
    }
    const collaboratorsPath = /^\/projects\/(\d+)\/collaborators$/.exec(path);
    if (method === 'GET' && collaboratorsPath) {
      return route('/projects/{project_id}/collaborators', () => {
        const projectId = Number(collaboratorsPath[1]);
        const project = this.data.projects.find((p) => p.id === projectId);
        if (!project) throw new HttpError(400, [{ field: 'project_id', validation: 'exists', message: 'Project not found or not in company' }]);
        // Its PM and everyone on one of its tasks.
        const ids = new Set([project.pm_id, ...this.data.tasks.filter((t) => t.project_id === projectId).flatMap((t) => t.collaborators)]);
        return { body: this.data.users.filter((u) => ids.has(u.id)).map((u) => ({ id: u.id, first_name: u.first_name, last_name: u.last_name, picture: null, remaining_hours: 0 })) };
      });
    }
    if (method === 'GET' && path === '/clients') {
      return route('/clients', () => ({ body: this.#page(this.data.clients.map((c) => ({ id: c.id, name: c.name, business_name: c.name })), query) }));
    }
    if (method === 'GET' && path === '/user/leaves') {
      return route('/user/leaves', () => {
        if (!query.usersId) throw new HttpError(400, [{ field: 'usersId', validation: 'required', message: 'usersId is required' }]);
        const size = Number(query.size ?? 10);
        const offset = Number(query.offset ?? 1);
        const leaves = this.data.leaves.filter((l) => l.user_id === Number(query.usersId));
        return {
          body: leaves.slice((offset - 1) * size, offset * size).map((l) => this.#leaveJson(l)),
        };
      });
    }
    if (method === 'GET' && path === '/working-time/company/with/users') {
      return route('/working-time/company/with/users', () => {
        const byUser: Record<string, unknown[]> = {};
        for (const d of this.data.workingTime) (byUser[String(d.user_id)] ??= []).push({ ...d });
        return { body: byUser };
      });
    }
    throw corError(404, 'NOT_FOUND', `No route ${method} ${path}`);
  }

  #page<T>(items: T[], query: Record<string, string>, opts: { totalAsString?: boolean; pageAsString?: boolean } = {}) {
    const all = query.page === 'false';
    const perPage = all ? Math.max(items.length, 1) : Math.max(1, Math.min(this.maxPerPage, Number(query.perPage ?? 20)));
    const page = all ? 1 : Math.max(1, Number(query.page ?? 1));
    const lastPage = Math.max(1, Math.ceil(items.length / perPage));
    return {
      total: opts.totalAsString ? String(items.length) : items.length,
      perPage,
      page: opts.pageAsString ? String(page) : page,
      lastPage,
      data: items.slice((page - 1) * perPage, page * perPage),
    };
  }

  #tasks(f: Record<string, unknown>, order: string | undefined): SeedTask[] {
    const nums = (v: unknown) => asArray(v as number | number[] | undefined)?.map(Number);
    const projects = nums(f.projects);
    const statuses = asArray(f.status as string | string[] | undefined);
    const collaborators = nums(f.collaborator);
    const priorities = nums(f.priority);
    const pms = nums(f.pm);
    const clients = nums(f.clients);
    const projectOf = (t: SeedTask) => this.data.projects.find((p) => p.id === t.project_id);
    let tasks = this.data.tasks.filter(
      (t) =>
        (!projects || projects.includes(t.project_id)) &&
        (!statuses || statuses.includes(t.status)) &&
        (!collaborators || t.collaborators.some((c) => collaborators.includes(c))) &&
        (!priorities || priorities.includes(t.priority)) &&
        (!pms || pms.includes(projectOf(t)?.pm_id ?? -1)) &&
        (!clients || clients.includes(projectOf(t)?.client_id ?? -1)),
    );
    if (order) {
      const spec = JSON.parse(order) as Record<string, string>;
      const [[field, dir] = []] = Object.entries(spec);
      if (field === 'deadline' || field === 'priority' || field === 'task' || field === 'datetime') {
        // `datetime` is when the task was made: the fake's ids grow with it.
        const key = (t: SeedTask) => (field === 'task' ? t.title : field === 'priority' ? t.priority : field === 'datetime' ? t.id : (t.deadline ?? '9999'));
        tasks = [...tasks].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (dir === 'DESC' ? -1 : 1));
      }
    }
    return tasks;
  }

  /** Admins, the project's PM and the people on one of its tasks work on a project; anyone else is refused. */
  #mustWorkOn(me: SeedUser, projectId: number): void {
    const project = this.data.projects.find((p) => p.id === projectId);
    const onIt = me.role_id <= 2 || project?.pm_id === me.id || this.data.tasks.some((t) => t.project_id === projectId && t.collaborators.includes(me.id));
    if (!onIt) throw corError(403, 'FORBIDDEN', 'You are not a collaborator of this project');
  }

  /** `POST /tasks`: a title and a project (nothing else is read); the creator is on the new task. */
  #createTask(me: SeedUser, body: unknown): SeedTask {
    const input = (body ?? {}) as Record<string, unknown>;
    const problems: { field: string; validation: string; message: string }[] = [];
    if (typeof input.title !== 'string' || input.title.trim() === '') problems.push({ field: 'title', validation: 'required', message: 'title is required' });
    const project = this.data.projects.find((p) => p.id === Number(input.project_id));
    if (input.project_id === undefined) problems.push({ field: 'project_id', validation: 'required', message: 'project_id is required' });
    else if (!project) problems.push({ field: 'project_id', validation: 'exists', message: 'project not found' });
    if (problems.length > 0) throw new HttpError(417, problems);
    this.#mustWorkOn(me, (project as SeedProject).id);
    const task: SeedTask = {
      id: ++this.#nextId,
      title: String(input.title),
      project_id: (project as SeedProject).id,
      description: '',
      deadline: null,
      status: 'nueva',
      priority: 1,
      archived: false,
      collaborators: [me.id],
    };
    this.data.tasks.push(task);
    return task;
  }

  #updateTask(task: SeedTask, me: SeedUser, body: unknown): SeedTask {
    const input = (body ?? {}) as Record<string, unknown>;
    const project = this.data.projects.find((p) => p.id === task.project_id);
    const allowed = me.role_id <= 2 || project?.pm_id === me.id || task.collaborators.includes(me.id);
    if (!allowed) throw corError(403, 'FORBIDDEN', 'You are not allowed to edit this task');
    const problems: { field: string; validation: string; message: string }[] = [];
    if (typeof input.title !== 'string' || input.title.trim() === '') problems.push({ field: 'title', validation: 'required', message: 'title is required' });
    if (input.status !== undefined && !this.data.taskStatuses.includes(String(input.status))) {
      problems.push({ field: 'status', validation: 'in', message: `status must be one of ${this.data.taskStatuses.join(', ')}` });
    }
    if (input.priority !== undefined && ![0, 1, 2, 3].includes(Number(input.priority))) {
      problems.push({ field: 'priority', validation: 'in', message: 'priority must be 0, 1, 2 or 3' });
    }
    if (problems.length > 0) throw new HttpError(417, problems);
    task.title = String(input.title);
    if (input.status !== undefined) task.status = String(input.status);
    if (input.priority !== undefined) task.priority = Number(input.priority);
    if (typeof input.deadline === 'string') task.deadline = input.deadline;
    if (typeof input.description === 'string') task.description = input.description;
    if (typeof input.archived === 'boolean') task.archived = input.archived;
    return task;
  }

  #hours(f: Record<string, unknown>, orderBy: string | undefined): SeedHour[] {
    const set = (v: unknown) => {
      const list = asArray(v as number | number[] | undefined)?.map(Number);
      return list && new Set(list);
    };
    const users = this.ignoresHoursUsersFilter ? undefined : set(f.users);
    const projects = set(f.projects);
    const clients = set(f.clients);
    const from = typeof f.dateStart === 'string' ? f.dateStart : undefined;
    const to = typeof f.dateDeadline === 'string' ? f.dateDeadline : undefined;
    const tasks = new Map(this.data.tasks.map((t) => [t.id, t]));
    const projectsById = new Map(this.data.projects.map((p) => [p.id, p]));
    const hours = this.data.hours.filter((h) => {
      if (users && !users.has(h.user_id)) return false;
      const project = projectsById.get(tasks.get(h.task_log_id)?.project_id ?? -1);
      const day = h.start.slice(0, 10);
      return (
        (!projects || projects.has(project?.id ?? -1)) &&
        (!clients || clients.has(project?.client_id ?? -1)) &&
        (!from || day >= from) &&
        (!to || day <= to)
      );
    });
    const spec = orderBy ? (JSON.parse(orderBy) as { by?: string; order?: string }) : { by: 'start', order: 'ASC' };
    const dir = spec.order === 'DESC' ? -1 : 1;
    return [...hours].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id - b.id) * dir);
  }

  #createHour(me: SeedUser, body: unknown): SeedHour {
    const input = (body ?? {}) as Record<string, unknown>;
    const problems: { field: string; validation: string; message: string }[] = [];
    const taskId = Number(input.task_log_id);
    const task = Number.isInteger(taskId) ? this.data.tasks.find((t) => t.id === taskId) : undefined;
    if (input.task_log_id === undefined) problems.push({ field: 'task_log_id', validation: 'required', message: 'task_log_id is required' });
    else if (!task) problems.push({ field: 'task_log_id', validation: 'exists', message: 'task not found' });
    const start = typeof input.start === 'string' ? new Date(input.start) : undefined;
    const stop = typeof input.stop === 'string' ? new Date(input.stop) : undefined;
    if (!start || Number.isNaN(start.getTime())) problems.push({ field: 'start', validation: 'date', message: 'start must be a date-time' });
    if (input.stop !== undefined && (!stop || Number.isNaN(stop.getTime()))) problems.push({ field: 'stop', validation: 'date', message: 'stop must be a date-time' });
    if (start && stop && stop.getTime() <= start.getTime()) problems.push({ field: 'stop', validation: 'after', message: 'stop must be after start' });
    if (problems.length > 0) throw new HttpError(417, problems);
    const hour: SeedHour = {
      id: ++this.#nextId,
      user_id: me.id,
      task_log_id: taskId,
      start: corDateTime(start as Date),
      stop: stop ? corDateTime(stop) : null,
      comments: typeof input.comments === 'string' ? input.comments : null,
      created_at: corDateTime(this.#now()),
    };
    this.data.hours.push(hour);
    return hour;
  }

  #duration(h: SeedHour): number {
    if (!h.stop) return 0;
    return (Date.parse(`${h.stop.replace(' ', 'T')}Z`) - Date.parse(`${h.start.replace(' ', 'T')}Z`)) / 3_600_000;
  }

  #leaveJson(l: SeedLeave) {
    return {
      id: l.id,
      user_id: l.user_id,
      company_id: 1,
      leave_type_id: l.leave_type.id,
      start: l.start,
      end: l.end,
      created_at: '2026-11-01 10:00:00',
      updated_at: '2026-11-01 10:00:00',
      deleted_at: null,
      all_day: l.all_day,
      leaveType: { id: l.leave_type.id, name: l.leave_type.name, type_code: `UL${l.leave_type.id}`, company_id: 1 },
    };
  }

  #userJson(u: SeedUser) {
    return {
      id: u.id,
      first_name: u.first_name,
      last_name: u.last_name,
      picture: '',
      email: u.email,
      cuil: '',
      remaining_hours: 100,
      user_position_id: 3,
      role_id: u.role_id,
      daily_hours: u.daily_hours,
      plan_id: 5,
      plan_name: 'Capacity Planning',
      hidden: u.hidden,
      position_name: null,
      category_id: null,
      category_name: null,
      gmt: u.gmt,
      labels: [],
      leaves: this.data.leaves.filter((l) => l.user_id === u.id).map((l) => this.#leaveJson(l)),
    };
  }

  #taskJson(t: SeedTask) {
    // The contract types deadline as a string (not nullable): a task without one leaves it out.
    return {
      id: t.id,
      title: t.title,
      project_id: t.project_id,
      description: t.description,
      ...(t.deadline === null ? {} : { deadline: t.deadline }),
      status: t.status,
      priority: t.priority,
      archived: t.archived,
    };
  }

  /** Hours logged on each project (COR's `elapsed_time`): the sum of its tasks' entries. */
  #elapsedByProject(): Map<number, number> {
    const projectOfTask = new Map(this.data.tasks.map((t) => [t.id, t.project_id]));
    const elapsed = new Map<number, number>();
    for (const h of this.data.hours) {
      const projectId = projectOfTask.get(h.task_log_id);
      if (projectId !== undefined) elapsed.set(projectId, (elapsed.get(projectId) ?? 0) + this.#duration(h));
    }
    return elapsed;
  }

  #projectJson(p: SeedProject, elapsed?: Map<number, number>) {
    const client = this.data.clients.find((c) => c.id === p.client_id);
    return {
      id: p.id,
      name: p.name,
      brief: p.brief ?? '',
      client_id: p.client_id,
      status: p.status === 'in_process' ? 'active' : p.status,
      ...(p.start ? { start: `${p.start} 00:00:00` } : {}),
      ...(p.end ? { end: `${p.end} 00:00:00` } : {}),
      estimated_time: p.estimated_time ?? 0,
      ...(elapsed ? { elapsed_time: Number((elapsed.get(p.id) ?? 0).toFixed(2)) } : {}),
      archived: p.archived,
      billable: p.billable,
      income_type: p.income_type,
      pm_id: p.pm_id,
      client: client ? { id: client.id, name: client.name, client_status_id: 1 } : undefined,
    };
  }

  /** A stored (UTC) hour time as this fake answers it. */
  #answerTime(utc: string): string {
    if (this.#hourTimes === 'utc') return utc;
    const p = localParts(new Date(`${utc.replace(' ', 'T')}Z`), USER_TIMEZONE);
    return `${p.date} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}:${String(p.second).padStart(2, '0')}`;
  }

  #hourJson(h: SeedHour) {
    const task = this.data.tasks.find((t) => t.id === h.task_log_id);
    const project = this.data.projects.find((p) => p.id === task?.project_id);
    const client = this.data.clients.find((c) => c.id === project?.client_id);
    const user = this.data.users.find((u) => u.id === h.user_id);
    return {
      id: h.id,
      start: this.#answerTime(h.start),
      stop: h.stop === null ? null : this.#answerTime(h.stop),
      duration: this.#duration(h).toFixed(16),
      cost: 0,
      user_id: h.user_id,
      task_log_id: h.task_log_id,
      project_id: project?.id ?? null,
      client_id: client?.id ?? null,
      created_at: h.created_at,
      status: 'pending',
      status_changed_by: null,
      status_changed_at: null,
      type: 'TASK',
      task_log_rework_id: null,
      comments: h.comments,
      user: user ? { id: user.id, first_name: user.first_name, last_name: user.last_name, picture: '', remaining_hours: 100, timezone: USER_TIMEZONE, gmt: user.gmt } : {},
      client: null,
      project: null,
      task: task
        ? {
            id: task.id,
            title: task.title,
            project_id: task.project_id,
            task_father: null,
            status: task.status,
            father: null,
            project: project
              ? { id: project.id, name: project.name, client_id: project.client_id, contract_id: null, client: client ? { id: client.id, name: client.name, client_status_id: 1 } : {}, has_expired_contract: false }
              : null,
            labels: [],
          }
        : {},
      userPosition: null,
      billInput: null,
    };
  }

  #integrations(method: string, pathname: string, body: unknown, authorization: string | undefined) {
    const route = pathname === '/v2/integrations/projects' ? '/v2/integrations/projects' : '/v2/integrations/projects/{externalId}';
    try {
      const me = this.#bearer(authorization);
      const input = (body ?? {}) as Record<string, unknown>;
      const source = (input.metadata as { source?: unknown } | undefined)?.source;
      if (typeof source !== 'string' || !INTEGRATION_SOURCES.includes(source)) {
        throw integrationError(400, 'InvalidSourceError', 'ZC002', `metadata.source must be one of ${INTEGRATION_SOURCES.join(', ')}`);
      }
      const clientFor = (externalId: unknown) => {
        if (externalId === undefined) return undefined;
        const client = this.data.clients.find((c) => c.externalId === externalId);
        if (!client) throw integrationError(404, 'ClientNotFoundError', 'ZC001', `Client ${String(externalId)} is not associated`);
        return client;
      };
      if (method === 'POST' && pathname === '/v2/integrations/projects') {
        if (typeof input.id !== 'string' || typeof input.name !== 'string' || !input.name.trim()) {
          throw integrationError(422, 'ValidationError', 'ZC002', 'id and name are required');
        }
        if (this.data.projects.some((p) => p.externalId === input.id)) {
          throw integrationError(400, 'DuplicateExternalIdError', 'ZC002', `A project with external id ${input.id} already exists`);
        }
        const client = clientFor(input.client_id);
        this.#checkRange(input.start, input.end);
        const project: SeedProject = {
          id: ++this.#nextId,
          externalId: input.id,
          name: input.name,
          client_id: client?.id ?? 0,
          pm_id: me.id,
          status: 'in_process',
          start: typeof input.start === 'string' ? input.start : null,
          end: typeof input.end === 'string' ? input.end : null,
          brief: typeof input.brief === 'string' ? input.brief : null,
          estimated_time: typeof input.estimated_time === 'number' ? input.estimated_time : null,
          billable: input.billable !== false,
          income_type: typeof input.income_type === 'string' ? input.income_type : 'one_time',
          archived: false,
        };
        this.data.projects.push(project);
        return { route, status: 201, body: this.#projectJson(project), userId: me.id };
      }
      const externalId = decodeURIComponent(pathname.slice('/v2/integrations/projects/'.length));
      if (method === 'PUT' && externalId) {
        const project = this.data.projects.find((p) => p.externalId === externalId);
        if (!project) throw integrationError(404, 'ProjectNotFoundError', 'ZC001', `No project with external id ${externalId}`);
        const client = clientFor(input.client_id);
        this.#checkRange(input.start ?? project.start ?? undefined, input.end ?? project.end ?? undefined);
        if (typeof input.name === 'string') project.name = input.name;
        if (client) project.client_id = client.id;
        if (typeof input.start === 'string') project.start = input.start;
        if (typeof input.end === 'string') project.end = input.end;
        if (typeof input.brief === 'string') project.brief = input.brief;
        if (typeof input.estimated_time === 'number') project.estimated_time = input.estimated_time;
        if (typeof input.billable === 'boolean') project.billable = input.billable;
        if (typeof input.income_type === 'string') project.income_type = input.income_type;
        if (typeof input.archived === 'boolean') project.archived = input.archived;
        return { route, body: this.#projectJson(project), userId: me.id };
      }
      throw integrationError(404, 'NotFoundError', 'ZC003', 'Not found');
    } catch (err) {
      if (err instanceof HttpError) Object.assign(err, { route });
      throw err;
    }
  }

  #checkRange(start: unknown, end: unknown): void {
    if (typeof start === 'string' && typeof end === 'string' && start > end) {
      throw integrationError(422, 'InvalidDateRangeError', 'ZC002', 'start must not be after end');
    }
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
