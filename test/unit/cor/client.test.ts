import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RefreshingTokenSource, type StoredTokens } from '../../../src/cor/auth.ts';
import type { TokenSet } from '../../../src/lib/tokens.ts';
import { CorError } from '../../../src/cor/errors.ts';
import { ManualClock, systemClock } from '../../../src/lib/clock.ts';
import { SingleFlight } from '../../../src/lib/single-flight.ts';
import { FakeCor } from '../../../tools/fake-cor/server.ts';
import { appApi, type CorKit, corKit } from '../../helpers/cor.ts';

const JANE = 2;

/** Tokens kept in memory the way the store keeps them, counting saves and failures. */
function memoryTokens(initial: TokenSet | undefined) {
  const state = { current: initial, saves: 0, failures: 0 };
  const stored: StoredTokens = {
    load: async () => state.current,
    save: async (t) => {
      state.current = t;
      state.saves++;
    },
    markRefreshFailed: async () => {
      state.failures++;
    },
    forgetRefreshToken: async (spent) => {
      if (state.current?.expiresAt.getTime() === spent.expiresAt.getTime()) state.current = { ...state.current, refreshToken: undefined };
    },
  };
  return { state, stored };
}

function tokenSetFrom(t: { access_token: string; refresh_token: string; expires_in: number }, now = Date.now()): TokenSet {
  return { accessToken: t.access_token, refreshToken: t.refresh_token, expiresAt: new Date(now + t.expires_in * 1000) };
}

