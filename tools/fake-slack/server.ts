/**
 * A fake Slack Web API over real HTTP, for tests and benchmarks. It answers the methods the bot calls the
 * way Slack does (form or JSON bodies in, `{ok: ...}` JSON out, HTTP 429 with Retry-After), records every
 * call, and serves response_url endpoints.
 */
import { FakeSocketMode } from './socket-mode.ts';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { close, listen, readBytes, sendJson } from '../http-util.ts';
import { overSlackLimits } from './limits.ts';

export interface FakeSlackUser {
  id: string;
  team_id: string;
  name: string;
  real_name: string;
  /** absent: a profile Slack gives no zone for */
  tz?: string;
  tz_offset?: number;
  locale?: string;
  email?: string;
  deleted?: boolean;
  is_bot?: boolean;
  status_text?: string;
  status_emoji?: string;
  status_expiration?: number;
}

/** A message the bot posted, as conversations.history returns it (newest first). */
export interface FakeMessage {
  ts: string;
  text: unknown;
  blocks: unknown;
  metadata?: unknown;
  /** the thread it was posted in */
  thread_ts?: string;
}

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
}

/**
 * A file shared through the files.uploadV2 sequence: announced by files.getUploadURLExternal, its bytes posted to
 * the upload URL, then completed by files.completeUploadExternal (shared in `channel`, or private without one).
 */
