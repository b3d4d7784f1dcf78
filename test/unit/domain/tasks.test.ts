import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RefreshingTokenSource, type TokenSet } from '../../../src/cor/auth.ts';
import type { CorApi } from '../../../src/cor/client.ts';
import { TaskDirectory } from '../../../src/domain/tasks.ts';
import { ManualClock } from '../../../src/lib/clock.ts';
import { SingleFlight } from '../../../src/lib/single-flight.ts';
import type { UserLinkRecord } from '../../../src/store/links.ts';
import { FakeCor } from '../../../tools/fake-cor/server.ts';
import { corKit } from '../../helpers/cor.ts';
import { tempStore, type TempStore } from '../../helpers/store.ts';

const JANE = 2;

describe('TaskDirectory against the fake COR', () => {
  let cor: FakeCor;
  let db: TempStore;
  let clock: ManualClock;
  let link: UserLinkRecord;
  let api: CorApi;

  beforeEach(async () => {
    cor = await new FakeCor().start();
    db = await tempStore();
    clock = new ManualClock('2026-11-18T18:00:00Z');
    const kit = corKit(cor);
    const t = cor.issueTokens(JANE);
    link = await db.store.links.upsert({
      tenantKey: 'T:T0DEMO',
      slackUserId: 'U01JANE',
      corUserId: JANE,
      corName: 'Jane Doe',
      tz: 'UTC',
      tokens: { accessToken: t.access_token, refreshToken: t.refresh_token, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    api = kit.client.as(
      new RefreshingTokenSource({
        key: link.id,
        auth: kit.auth,
        clock,
        flights: new SingleFlight<TokenSet>(),
        stored: { load: () => db.store.links.tokens(link.id), save: (tk) => db.store.links.saveTokens(link.id, tk), markRefreshFailed: async () => undefined },
      }),
    );
  });
  afterEach(async () => {
    await Promise.all([cor.stop(), db.cleanup()]);
  });

  const taskReads = () => cor.requestsTo('GET', '/tasks').length;

  it('reuses the open-task list, and a status change drops the task from it, tells the listener, and reads afresh', async () => {
    const changed: [string, number][] = [];
    const tasks = new TaskDirectory(clock, (l, id) => changed.push([l.id, id]));
    const open = await tasks.openTasks(link, api);
    const target = open[0];
    if (!target) throw new Error('Jane has no open task in the demo company');
    await tasks.openTasks(link, api);
    expect(taskReads()).toBe(1);
    await tasks.change(link, api, target.id, { status: 'finalizada' });
    expect(changed).toEqual([[link.id, target.id]]);
    const after = await tasks.openTasks(link, api);
    expect(taskReads()).toBe(2);
    expect(after.map((t) => t.id)).not.toContain(target.id);
  });

  it('forget (a change told by another thread) makes the next list come from COR', async () => {
    const tasks = new TaskDirectory(clock);
    const [first] = await tasks.openTasks(link, api);
    if (!first) throw new Error('Jane has no open task in the demo company');
    await tasks.task(link, api, first.id);
    const reads = cor.exchanges.length;
    await tasks.task(link, api, first.id);
    expect(cor.exchanges.length).toBe(reads);
    tasks.forget(link, first.id);
    await tasks.openTasks(link, api);
    expect(taskReads()).toBe(2);
  });
});
