import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RefreshingTokenSource } from '../../../src/cor/auth.ts';
import type { TokenSet } from '../../../src/lib/tokens.ts';
import { systemClock } from '../../../src/lib/clock.ts';
import { SingleFlight } from '../../../src/lib/single-flight.ts';
import { CONTRACT_PATH, deriveContract, OPERATIONS, SPEC_PATH } from '../../../tools/contract/derive.ts';
import { CorContract } from '../../../tools/contract/validate.ts';
import { FakeCor } from '../../../tools/fake-cor/server.ts';
import { appApi, corKit } from '../../helpers/cor.ts';

describe('COR contract', () => {
  it.runIf(existsSync(SPEC_PATH))('the trimmed copy in the repo is what ../shared/cor/openapi.json derives to', () => {
    const derived = deriveContract(JSON.parse(readFileSync(SPEC_PATH, 'utf8')));
    expect(JSON.parse(readFileSync(CONTRACT_PATH, 'utf8'))).toEqual(derived);
  });

  it('covers every operation the client uses, and holds no prose', () => {
    const contract = new CorContract();
    expect(Object.keys(contract.operations).sort()).toEqual(OPERATIONS.map(([m, p]) => `${m} ${p}`).sort());
    expect(readFileSync(CONTRACT_PATH, 'utf8')).not.toMatch(/"(summary|example|tags)"/);
  });

  describe('every request the client builds and every answer the fake gives conform', () => {
    let fake: FakeCor;
    const contract = new CorContract();

    beforeAll(async () => {
      fake = await new FakeCor({ loginShape: 'flat' }).start();
      const kit = corKit(fake);
      const app = appApi(kit);
      const issued = fake.issueTokens(2);
      // Stored as already expired, so the first call goes through the refresh endpoint.
      let tokens: TokenSet = { accessToken: issued.access_token, refreshToken: issued.refresh_token, expiresAt: new Date(Date.now() - 1) };
      const user = kit.client.as(
        new RefreshingTokenSource({
          key: 'jane',
          stored: {
            load: async () => tokens,
            save: async (next) => {
              tokens = next;
            },
            markRefreshFailed: async () => undefined,
            forgetRefreshToken: async () => undefined,
          },
          auth: kit.auth,
          clock: systemClock,
          flights: new SingleFlight(),
        }),
      );
      const consent = new URL(fake.authorizeUrl);
      consent.search = new URLSearchParams({ name: 'cor-slack', response_type: 'code', redirect_uri: 'http://127.0.0.1:1/cb', user_id: '2' }).toString();
      const code = new URL((await fetch(consent, { redirect: 'manual' })).headers.get('location') ?? '').searchParams.get('code') ?? '';

      await kit.auth.exchangeCode(code);
      await kit.auth.login('jane.doe@acme.example', 'demo');
      await user.me(); // refreshes first (expired), then GET /me
      await app.allUsers();
      await user.allTasks({ filters: { collaborator: 2, status: ['nueva', 'en_revision'] }, order: { deadline: 'ASC' } });
      await user.getTask(48215);
      await user.updateTask(48215, { title: 'Diseño de piezas para redes', status: 'ajustes', priority: 1 });
      await user.searchTasksByTitle('Homepage redesign');
      await user.createHour({ task_log_id: 48211, start: '2026-11-21T12:00:00.000Z', stop: '2026-11-21T13:00:00.000Z' });
      await user.listHours({ filters: { users: [2], dateStart: '2026-11-01', dateDeadline: '2026-11-30' }, orderBy: { by: 'start', order: 'ASC' }, page: 1, perPage: 50 });
      await app.listProjects({ filters: { client_id: 10, archived: 2 }, page: 1, perPage: 20 });
      await app.listClients({ page: 1 });
      await app.listLeaves(2, { offset: 1, size: 10 });
      await app.workingTimes();
    });
    afterAll(() => fake.stop());

    it('exercised every REST operation of the contract', () => {
      const seen = new Set(fake.exchanges.filter((x) => !x.route.startsWith('/v2/')).map((x) => `${x.method} ${x.route}`));
      expect([...seen].sort()).toEqual(OPERATIONS.map(([m, p]) => `${m} ${p}`).sort());
    });

    it('requests conform', () => {
      const problems = fake.exchanges.flatMap((x) => contract.requestProblems(x).map((p) => `${x.method} ${x.route}: ${p}`));
      expect(problems).toEqual([]);
    });

    it('answers conform', () => {
      const answered = fake.exchanges.filter((x) => x.status === 200);
      expect(answered.length).toBeGreaterThan(15);
      const problems = answered.flatMap((x) => contract.responseProblems(x).map((p) => `${x.method} ${x.route}: ${p}`));
      expect(problems).toEqual([]);
    });

    it('the validator does catch a request or an answer that strays', () => {
      const base = { method: 'POST', route: '/hours', query: {}, contentType: 'application/json', status: 200 };
      expect(contract.requestProblems({ ...base, body: { start: '2026-11-21T12:00:00Z' }, response: {} })).toEqual([
        expect.stringContaining("must have required property 'task_log_id'"),
      ]);
      expect(contract.requestProblems({ ...base, method: 'GET', route: '/tasks', query: { project_id: '1' }, body: undefined, response: {} })).toEqual([
        'undeclared query parameter project_id',
      ]);
      expect(contract.responseProblems({ ...base, body: {}, response: { id: 'not-a-number' } })).toEqual([expect.stringContaining('/id must be integer')]);
    });
  });
});
