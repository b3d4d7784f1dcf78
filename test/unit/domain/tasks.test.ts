import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CorApi } from '../../../src/cor/client.ts';
import { TaskDirectory } from '../../../src/domain/tasks.ts';
import { ManualClock } from '../../../src/lib/clock.ts';
import type { UserLinkRecord } from '../../../src/store/links.ts';
import { FakeCor } from '../../../tools/fake-cor/server.ts';
import { apiForStoredLinks, corKit, storeLinkedUser } from '../../helpers/cor.ts';
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
    link = await storeLinkedUser(db.store, cor, { corUserId: JANE, tz: 'UTC' });
    api = apiForStoredLinks(corKit(cor), db.store, clock)(link);
  });
  afterEach(async () => {
    await Promise.all([cor.stop(), db.cleanup()]);
  });

  const taskReads = () => cor.requestsTo('GET', '/tasks').length;

  it('reuses the open-task list, and a status change drops the task from it and reads afresh', async () => {
    const tasks = new TaskDirectory(clock);
    const open = await tasks.openTasks(link, api);
    const target = open[0];
    if (!target) throw new Error('Jane has no open task in the demo company');
    await tasks.openTasks(link, api);
    expect(taskReads()).toBe(1);
    await tasks.change(link, api, target.id, { status: 'finalizada' });
    const after = await tasks.openTasks(link, api);
    expect(taskReads()).toBe(2);
    expect(after.map((t) => t.id)).not.toContain(target.id);
  });

  it('two people asking at once for one list read COR once; the list is read again when its time is up', async () => {
    const tasks = new TaskDirectory(clock);
    const [a, b] = await Promise.all([tasks.openTasks(link, api), tasks.openTasks(link, api)]);
    expect(a).toBe(b);
    expect(taskReads()).toBe(1);
    clock.advance(2 * 60_000);
    await tasks.openTasks(link, api);
    expect(taskReads()).toBe(1);
    clock.advance(1);
    await tasks.openTasks(link, api);
    expect(taskReads()).toBe(2);
  });

  it('when reading the list again fails, the error is not kept and the last list still answers type-ahead', async () => {
    const tasks = new TaskDirectory(clock);
    const first = await tasks.openTasks(link, api);
    clock.advance(2 * 60_000 + 1);
    cor.addFault({ method: 'GET', path: '/tasks', status: 400, times: 1 });
    await expect(tasks.openTasks(link, api)).rejects.toThrow();
    expect(tasks.cachedOpenTasks(link)).toEqual(first);
    expect(await tasks.openTasks(link, api)).toEqual(first);
    expect(taskReads()).toBe(3); // the first read, the failed one, and one more: the failure was not kept
  });
});