export interface FakeFile {
  id: string;
  teamId: string;
  filename: string;
  /** the length files.getUploadURLExternal was told */
  length: number;
  /** what arrived at the upload URL (undefined: nothing yet) */
  bytes: Buffer | undefined;
  altText: string | undefined;
  title: string | undefined;
  completed: boolean;
  channel: string | undefined;
  threadTs: string | undefined;
  initialComment: string | undefined;
  /** deleted by files.delete: no longer shown, listed here still */
  deleted: boolean;
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

/** The app's OAuth credentials the fake accepts on oauth.v2.access. */
export const FAKE_SLACK_CLIENT = { clientId: 'fake-slack-client-id', clientSecret: 'fake-slack-client-secret' };

export interface FakeSlackOptions {
  workspaces?: FakeWorkspace[];
  users?: FakeSlackUser[];
  /** per-method cap of calls per second (0: every call); beyond it Slack answers 429 with Retry-After: 1 */
  rateLimits?: Record<string, number>;
}

export const DEFAULT_WORKSPACE: FakeWorkspace = { teamId: 'T0DEMO', botToken: 'xoxb-fake-demo-token', botUserId: 'UBOT', botId: 'BBOT' };

const DEMO_SLACK_USERS: FakeSlackUser[] = [
  { id: 'U01JANE', team_id: 'T0DEMO', name: 'jane', real_name: 'Jane Doe', tz: 'America/Argentina/Buenos_Aires', tz_offset: -10800, locale: 'es-LA', email: 'jane.doe@acme.example' },
  { id: 'U02JOHN', team_id: 'T0DEMO', name: 'john', real_name: 'John Smith', tz: 'America/New_York', tz_offset: -18000, locale: 'en-US', email: 'john.smith@acme.example' },
  { id: 'U03ANA', team_id: 'T0DEMO', name: 'ana', real_name: 'Ana Souza', tz: 'America/Sao_Paulo', tz_offset: -10800, locale: 'pt-BR', email: 'ana.souza@acme.example' },
  { id: 'U04MIKE', team_id: 'T0DEMO', name: 'mike', real_name: 'Mike Brown', tz: 'Europe/London', tz_offset: 0, locale: 'en-GB', email: 'mike.brown@acme.example' },
  // A second workspace, for multi-workspace installs; the same user id exists in both on purpose.
  { id: 'U01JANE', team_id: 'T0OTHER', name: 'jane-other', real_name: 'Jane Other', tz: 'Europe/Madrid', tz_offset: 3600, locale: 'es-ES', email: 'jane@other.example' },
];

/** Workspaces the fake OAuth page lets you install into. */
const INSTALLABLE_TEAMS = [
  { id: 'T0DEMO', name: 'Demo' },
  { id: 'T0OTHER', name: 'Other Co' },
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
  /** the method of each call answered 429 (not in `calls`: Slack did nothing with it) */
  readonly rateLimited: string[] = [];
  readonly responses: RecordedResponse[] = [];
  /** keyed by "team/user": the same user id may exist in two workspaces */
  readonly users = new Map<string, FakeSlackUser>();
  readonly workspaces: FakeWorkspace[];
  readonly #rateLimits: Record<string, number>;
  readonly #retryAfter = new Map<string, number>();
  readonly #windows = new Map<string, { second: number; count: number }>();
  readonly #server: Server;
  #port = 0;
  #seq = 0;
  #views = new Map<string, Record<string, unknown>>();
  /** files, in the order their upload URLs were asked for */
  readonly files: FakeFile[] = [];
  /** posted messages per channel, oldest first */
  readonly messages = new Map<string, FakeMessage[]>();
  /** user groups by "team/id": what usergroups.list and usergroups.users.list answer */
  readonly usergroups = new Map<string, { id: string; team_id: string; name: string; handle: string; users: string[] }>();
  readonly #latency = new Map<string, number>();
  readonly #failures: { method: string; error: string; left: number; channel: string | undefined }[] = [];
  readonly #drops: { method: string; left: number; channel: string | undefined; how: 'reset' | 'silence' }[] = [];

  constructor(opts: FakeSlackOptions = {}) {
    this.workspaces = opts.workspaces ?? [DEFAULT_WORKSPACE];
    for (const u of opts.users ?? DEMO_SLACK_USERS) this.addUser(u);
    this.usergroups.set('T0DEMO/S0DESIGN', { id: 'S0DESIGN', team_id: 'T0DEMO', name: 'Design team', handle: 'design', users: ['U01JANE', 'U03ANA', 'U04MIKE'] });
    this.#rateLimits = opts.rateLimits ?? {};
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((err: unknown) => sendJson(res, 500, { ok: false, error: String(err) }));
    });
    this.#server.on('upgrade', (req, socket, head) => {
      if (req.url?.startsWith('/socket')) this.socketMode.upgrade(req, socket, head);
      else socket.destroy();
    });
  }

  /** Socket Mode: envelopes to a bot connected with an app-level token (`xapp-…`). */
  readonly socketMode = new FakeSocketMode();

  async start(port = 0): Promise<this> {
    this.#port = await listen(this.#server, port);
    return this;
  }

  stop(): Promise<void> {
    this.socketMode.close();
    return close(this.#server);
  }

  addUser(user: FakeSlackUser): void {
    this.users.set(`${user.team_id}/${user.id}`, user);
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

  /** The next `times` calls of `method` (to `channel`, when given) answer `{ ok: false, error }`, as Slack does. */
  failNext(method: string, error: string, opts: { times?: number; channel?: string } = {}): void {
    this.#failures.push({ method, error, left: opts.times ?? 1, channel: opts.channel });
  }

  /**
   * The next `times` calls of `method` (to `channel`, when given) are done (a message is posted and recorded) but
   * their answer is lost: `reset` closes the connection at once, `silence` never answers (the client's timeout ends
   * it). As a network that drops Slack's answer. `response_url` as the method: a post to a response_url.
   */
  dropAnswers(method: string, opts: { times?: number; channel?: string; how?: 'reset' | 'silence' } = {}): void {
    this.#drops.push({ method, left: opts.times ?? 1, channel: opts.channel, how: opts.how ?? 'reset' });
  }

  /** `retryAfterSeconds`: the Retry-After of its 429s (default 1). */
  setRateLimit(method: string, perSecond: number | undefined, retryAfterSeconds = 1): void {
    if (perSecond === undefined) delete this.#rateLimits[method];
    else this.#rateLimits[method] = perSecond;
    this.#retryAfter.set(method, retryAfterSeconds);
  }

  #limited(method: string): boolean {
    const cap = this.#rateLimits[method];
    if (cap === undefined) return false;
    const second = Math.floor(Date.now() / 1000);
    const w = this.#windows.get(method);
    if (!w || w.second !== second) {
      this.#windows.set(method, { second, count: 1 });
      return cap < 1;
    }
    w.count++;
    return w.count > cap;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const bytes = await readBytes(req);
    if (url.pathname.startsWith('/upload/')) return this.#upload(url.pathname.slice('/upload/'.length), req, bytes, res);
    const raw = bytes.toString('utf8');
    if (url.pathname.startsWith('/response/')) {
      const body = (safeJson(raw) ?? {}) as Record<string, unknown>;
      // As Slack: a message over its limits is refused whole, and not shown.
      // As Slack: an image block showing a file never uploaded is refused too (a response_url names no workspace).
      if (overSlackLimits(body) || this.#unknownSlackFile(body, undefined)) {
        res.writeHead(400, { 'content-type': 'text/plain' }).end('invalid_blocks');
        return;
      }
      this.responses.push({ id: url.pathname.slice('/response/'.length), body });
      // dropAnswers('response_url'): shown, and the answer lost
      const drop = this.#drops.find((d) => d.left > 0 && d.method === 'response_url');
      if (drop) {
        drop.left--;
        if (drop.how === 'reset') req.socket.destroy();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (url.pathname === '/oauth/v2/authorize') return this.#authorizePage(url, res);
    if (!url.pathname.startsWith('/api/')) {
      res.writeHead(404).end();
      return;
    }
    const method = url.pathname.slice('/api/'.length);
    const args = parseArgs(req.headers['content-type'], raw);
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : typeof args.token === 'string' ? args.token : undefined;
    if (this.#limited(method)) {
      this.rateLimited.push(method);
      sendJson(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(this.#retryAfter.get(method) ?? 1) });
      return;
    }
    if (method === 'apps.connections.open') {
      this.calls.push({ method, args, token });
      const ok = token?.startsWith('xapp-');
      sendJson(res, 200, ok ? { ok: true, url: `ws://127.0.0.1:${this.#port}/socket?ticket=${++this.#seq}` } : { ok: false, error: 'invalid_auth' });
      return;
    }
    if (method === 'oauth.v2.access') {
      this.calls.push({ method, args, token: undefined });
      sendJson(res, 200, this.#oauthAccess(args, req.headers.authorization));
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
    const failure = this.#failures.find((f) => f.left > 0 && f.method === method && (f.channel === undefined || f.channel === args.channel));
    if (failure) {
      failure.left--;
      sendJson(res, 200, { ok: false, error: failure.error });
      return;
    }
    const answer = this.#unknownSlackFile(args, workspace) ? { ok: false, error: 'invalid_blocks' } : this.#answer(method, args, workspace);
    const drop = this.#drops.find((d) => d.left > 0 && d.method === method && (d.channel === undefined || d.channel === args.channel));
    if (drop) {
      drop.left--;
      // Done, and the answer never arrives: the socket is closed now, or held open until the client gives up.
      if (drop.how === 'reset') req.socket.destroy();
      return;
    }
    sendJson(res, 200, answer);
  }

  /**
   * As Slack: an `image` block (of a message or a view, views.publish included) that shows a file by
   * `slack_file.id` must name a file this workspace uploaded and completed (a response_url post: any workspace's);
   * else the whole call is refused.
   */
  #unknownSlackFile(args: Record<string, unknown>, ws: FakeWorkspace | undefined): boolean {
    const view = args.view && typeof args.view === 'object' ? (args.view as Record<string, unknown>) : undefined;
    const blocks = [args.blocks, view?.blocks].flatMap((b) => (Array.isArray(b) ? (b as Record<string, unknown>[]) : []));
    return blocks.some((b) => {
      const id = b.type === 'image' && b.slack_file && typeof b.slack_file === 'object' ? (b.slack_file as { id?: unknown }).id : undefined;
      return id !== undefined && !this.files.some((f) => f.id === id && (ws === undefined || f.teamId === ws.teamId) && f.completed && !f.deleted);
    });
  }

  /**
   * The upload URL of files.getUploadURLExternal: the bytes as they come (raw, or in a multipart form as
   * @slack/web-api sends them), answered as Slack does with "OK - <length>". No token: the URL is the secret.
   */
  async #upload(id: string, req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void> {
    const file = this.files.find((f) => f.id === id);
    if (!file || file.bytes !== undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let bytes = body;
    const type = req.headers['content-type'];
    if (type?.startsWith('multipart/form-data')) {
      const form = await new Response(body, { headers: { 'content-type': type } }).formData();
      const part = [...form.values()].find((v): v is File => typeof v !== 'string');
      if (!part) {
        res.writeHead(400, { 'content-type': 'text/plain' }).end('no file in the form');
        return;
      }
      bytes = Buffer.from(await part.arrayBuffer());
    }
    file.bytes = bytes;
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${bytes.length}`);
  }

  readonly #codes = new Map<string, string>();

  /** Slack's install consent: `?team=` picks the workspace and redirects back with a code. */
  #authorizePage(url: URL, res: ServerResponse): void {
    const redirectUri = url.searchParams.get('redirect_uri');
    const team = url.searchParams.get('team');
    if (url.searchParams.get('client_id') !== FAKE_SLACK_CLIENT.clientId || !redirectUri) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('invalid client_id or redirect_uri');
      return;
    }
    if (!team) {
      const links = INSTALLABLE_TEAMS.map((t) => {
        const pick = new URL(url.toString());
        pick.searchParams.set('team', t.id);
        return `<li><a href="${pick.pathname}${pick.search}">${t.name}</a></li>`;
      }).join('');
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><h1>Install into</h1><ul>${links}</ul>`);
      return;
    }
    const code = `slack-code-${++this.#seq}`;
    this.#codes.set(code, team);
    const back = new URL(redirectUri);
    back.searchParams.set('code', code);
    const state = url.searchParams.get('state');
    if (state) back.searchParams.set('state', state);
    res.writeHead(302, { location: back.toString() }).end();
  }

  #oauthAccess(args: Record<string, unknown>, authorization: string | undefined): Record<string, unknown> {
    const basic = authorization?.startsWith('Basic ') ? Buffer.from(authorization.slice(6), 'base64').toString() : undefined;
    const [id, secret] = basic ? basic.split(':') : [args.client_id, args.client_secret];
    if (id !== FAKE_SLACK_CLIENT.clientId || secret !== FAKE_SLACK_CLIENT.clientSecret) return { ok: false, error: 'invalid_client_id' };
    const teamId = this.#codes.get(String(args.code));
    if (!teamId) return { ok: false, error: 'invalid_code' };
    this.#codes.delete(String(args.code));
    const team = INSTALLABLE_TEAMS.find((t) => t.id === teamId);
    const workspace: FakeWorkspace = { teamId, botToken: `xoxb-${teamId.toLowerCase()}-${++this.#seq}-fake`, botUserId: `UBOT${teamId.slice(-3)}`, botId: `BBOT${teamId.slice(-3)}` };
    const existing = this.workspaces.findIndex((w) => w.teamId === teamId);
    if (existing >= 0) this.workspaces.splice(existing, 1, workspace);
    else this.workspaces.push(workspace);
    return {
      ok: true,
      app_id: 'A0COR',
      authed_user: { id: 'U01JANE' },
      scope: String(args.scope ?? 'commands,chat:write'),
      token_type: 'bot',
      access_token: workspace.botToken,
      bot_user_id: workspace.botUserId,
      team: { id: teamId, name: team?.name ?? teamId },
      enterprise: null,
      is_enterprise_install: false,
    };
  }

  /** Forgets a workspace's bot token (what an uninstall does). */
  revokeWorkspace(teamId: string): void {
    const i = this.workspaces.findIndex((w) => w.teamId === teamId);
    if (i >= 0) this.workspaces.splice(i, 1);
  }

  #answer(method: string, args: Record<string, unknown>, ws: FakeWorkspace): Record<string, unknown> {
    const ts = () => `${Math.floor(Date.now() / 1000)}.${String(++this.#seq).padStart(6, '0')}`;
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://demo.slack.example/', team: 'Demo', user: 'cor', team_id: ws.teamId, user_id: ws.botUserId, bot_id: ws.botId };
      case 'chat.postMessage': {
        const user = this.users.get(`${ws.teamId}/${String(args.channel)}`);
        if (user?.deleted) return { ok: false, error: 'account_inactive' };
        const channel = this.#dmChannel(String(args.channel));
        const message: FakeMessage = { ts: ts(), text: args.text, blocks: args.blocks, ...(typeof args.thread_ts === 'string' ? { thread_ts: args.thread_ts } : {}), ...(args.metadata ? { metadata: typeof args.metadata === 'string' ? JSON.parse(args.metadata) : args.metadata } : {}) };
        this.messages.set(channel, [...(this.messages.get(channel) ?? []), message]);
        return { ok: true, channel, ts: message.ts, message: { text: args.text, blocks: args.blocks } };
      }
      case 'chat.getPermalink': {
        if (typeof args.channel !== 'string' || typeof args.message_ts !== 'string') return { ok: false, error: 'invalid_arguments' };
        return { ok: true, channel: args.channel, permalink: `https://demo.slack.example/archives/${args.channel}/p${args.message_ts.replace('.', '')}` };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: ts() };
      case 'chat.update': {
        const message = this.messages.get(String(args.channel))?.find((m) => m.ts === args.ts);
        if (!message) return { ok: false, error: 'message_not_found' };
        Object.assign(message, { text: args.text, blocks: args.blocks });
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      }
      case 'chat.unfurl':
        return { ok: true };
      case 'conversations.history': {
        const all = [...(this.messages.get(String(args.channel)) ?? [])].reverse();
        const withMetadata = args.include_all_metadata === true || args.include_all_metadata === 'true';
        const limit = Number(args.limit ?? 100);
        return { ok: true, messages: all.slice(0, limit).map(({ metadata, ...m }) => ({ type: 'message', ...m, ...(withMetadata && metadata ? { metadata } : {}) })), has_more: all.length > limit };
      }
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
        const user = this.users.get(`${ws.teamId}/${String(args.user)}`);
        if (!user) return { ok: false, error: 'user_not_found' };
        return { ok: true, user: this.#userJson(user, args.include_locale === true || args.include_locale === 'true') };
      }
      case 'users.lookupByEmail': {
        const email = String(args.email).toLowerCase();
        const user = [...this.users.values()].find((u) => u.team_id === ws.teamId && u.email?.toLowerCase() === email);
        return user ? { ok: true, user: this.#userJson(user, false) } : { ok: false, error: 'users_not_found' };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: this.#dmChannel(String(args.users)) } };
      case 'files.getUploadURLExternal': {
        const length = Number(args.length);
        if (typeof args.filename !== 'string' || !args.filename || !Number.isInteger(length) || length < 1) return { ok: false, error: 'invalid_arguments' };
        const id = `F${String(++this.#seq).padStart(8, '0')}`;
        const altText = args.alt_txt ?? args.alt_text;
        this.files.push({
          id,
          teamId: ws.teamId,
          filename: args.filename,
          length,
          bytes: undefined,
          altText: typeof altText === 'string' ? altText : undefined,
          title: undefined,
          completed: false,
          channel: undefined,
          threadTs: undefined,
          initialComment: undefined,
          deleted: false,
        });
        return { ok: true, upload_url: `http://127.0.0.1:${this.#port}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const listed = Array.isArray(args.files) ? (args.files as { id?: unknown; title?: unknown }[]) : [];
        const files = listed.map((f) => ({ file: this.files.find((x) => x.id === f.id && x.teamId === ws.teamId), title: f.title }));
        // As Slack: every file must have been uploaded, and not completed yet.
        if (files.length === 0 || files.some(({ file }) => file?.bytes === undefined || file.completed)) return { ok: false, error: 'file_not_found' };
        if (args.thread_ts !== undefined && args.channel_id === undefined) return { ok: false, error: 'invalid_arguments' };
        const channel = typeof args.channel_id === 'string' ? this.#dmChannel(args.channel_id) : undefined;
        for (const { file, title } of files) {
          if (!file) continue;
          Object.assign(file, {
            title: typeof title === 'string' ? title : file.filename,
            completed: true,
            channel,
            threadTs: typeof args.thread_ts === 'string' ? args.thread_ts : undefined,
            initialComment: typeof args.initial_comment === 'string' ? args.initial_comment : undefined,
          });
        }
        return { ok: true, files: files.map(({ file }) => ({ id: file?.id, name: file?.filename, title: file?.title, size: file?.bytes?.length })) };
      }
      case 'files.delete': {
        // As Slack: a file of this workspace, not deleted already.
        const file = this.files.find((f) => f.id === args.file && f.teamId === ws.teamId && !f.deleted);
        if (!file) return { ok: false, error: 'file_not_found' };
        file.deleted = true;
        return { ok: true };
      }
      case 'usergroups.list':
        return { ok: true, usergroups: [...this.usergroups.values()].filter((g) => g.team_id === ws.teamId).map(({ users: _users, ...g }) => ({ ...g, user_count: _users.length })) };
      case 'usergroups.users.list': {
        const group = this.usergroups.get(`${ws.teamId}/${String(args.usergroup)}`);
        return group ? { ok: true, users: group.users } : { ok: false, error: 'no_such_subteam' };
      }
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
      profile: {
        real_name: u.real_name,
        display_name: u.name,
        ...(u.email ? { email: u.email } : {}),
        status_text: u.status_text ?? '',
        status_emoji: u.status_emoji ?? '',
        status_expiration: u.status_expiration ?? 0,
      },
    };
  }
}