describe('COR client against the fake COR', () => {
  let fake: FakeCor;
  let kit: CorKit;

  beforeEach(async () => {
    fake = await new FakeCor().start();
    kit = corKit(fake);
  });
  afterEach(() => fake.stop());

  const userApi = (userId = JANE) => {
    const { stored } = memoryTokens(tokenSetFrom(fake.issueTokens(userId)));
    return kit.client.as(new RefreshingTokenSource({ key: `u${userId}`, stored, auth: kit.auth, clock: systemClock, flights: new SingleFlight() }));
  };

  describe('auth', () => {
    it('gets the app token with client credentials (Basic header, grant in the query)', async () => {
      const tokens = await kit.auth.clientCredentials();
      expect(tokens.accessToken).toMatch(/^cor-at-/);
      expect(tokens.expiresAt.getTime()).toBeGreaterThan(Date.now() + 3_500_000);
      const [x] = fake.requestsTo('POST', '/oauth/token');
      expect(x?.query).toEqual({ grant_type: 'client_credentials' });
      expect(x?.authorization).toMatch(/^Basic /);
      expect((await appApi(kit).me()).id).toBe(1);
    });

    it('exchanges an authorization code from the consent redirect for the chosen user', async () => {
      const consent = new URL(fake.authorizeUrl);
      consent.search = new URLSearchParams({ name: 'cor-slack', response_type: 'code', redirect_uri: 'http://127.0.0.1:1/cb', state: 's1', user_id: String(JANE) }).toString();
      const res = await fetch(consent, { redirect: 'manual' });
      const back = new URL(res.headers.get('location') ?? '');
      expect(back.searchParams.get('state')).toBe('s1');
      const tokens = await kit.auth.exchangeCode(back.searchParams.get('code') ?? '');
      const { stored } = memoryTokens(tokens);
      const api = kit.client.as(new RefreshingTokenSource({ key: 'x', stored, auth: kit.auth, clock: systemClock, flights: new SingleFlight() }));
      expect((await api.me()).email).toBe('Jane.Doe@acme.example');
      await expect(kit.auth.exchangeCode(back.searchParams.get('code') ?? '')).rejects.toMatchObject({ code: 'validation' });
    });

    it('accepts the flat and the nested /auth/login answers', async () => {
      const flat = await kit.auth.login('jane.doe@acme.example', 'demo');
      const nestedFake = await new FakeCor({ loginShape: 'nested' }).start();
      try {
        const nested = await corKit(nestedFake).auth.login('jane.doe@acme.example', 'demo');
        for (const t of [flat, nested]) {
          expect(t.accessToken).toMatch(/^cor-at-/);
          expect(t.refreshToken).toMatch(/^cor-rt-/);
          expect(t.expiresAt.getTime() - Date.now()).toBeGreaterThan(3_500_000);
        }
      } finally {
        await nestedFake.stop();
      }
      await expect(kit.auth.login('jane.doe@acme.example', 'wrong')).rejects.toMatchObject({ code: 'unauthorized' });
    });

    it('refreshes shortly before expiry and stores the rotated refresh token', async () => {
      const clock = new ManualClock(new Date());
      const issued = fake.issueTokens(JANE);
      const { state, stored } = memoryTokens(tokenSetFrom(issued, clock.now().getTime()));
      const api = kit.client.as(new RefreshingTokenSource({ key: 'jane', stored, auth: kit.auth, clock, flights: new SingleFlight() }));
      await api.me();
      expect(fake.requestsTo('POST', '/oauth/refreshtoken')).toHaveLength(0);
      clock.advance(3_600_000 - 30_000); // inside the refresh margin
      await api.me();
      expect(fake.requestsTo('POST', '/oauth/refreshtoken')).toHaveLength(1);
      expect(state.saves).toBe(1);
      expect(state.current?.refreshToken).not.toBe(issued.refresh_token);
      // The old refresh token was spent by rotation.
      await expect(kit.auth.refresh(issued.refresh_token)).rejects.toMatchObject({ code: 'unauthorized' });
    });

    it('a refresh whose answer never comes is never sent again: the access token serves to its end, then re-link', async () => {
      const clock = new ManualClock(new Date());
      const issued = fake.issueTokens(JANE);
      const { state, stored } = memoryTokens(tokenSetFrom(issued, clock.now().getTime()));
      const api = kit.client.as(new RefreshingTokenSource({ key: 'jane', stored, auth: kit.auth, clock, flights: new SingleFlight(), rivalWaitMs: 0 }));
      clock.advance(3_600_000 - 30_000); // inside the refresh margin, still valid
      fake.addFault({ method: 'POST', path: '/oauth/refreshtoken', hang: true, times: 1 });
      expect((await api.me()).id).toBe(JANE); // the refresh timed out: COR may have spent the token
      expect(state.current?.refreshToken).toBeUndefined();
      expect((await api.me()).id).toBe(JANE);
      expect(fake.requestsTo('POST', '/oauth/refreshtoken')).toHaveLength(0); // not sent a second time
      expect(state.failures).toBe(0); // no re-link while a valid token exists
      fake.expireAccessTokens();
      await expect(api.me()).rejects.toMatchObject({ code: 'unauthorized' });
      expect(state.failures).toBe(1);
    });

    it('renews after a 401 and repeats the call once', async () => {
      const { state, stored } = memoryTokens(tokenSetFrom(fake.issueTokens(JANE)));
      const api = kit.client.as(new RefreshingTokenSource({ key: 'jane', stored, auth: kit.auth, clock: systemClock, flights: new SingleFlight() }));
      fake.expireAccessTokens();
      expect((await api.me()).id).toBe(JANE);
      expect(state.saves).toBe(1);
      expect(fake.requestsTo('GET', '/me').map((x) => x.status)).toEqual([401, 200]);
    });

    it('shares one refresh among many concurrent requests of the same user', async () => {
      const { state, stored } = memoryTokens(tokenSetFrom(fake.issueTokens(JANE)));
      const flights = new SingleFlight<TokenSet>();
      fake.expireAccessTokens();
      const results = await Promise.all(
        Array.from({ length: 20 }, () => kit.client.as(new RefreshingTokenSource({ key: 'jane', stored, auth: kit.auth, clock: systemClock, flights })).me()),
      );
      expect(results.every((u) => u.id === JANE)).toBe(true);
      expect(fake.requestsTo('POST', '/oauth/refreshtoken')).toHaveLength(1);
      expect(state.saves).toBe(1);
    });

    it('two instances refreshing at once (one single-flight each, one store): both go on, the link stays', async () => {
      const { state, stored } = memoryTokens(tokenSetFrom(fake.issueTokens(JANE)));
      fake.expireAccessTokens();
      const instances = [new SingleFlight<TokenSet>(), new SingleFlight<TokenSet>()].map((flights) =>
        kit.client.as(new RefreshingTokenSource({ key: 'jane', stored, auth: kit.auth, clock: systemClock, flights })),
      );
      const results = await Promise.all(instances.map((api) => api.me()));
      expect(results.map((u) => u.id)).toEqual([JANE, JANE]);
      // Both spent the same refresh token; COR took one (rotating it) and refused the other, which then found the
      // rotated one in the store instead of breaking the link.
      expect(fake.requestsTo('POST', '/oauth/refreshtoken').map((x) => x.status).sort()).toEqual([200, 401]);
      expect(state.failures).toBe(0);
    });

    it('reports a refresh that fails for good, once, and surfaces unauthorized', async () => {
      const { state, stored } = memoryTokens(tokenSetFrom(fake.issueTokens(JANE)));
      const api = kit.client.as(new RefreshingTokenSource({ key: 'jane', stored, auth: kit.auth, clock: systemClock, flights: new SingleFlight(), rivalWaitMs: 0 }));
      fake.revokeRefreshTokens(JANE);
      fake.expireAccessTokens();
      await expect(Promise.all([api.me(), api.me(), api.me()])).rejects.toMatchObject({ code: 'unauthorized' });
      expect(state.failures).toBe(1);
    });

    it('says not_linked when no tokens are stored', async () => {
      const { stored } = memoryTokens(undefined);
      const api = kit.client.as(new RefreshingTokenSource({ key: 'nobody', stored, auth: kit.auth, clock: systemClock, flights: new SingleFlight() }));
      await expect(api.me()).rejects.toMatchObject({ code: 'not_linked' });
    });
  });

  describe('endpoints', () => {
    it('reads every page of users, with total arriving as a string', async () => {
      const users = await appApi(kit).allUsers();
      expect(users).toHaveLength(48); // hidden users are left out by COR by default
      expect(new Set(users.map((u) => u.id)).size).toBe(48);
      const page = await appApi(kit).listUsers({ page: 1, perPage: 20 });
      expect(page).toMatchObject({ total: 48, perPage: 20, page: 1, lastPage: 3 });
      expect(fake.requestsTo('GET', '/users')[0]?.response).toMatchObject({ total: '48' });
    });

    it('lists tasks with filters and order, keeping custom statuses as they are', async () => {
      const api = userApi();
      const open = await api.allTasks({ filters: { collaborator: JANE, status: ['nueva', 'en_proceso', 'estancada', 'en_revision'] }, order: { deadline: 'ASC' } });
      expect(open.length).toBeGreaterThan(20); // more than one page
      expect(open.some((t) => t.status === 'en_revision')).toBe(true);
      expect(open.every((t) => t.status !== 'finalizada')).toBe(true);
      const [x] = fake.requestsTo('GET', '/tasks');
      expect(JSON.parse(x?.query.filters ?? '')).toEqual({ collaborator: JANE, status: ['nueva', 'en_proceso', 'estancada', 'en_revision'] });
      expect(JSON.parse(x?.query.order ?? '')).toEqual({ deadline: 'ASC' });
      const page = await api.listTasks({ filters: { projects: [100] }, page: 1, perPage: 2 });
      expect(page.data.map((t) => t.id)).toEqual([48211, 48212]);
    });

    it('gets, searches and updates a task (title sent back), with COR validation and permission errors', async () => {
      const api = userApi();
      const task = await api.getTask(48211);
      expect(task).toMatchObject({ id: 48211, status: 'en_proceso', priority: 2, project_id: 100 });
      expect((await api.searchTasksByTitle('diseño')).map((t) => t.id)).toEqual([48215]);
      const updated = await api.updateTask(48211, { title: task.title, status: 'en_revision', priority: 3 });
      expect(updated).toMatchObject({ status: 'en_revision', priority: 3 });
      const invalid = await api.updateTask(48211, { title: task.title, status: 'archivada' }).catch((e: unknown) => e);
      expect(invalid).toBeInstanceOf(CorError);
      expect(invalid).toMatchObject({ code: 'validation', status: 417, fieldErrors: [{ field: 'status', message: expect.stringContaining('one of') }] });
      await expect(userApi(5).updateTask(48211, { title: 'x' })).rejects.toMatchObject({ code: 'forbidden', status: 403 });
      await expect(api.getTask(1)).rejects.toMatchObject({ code: 'not_found' });
    });

    it('posts hours as the token user and lists them with filters and string numbers', async () => {
      const api = userApi();
      const hour = await api.createHour({ task_log_id: 48211, start: '2026-11-21T12:00:00.000Z', stop: '2026-11-21T14:30:00.000Z' });
      expect(hour).toMatchObject({ user_id: JANE, task_log_id: 48211, duration: 2.5, start: '2026-11-21 12:00:00' });
      expect(hour.task?.project?.client?.name).toBe('Acme Foods');
      const page = await api.listHours({ filters: { users: [JANE, 4], dateStart: '2026-11-19', dateDeadline: '2026-11-21' } });
      expect(page.total_hours).toBe(2.5 + 3 + 4.5 + 2 + 6);
      expect(page.page).toBe(1);
      const all = await api.allHours({ users: [JANE], dateStart: '2026-11-21', dateDeadline: '2026-11-21' });
      expect(all.map((h) => h.id)).toEqual([hour.id]);
      await expect(api.createHour({ task_log_id: 48211, start: '2026-11-21T15:00:00Z', stop: '2026-11-21T14:00:00Z' })).rejects.toMatchObject({
        code: 'validation',
        status: 417,
      });
    });

    it('reads projects, clients, leaves and working time', async () => {
      const api = appApi(kit);
      expect((await api.listProjects({ filters: { client_id: 12 } })).data.map((p) => p.name)).toEqual(['Campaña Verano', 'Diseño de marca']);
      expect((await api.listClients()).data.map((c) => c.name)).toContain('Café Río');
      const leaves = await api.listLeaves(4);
      expect(leaves).toEqual([expect.objectContaining({ user_id: 4, all_day: false, leaveType: { id: 13, name: 'Medical' } })]);
      const working = await api.workingTimes();
      expect(working.get(2)?.map((d) => d.day_of_week)).toEqual([2, 3, 4, 5, 6]);
      expect(working.get(5)?.[0]).toMatchObject({ start_at: '10:00:00', daily_hours: 4 });
    });

    it('reads a list as long as the page cap whole, and refuses a longer one (too_many) rather than cut it short', async () => {
      fake.maxPerPage = 1;
      const small = corKit(fake, { maxPages: 4 });
      const { stored } = memoryTokens(tokenSetFrom(fake.issueTokens(JANE)));
      const api = small.client.as(new RefreshingTokenSource({ key: 'paged', stored, auth: small.auth, clock: systemClock, flights: new SingleFlight() }));
      const filters = { users: [JANE], dateStart: '2026-11-01', dateDeadline: '2026-11-30' };
      const hour = (id: number) => ({ id, user_id: JANE, task_log_id: 48211, start: '2026-11-18 12:00:00', stop: '2026-11-18 12:01:00', comments: null, created_at: '2026-11-18 12:01:00' });
      fake.data.hours.push(hour(20_001)); // Jane's three seeded entries and this one: four pages
      expect(await api.allHours(filters)).toHaveLength(4);
      expect(fake.requestsTo('GET', '/hours')).toHaveLength(4);
      fake.data.hours.push(hour(20_002));
      await expect(api.allHours(filters)).rejects.toMatchObject({ code: 'too_many' });
      expect(fake.requestsTo('GET', '/hours')).toHaveLength(8); // no fifth page asked for
    });

    it('creates and updates projects through the Integrations API, with its named errors', async () => {
      const api = userApi(3);
      const created = await api.createIntegrationProject({ id: 'C0CHAN', name: 'Launch', client_id: 'acme-foods', start: '2026-12-01', end: '2027-01-31', metadata: { source: 'MICROSOFT_TEAMS' } });
      expect(created).toMatchObject({ name: 'Launch', client_id: 10, start: '2026-12-01 00:00:00' });
      const updated = await api.updateIntegrationProject('C0CHAN', { brief: 'go', metadata: { source: 'MICROSOFT_TEAMS' } });
      expect(updated.id).toBe(created.id);
      const named = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as CorError).corName;
      expect(await named(api.createIntegrationProject({ id: 'C0CHAN', name: 'Again', metadata: { source: 'MICROSOFT_TEAMS' } }))).toBe('DuplicateExternalIdError');
      expect(await named(api.createIntegrationProject({ id: 'C1', name: 'X', client_id: 'nope', metadata: { source: 'MICROSOFT_TEAMS' } }))).toBe('ClientNotFoundError');
      expect(await named(api.createIntegrationProject({ id: 'C2', name: 'X', metadata: { source: 'SLACK' as never } }))).toBe('InvalidSourceError');
      expect(await named(api.createIntegrationProject({ id: 'C3', name: '', metadata: { source: 'JIRA' } }))).toBe('ValidationError');
      expect(await named(api.updateIntegrationProject('C0CHAN', { start: '2027-05-01', metadata: { source: 'MICROSOFT_TEAMS' } }))).toBe('InvalidDateRangeError');
      expect(await named(api.updateIntegrationProject('missing', { metadata: { source: 'MICROSOFT_TEAMS' } }))).toBe('ProjectNotFoundError');
    });
  });

  describe('faults', () => {
    it('retries a GET through 500 and 503, then succeeds', async () => {
      fake.addFault({ method: 'GET', path: '/tasks/48211', status: 500, times: 1 });
      fake.addFault({ method: 'GET', path: '/tasks/48211', status: 503, times: 1 });
      expect((await userApi().getTask(48211)).id).toBe(48211);
      expect(kit.sleeps).toHaveLength(2);
    });

    it('honours Retry-After on 429, and backs off without it', async () => {
      fake.addFault({ method: 'GET', path: '/me', status: 429, retryAfter: '2', times: 1 });
      fake.addFault({ method: 'GET', path: '/me', status: 429, times: 1 });
      await userApi().me();
      expect(kit.sleeps[0]).toBe(2_000);
      expect(kit.sleeps[1]).toBeLessThanOrEqual(10);
    });

    it('gives up after the attempts run out with the last code', async () => {
      fake.addFault({ method: 'GET', path: '/me', status: 503 });
      await expect(userApi().me()).rejects.toMatchObject({ code: 'server', status: 503, method: 'GET', path: '/me' });
      expect(kit.sleeps).toHaveLength(3);
    });

    it('never retries POST /hours blindly, even when the answer was lost after the write', async () => {
      const api = userApi();
      const before = fake.hoursOf(JANE).length;
      fake.addFault({ method: 'POST', path: '/hours', status: 500, afterHandling: true, times: 1 });
      await expect(api.createHour({ task_log_id: 48212, start: '2026-11-21T10:00:00Z', stop: '2026-11-21T11:00:00Z' })).rejects.toMatchObject({ code: 'server' });
      expect(fake.requestsTo('POST', '/hours')).toHaveLength(1);
      expect(fake.hoursOf(JANE).length).toBe(before + 1); // written, answer lost: the outbox must look before re-sending
    });

    it('times out a hanging request and says so', async () => {
      const slow = corKit(fake, { timeoutMs: 150 });
      fake.addFault({ method: 'POST', path: '/hours', hang: true });
      const { stored } = memoryTokens(tokenSetFrom(fake.issueTokens(JANE)));
      const api = slow.client.as(new RefreshingTokenSource({ key: 'j', stored, auth: slow.auth, clock: systemClock, flights: new SingleFlight() }));
      await expect(api.createHour({ task_log_id: 48212, start: '2026-11-21T10:00:00Z' })).rejects.toMatchObject({ code: 'timeout' });
    });

    it('retries a timed-out GET', async () => {
      const slow = corKit(fake, { timeoutMs: 150 });
      fake.addFault({ method: 'GET', path: '/clients', hang: true, times: 1 });
      expect((await appApi(slow).listClients()).data.length).toBe(3);
    });

    it('turns malformed JSON and unexpected shapes into bad_response', async () => {
      fake.addFault({ method: 'GET', path: '/me', malformed: true });
      await expect(userApi().me()).rejects.toMatchObject({ code: 'bad_response' });
    });

    it('reports an unreachable COR as network, with no token anywhere in the error', async () => {
      const port = fake.port;
      await fake.stop();
      const dead = corKit({ apiUrl: `http://127.0.0.1:${port}/v1`, integrationsUrl: `http://127.0.0.1:${port}` });
      const err = await dead.auth.clientCredentials().catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'network', method: 'POST', path: '/oauth/token' });
      expect(JSON.stringify({ message: (err as Error).message, ...(err as object) })).not.toMatch(/Basic|fake-cor-client-secret/);
      fake = await new FakeCor().start(); // for afterEach
    });
  });
});
