import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CorHour } from '../../../src/cor/schemas.ts';
import { CompanyFacts } from '../../../src/domain/company-facts.ts';
import { buildReport, previousPeriod } from '../../../src/domain/reports/build.ts';
import type { ReportAsk, ReportOutcome } from '../../../src/domain/reports/model.ts';
import { ReportService } from '../../../src/domain/reports/service.ts';
import { CorTimes } from '../../../src/domain/time-entries/cor-times.ts';
import { ManualClock } from '../../../src/lib/clock.ts';
import type { UserLinkRecord } from '../../../src/store/links.ts';
import { DEFAULT_REMINDER_SETTING } from '../../../src/store/reminders.ts';
import { FakeCor } from '../../../tools/fake-cor/server.ts';
import { apiForStoredLinks, appApi, corKit, storeLinkedUser } from '../../helpers/cor.ts';
import { memoryLogger } from '../../helpers/logger.ts';
import { tempStore, type TempStore } from '../../helpers/store.ts';

const JANE = 2; // Collaborator, Mon–Fri 8 h in COR
const JOHN = 3; // Project Manager
const BA = 'America/Argentina/Buenos_Aires';

/** A report's outcome when it is one (the test fails with the refusal otherwise). */
function reportOf(outcome: ReportOutcome) {
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.refusal)}`);
  return outcome.report;
}

const sum = (values: number[]) => values.reduce((n, v) => n + v, 0);

describe('ReportService against the fake COR', () => {
  let cor: FakeCor;
  let db: TempStore;
  let clock: ManualClock;
  let reports: ReportService;
  let jane: UserLinkRecord;
  let john: UserLinkRecord;
  let nextId = 20_000;

  /** An entry in COR (UTC, as the fake keeps them). */
  const hour = (user_id: number, task_log_id: number, start: string, stop: string) => cor.data.hours.push({ id: nextId++, user_id, task_log_id, start, stop, comments: null, created_at: stop });
  const hourReads = () => cor.requestsTo('GET', '/hours');
  const ask = (rest: Partial<ReportAsk> & Pick<ReportAsk, 'period'>): ReportAsk => ({ people: { kind: 'me' }, scope: { kind: 'all' }, groupBy: undefined, tz: BA, ...rest });

  beforeEach(async () => {
    cor = await new FakeCor().start();
    db = await tempStore();
    clock = new ManualClock('2026-11-20T21:00:00Z'); // Friday 18:00 in Buenos Aires
    const kit = corKit(cor, { clock });
    const apiFor = apiForStoredLinks(kit, db.store, clock);
    jane = await storeLinkedUser(db.store, cor, { corUserId: JANE, tz: BA, now: clock.now() });
    john = await storeLinkedUser(db.store, cor, { corUserId: JOHN, tz: BA, slackUserId: 'U02JOHN', corName: 'John Smith', now: clock.now() });
    reports = new ReportService({
      linking: { apiFor, roleOf: async (link) => (await apiFor(link).me()).role_id ?? null },
      company: new CompanyFacts(appApi(kit, clock), clock),
      settings: db.store.reminders,
      links: db.store.links,
      times: new CorTimes(),
      clock,
      logger: memoryLogger().logger,
    });
  });
  afterEach(async () => {
    await Promise.all([cor.stop(), db.cleanup()]);
  });

  it('my week: its total, my target from Monday to today, and the week before', async () => {
    hour(JANE, 48211, '2026-11-13 13:00:00', '2026-11-13 15:00:00'); // the Friday before
    const report = reportOf(await reports.run(jane, ask({ period: { from: '2026-11-16', to: '2026-11-20', unit: 'week' } })));
    // The demo's Jane: 3 h and 4.5 h on Thursday, 2 h on Friday.
    expect(report.totalHours).toBe(9.5);
    expect(report.targetHours).toBe(40);
    expect(report.chart.target).toEqual([8, 8, 8, 8, 8]);
    expect(report.previous).toEqual({ from: '2026-11-09', to: '2026-11-13', totalHours: 2 });
    expect(report.people).toEqual(['Jane Doe']);
    expect(report.groupBy).toBe('project');
    expect(report.chart.unit).toBe('day');
    expect(report.chart.buckets).toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20']);
    expect(report.chart.series.find((s) => s.name === 'Homepage redesign')?.values).toEqual([0, 0, 0, 3, 0]);
    expect(report.top.projects).toEqual([
      { id: 101, name: 'Mobile app', hours: 4.5 },
      { id: 100, name: 'Homepage redesign', hours: 3 },
      { id: 102, name: 'Campaña Verano', hours: 2 },
    ]);
    expect(report.entries.map((e) => [e.date, e.start, e.stop, e.hours, e.client])).toEqual([
      ['2026-11-19', '09:00', '12:00', 3, 'Acme Foods'],
      ['2026-11-19', '13:00', '17:30', 4.5, 'Bolt Motors'],
      ['2026-11-20', '09:00', '11:00', 2, 'Café Río'],
    ]);
    // Only Jane's hours, asked as Jane, once for both weeks with a day of margin.
    expect(hourReads()).toHaveLength(1);
    expect(hourReads()[0]?.userId).toBe(JANE);
    expect(JSON.parse(hourReads()[0]?.query.filters ?? '{}')).toEqual({ users: [JANE], dateStart: '2026-11-08', dateDeadline: '2026-11-21' });
  });

  it('a PM’s project last month, by person: every entry, summing to the total, from one read of COR’s hours', async () => {
    clock.set('2026-12-02T15:00:00Z');
    hour(JOHN, 48220, '2026-11-03 12:00:00', '2026-11-03 13:30:00');
    hour(4, 48211, '2026-11-25 12:00:00', '2026-11-25 12:20:00');
    hour(JANE, 48213, '2026-11-25 12:00:00', '2026-11-25 14:00:00'); // another project
    const outcome = await reports.run(john, ask({ people: { kind: 'everyone' }, scope: { kind: 'named', words: 'homepage redesign' }, period: { from: '2026-11-01', to: '2026-11-30', unit: 'month' } }));
    const report = reportOf(outcome);
    expect(report.scope).toEqual({ kind: 'project', id: 100, name: 'Homepage redesign' });
    expect(report.groupBy).toBe('person');
    expect(report.targetHours).toBeUndefined();
    expect(report.totalHours).toBeCloseTo(3 + 2 + 1.5 + 1 / 3, 10);
    expect(sum(report.entries.map((e) => e.hours))).toBeCloseTo(report.totalHours, 10);
    expect(report.top.people.map((p) => p.name)).toEqual(['John Smith', 'Jane Doe', 'Ana Souza']);
    expect(report.chart.series.map((s) => s.name)).toEqual(['John Smith', 'Jane Doe', 'Ana Souza']);
    expect(report.entries.map((e) => e.date)).toEqual(['2026-11-03', '2026-11-19', '2026-11-20', '2026-11-25']);
    expect(hourReads()).toHaveLength(1);
    expect(hourReads()[0]?.userId).toBe(JOHN);
    expect(JSON.parse(hourReads()[0]?.query.filters ?? '{}')).toEqual({ projects: [100], dateStart: '2026-09-30', dateDeadline: '2026-12-01' });
  });

  it('listed people: their targets summed, each by the one target rule (Jane’s own 6 h, Ana’s COR working time)', async () => {
    await db.store.reminders.saveSetting({ ...DEFAULT_REMINDER_SETTING, linkId: jane.id, targetHours: 6 });
    const report = reportOf(await reports.run(john, ask({ people: { kind: 'people', corUserIds: [JANE, 4], groupName: 'design' }, period: { from: '2026-11-16', to: '2026-11-20', unit: 'week' } })));
    // Jane 5 × 6 h; Ana Monday to Thursday, 6 h each.
    expect(report.targetHours).toBe(30 + 24);
    expect(report.people).toEqual(['Jane Doe', 'Ana Souza']);
    expect(report.groupBy).toBe('person');
    expect(report.top.people).toEqual([
      { id: JANE, name: 'Jane Doe', hours: 9.5 },
      { id: 4, name: 'Ana Souza', hours: 6 },
    ]);
    expect(JSON.parse(hourReads()[0]?.query.filters ?? '{}')).toMatchObject({ users: [JANE, 4] });
  });

  it('a channel’s project is filtered on as it is, with no read of the projects to match a name', async () => {
    const report = reportOf(await reports.run(john, ask({ people: { kind: 'everyone' }, scope: { kind: 'project', corProjectId: 101, name: 'Mobile app' }, period: { from: '2026-11-16', to: '2026-11-20', unit: 'week' } })));
    expect(report.scope).toEqual({ kind: 'project', id: 101, name: 'Mobile app' });
    expect(report.entries.map((e) => [e.person, e.project, e.task, e.hours])).toEqual([['Jane Doe', 'Mobile app', 'Mobile app login flow', 4.5]]);
    expect(JSON.parse(hourReads()[0]?.query.filters ?? '{}')).toMatchObject({ projects: [101] });
    expect(cor.requestsTo('GET', '/projects')).toHaveLength(0);
  });

  it('a Collaborator asking for everyone’s hours is refused, and COR’s hours are not read', async () => {
    const outcome = await reports.run(jane, ask({ people: { kind: 'everyone' }, period: { from: '2026-11-16', to: '2026-11-20', unit: 'week' } }));
    expect(outcome).toEqual({ ok: false, refusal: { kind: 'not_lead' } });
    const others = await reports.run(jane, ask({ people: { kind: 'people', corUserIds: [JOHN] }, period: { from: '2026-11-16', to: '2026-11-20', unit: 'week' } }));
    expect(others).toEqual({ ok: false, refusal: { kind: 'not_lead' } });
    expect(hourReads()).toHaveLength(0);
  });

  it('my hours on a client named in my words: COR filters by that client', async () => {
    const report = reportOf(await reports.run(jane, ask({ scope: { kind: 'named', words: 'cafe rio' }, period: { from: '2026-11-16', to: '2026-11-20', unit: 'week' } })));
    expect(report.scope).toEqual({ kind: 'client', id: 12, name: 'Café Río' });
    expect(report.totalHours).toBe(2);
    expect(report.targetHours).toBeUndefined();
    expect(JSON.parse(hourReads()[0]?.query.filters ?? '{}')).toMatchObject({ users: [JANE], clients: [12] });
  });

  it('names that fit several projects are asked about; names that fit none are said so; neither reads hours', async () => {
    cor.data.projects.push({ ...(cor.data.projects[1] as (typeof cor.data.projects)[number]), id: 105, name: 'Mobile web' });
    const week = { from: '2026-11-16', to: '2026-11-20', unit: 'week' } as const;
    const several = await reports.run(jane, ask({ scope: { kind: 'named', words: 'mobile' }, period: week }));
    expect(several).toEqual({
      ok: false,
      refusal: {
        kind: 'ambiguous_scope',
        words: 'mobile',
        candidates: [
          { kind: 'project', id: 101, name: 'Mobile app' },
          { kind: 'project', id: 105, name: 'Mobile web' },
        ],
      },
    });
    expect(await reports.run(jane, ask({ scope: { kind: 'named', words: 'zebra crossing' }, period: week }))).toEqual({ ok: false, refusal: { kind: 'no_such_scope', words: 'zebra crossing' } });
    expect(hourReads()).toHaveLength(0);
    // The projects and clients were read once, as Jane.
    expect(cor.requestsTo('GET', '/projects')).toHaveLength(1);
    expect(cor.requestsTo('GET', '/projects')[0]?.userId).toBe(JANE);
  });

  it('an entry just before midnight where the asker is counts on that day, not on COR’s', async () => {
    hour(JANE, 48212, '2026-11-21 02:00:00', '2026-11-21 02:45:00'); // Friday 23:00 in Buenos Aires
    hour(JANE, 48212, '2026-11-20 02:00:00', '2026-11-20 03:00:00'); // Thursday 23:00 in Buenos Aires
    clock.set('2026-11-21T12:00:00Z');
    const report = reportOf(await reports.run(jane, ask({ period: { from: '2026-11-20', to: '2026-11-20', unit: 'day' } })));
    expect(report.totalHours).toBe(2.75);
    expect(report.entries.map((e) => [e.date, e.start, e.stop])).toEqual([
      ['2026-11-20', '09:00', '11:00'],
      ['2026-11-20', '23:00', '23:45'],
    ]);
    expect(report.previous.totalHours).toBe(8.5);
  });

  it('the same report again within a minute reads COR’s hours no more; after it, once more', async () => {
    const week = ask({ period: { from: '2026-11-16', to: '2026-11-20', unit: 'week' } });
    const first = reportOf(await reports.run(jane, week));
    const again = reportOf(await reports.run(jane, { ...week }));
    expect(again.entries).toEqual(first.entries);
    expect(hourReads()).toHaveLength(1);
    clock.advance(61_000);
    await reports.run(jane, week);
    expect(hourReads()).toHaveLength(2);
  });

  it('more entries than COR’s pages are read to: refused, never a total short of some', async () => {
    cor.maxPerPage = 1;
    const kit = corKit(cor, { clock, maxPages: 3 });
    const apiFor = apiForStoredLinks(kit, db.store, clock);
    const capped = new ReportService({ linking: { apiFor, roleOf: async () => null }, company: new CompanyFacts(appApi(kit, clock), clock), settings: db.store.reminders, links: db.store.links, times: new CorTimes(), clock, logger: memoryLogger().logger });
    const week = ask({ period: { from: '2026-11-16', to: '2026-11-20', unit: 'week' } });
    expect(reportOf(await capped.run(jane, week)).totalHours).toBe(9.5); // Jane's three entries: three pages
    hour(JANE, 48211, '2026-11-18 13:00:00', '2026-11-18 15:00:00');
    clock.advance(61_000);
    expect(await capped.run(jane, week)).toEqual({ ok: false, refusal: { kind: 'too_many_entries' } });
  });

  it('a COR that ignores the users filter: only the people asked about are counted, and that is logged once', async () => {
    cor.ignoresHoursUsersFilter = true;
    const { logger, text } = memoryLogger();
    const kit = corKit(cor, { clock });
    const apiFor = apiForStoredLinks(kit, db.store, clock);
    const strict = new ReportService({ linking: { apiFor, roleOf: async () => null }, company: new CompanyFacts(appApi(kit, clock), clock), settings: db.store.reminders, links: db.store.links, times: new CorTimes(), clock, logger });
    const report = reportOf(await strict.run(jane, ask({ period: { from: '2026-11-16', to: '2026-11-20', unit: 'week' } })));
    // Ana's 6 h and John's 2 h in the answer are left out.
    expect(report.totalHours).toBe(9.5);
    expect(report.top.people).toEqual([{ id: JANE, name: 'Jane Doe', hours: 9.5 }]);
    expect(report.entries.every((e) => e.person === 'Jane Doe')).toBe(true);
    expect(text().match(/not counted/g)).toHaveLength(1);
    expect(text()).toContain('"dropped":2');
  });

  it('the projects and clients kept to match names against are bounded in size: past it, the oldest asker’s are read again', async () => {
    const names = cor.data.projects.length + cor.data.clients.length + 1;
    const kit = corKit(cor, { clock });
    const apiFor = apiForStoredLinks(kit, db.store, clock);
    const bounded = new ReportService({ linking: { apiFor, roleOf: async () => null }, company: new CompanyFacts(appApi(kit, clock), clock), settings: db.store.reminders, links: db.store.links, times: new CorTimes(), clock, logger: memoryLogger().logger, cacheSizes: { scopeNames: names + Math.floor(names / 2) } });
    const week = { from: '2026-11-16', to: '2026-11-20', unit: 'week' } as const;
    const projectReads = () => cor.requestsTo('GET', '/projects').map((r) => r.userId);
    await bounded.warmScopes(jane);
    reportOf(await bounded.run(jane, ask({ scope: { kind: 'named', words: 'cafe rio' }, period: week })));
    expect(projectReads()).toEqual([JANE]);
    await bounded.warmScopes(john);
    reportOf(await bounded.run(jane, ask({ scope: { kind: 'named', words: 'cafe rio' }, period: week })));
    expect(projectReads()).toEqual([JANE, JOHN, JANE]);
  });

  it('the type-ahead answers only from what is read (never waiting on COR): nothing before the projects are read, names after', async () => {
    const requests = () => cor.requestsTo('GET', '/projects').length;
    expect(reports.cachedScopeOptions(jane, 'a', 5)).toBeUndefined();
    expect(requests()).toBe(0);
    await reports.warmScopes(jane);
    const found = reports.cachedScopeOptions(jane, 'homepage', 5);
    expect(found?.map((c) => c.name)).toContain('Homepage redesign');
    expect(requests()).toBe(1);
  });

  it('COR refusing the asker is said as such', async () => {
    cor.addFault({ method: 'GET', path: '/hours', status: 403 });
    expect(await reports.run(jane, ask({ period: { from: '2026-11-16', to: '2026-11-20', unit: 'week' } }))).toEqual({ ok: false, refusal: { kind: 'cor_refused' } });
  });
});

describe('previousPeriod: what a report is compared with', () => {
  const before = (from: string, to: string, unit: 'day' | 'week' | 'month' | 'range') => previousPeriod({ from, to, unit });

  it('a week so far: the same weekdays a week earlier (Monday to Wednesday against last Monday to Wednesday)', () => {
    expect(before('2026-11-16', '2026-11-18', 'week')).toEqual({ from: '2026-11-09', to: '2026-11-11' });
    expect(before('2026-11-09', '2026-11-15', 'week')).toEqual({ from: '2026-11-02', to: '2026-11-08' });
  });

  it('a month: the same days of the month before, clamped to its length', () => {
    expect(before('2026-11-01', '2026-11-15', 'month')).toEqual({ from: '2026-10-01', to: '2026-10-15' });
    // This month on the 31st: the whole of February.
    expect(before('2026-03-01', '2026-03-31', 'month')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(before('2026-03-01', '2026-03-30', 'month')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(before('2028-03-01', '2028-03-30', 'month')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    // Last month, February: the whole of January; November: the whole of October; January: December the year before.
    expect(before('2026-02-01', '2026-02-28', 'month')).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    expect(before('2026-11-01', '2026-11-30', 'month')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(before('2026-01-01', '2026-01-31', 'month')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('a day: the day before; a range: as many days just before it', () => {
    expect(before('2026-03-01', '2026-03-01', 'day')).toEqual({ from: '2026-02-28', to: '2026-02-28' });
    expect(before('2026-11-01', '2026-11-15', 'range')).toEqual({ from: '2026-10-17', to: '2026-10-31' });
  });
});

describe('buildReport', () => {
  /** An entry of 9:00 (UTC) on a day, of some hours, on a task of a project (null: none), by a person. */
  const at = (date: string, hours: number, task: { id: number; title: string; project: { id: number; name?: string } | null }, user: { id: number; name: string }): CorHour => ({
    id: 0,
    start: `${date} 09:00:00`,
    duration: hours,
    user_id: user.id,
    user: { first_name: user.name },
    task_log_id: task.id,
    task: { id: task.id, title: task.title, ...(task.project ? { project_id: task.project.id, ...(task.project.name === undefined ? {} : { project: { id: task.project.id, name: task.project.name } }) } : {}) },
  });
  const build = (hours: CorHour[], period: { from: string; to: string }, groupBy?: 'project' | 'person' | 'task' | 'day') =>
    buildReport({
      ask: { people: { kind: 'everyone' }, scope: { kind: 'all' }, period: { ...period, unit: 'range' }, groupBy, tz: 'UTC' },
      scope: undefined,
      people: [],
      hours,
      clients: new Map(),
      users: new Map(),
      targetHours: undefined,
    });
  const acme = { id: 1, name: 'Acme' };
  const bolt = { id: 2, name: 'Bolt' };
  const ana = { id: 7, name: 'Ana' };

  it('rows and series are counted by COR id: two tasks of one title are two rows, named with their projects', () => {
    const hours = [at('2026-11-02', 3, { id: 10, title: 'QA', project: acme }, ana), at('2026-11-03', 2, { id: 20, title: 'QA', project: bolt }, ana), at('2026-11-03', 1, { id: 30, title: 'Design', project: bolt }, ana)];
    const report = build(hours, { from: '2026-11-02', to: '2026-11-06' }, 'task');
    expect(report.top.tasks).toEqual([
      { id: 10, name: 'QA · Acme', hours: 3 },
      { id: 20, name: 'QA · Bolt', hours: 2 },
      { id: 30, name: 'Design', hours: 1 },
    ]);
    expect(report.chart.series.map((s) => [s.id, s.name, s.values])).toEqual([
      [10, 'QA · Acme', [3, 0, 0, 0, 0]],
      [20, 'QA · Bolt', [0, 2, 0, 0, 0]],
      [30, 'Design', [0, 1, 0, 0, 0]],
    ]);
    // Two people of one name are two people.
    const twins = build([at('2026-11-02', 3, { id: 10, title: 'QA', project: acme }, ana), at('2026-11-02', 1, { id: 10, title: 'QA', project: acme }, { id: 8, name: 'Ana' })], { from: '2026-11-02', to: '2026-11-02' }, 'person');
    expect(twins.top.people).toEqual([
      { id: 7, name: 'Ana', hours: 3 },
      { id: 8, name: 'Ana', hours: 1 },
    ]);
    expect(twins.chart.series.map((s) => s.id)).toEqual([7, 8]);
  });

  it('hours on no project are a row of their own with id null (no name), never merged with a project', () => {
    const hours = [at('2026-11-02', 3, { id: 10, title: 'QA', project: acme }, ana), at('2026-11-02', 2, { id: 40, title: 'Admin', project: null }, ana), at('2026-11-02', 1, { id: 50, title: 'Misc', project: { id: 3 } }, ana)];
    const report = build(hours, { from: '2026-11-02', to: '2026-11-02' }, 'project');
    expect(report.top.projects).toEqual([
      { id: 1, name: 'Acme', hours: 3 },
      { id: null, name: '', hours: 2 },
      { id: 3, name: '#3', hours: 1 },
    ]);
    expect(report.chart.series.map((s) => [s.id, s.name])).toEqual([
      [1, 'Acme'],
      [null, ''],
      [3, '#3'],
    ]);
  });

  it('by day: one series, the day’s total (id null), day by day up to 62 days; longer periods week by week', () => {
    const hours = [at('2026-11-02', 3, { id: 10, title: 'QA', project: acme }, ana), at('2026-11-02', 2, { id: 20, title: 'QA', project: bolt }, ana), at('2026-12-10', 1, { id: 30, title: 'Design', project: bolt }, ana)];
    const twoMonths = build(hours, { from: '2026-11-01', to: '2026-12-31' }, 'day');
    expect(twoMonths.groupBy).toBe('day');
    expect(twoMonths.chart.unit).toBe('day');
    expect(twoMonths.chart.buckets).toHaveLength(61);
    expect(twoMonths.chart.series).toHaveLength(1);
    expect(twoMonths.chart.series[0]).toMatchObject({ id: null, name: '' });
    expect(twoMonths.chart.series[0]?.values[1]).toBe(5);
    expect(twoMonths.chart.series[0]?.values[39]).toBe(1);
    expect(twoMonths.top.projects.map((r) => [r.name, r.hours])).toEqual([['Acme', 3], ['Bolt', 3]]);
    // By project over the same two months: week by week.
    expect(build(hours, { from: '2026-11-01', to: '2026-12-31' }).chart.unit).toBe('week');
    const longer = build(hours, { from: '2026-11-01', to: '2027-01-05' }, 'day');
    expect(longer.chart.unit).toBe('week');
    expect(longer.chart.series.map((s) => s.id)).toEqual([null]);
  });

  const names = ['Ana', 'Bo', 'Cy'];
  const projects = ['Acme', 'Bolt', 'Rio', 'Zed'];
  const entry = fc.record({
    minute: fc.integer({ min: 0, max: 70 * 24 * 60 }),
    length: fc.integer({ min: -5, max: 600 }),
    viaDuration: fc.boolean(),
    person: fc.integer({ min: 0, max: names.length - 1 }),
    project: fc.integer({ min: 0, max: projects.length - 1 }),
  });

  it('for any entries: the entries and every chart series add up to the total', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 60 }),
        fc.constantFrom('project', 'person', 'task', 'day', undefined),
        fc.integer({ min: 1, max: 60 }),
        (generated, groupBy, days) => {
          const base = Date.parse('2026-10-01T00:00:00Z');
          const hours: CorHour[] = generated.map((g, i) => {
            const start = new Date(base + g.minute * 60_000);
            const stop = new Date(start.getTime() + g.length * 60_000);
            const text = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ');
            return {
              id: i,
              start: text(start),
              ...(g.viaDuration ? { duration: g.length / 60 } : { stop: text(stop) }),
              user_id: g.person,
              user: { first_name: names[g.person] },
              task_log_id: g.project * 10,
              task: { id: g.project * 10, title: `Task ${g.project}`, project: { id: g.project, name: projects[g.project] as string } },
            };
          });
          const to = new Date(Date.parse('2026-11-01') + days * 86_400_000).toISOString().slice(0, 10);
          const report = buildReport({
            ask: { people: { kind: 'everyone' }, scope: { kind: 'all' }, period: { from: '2026-11-01', to, unit: 'range' }, groupBy, tz: BA },
            scope: undefined,
            people: [],
            hours,
            clients: new Map(),
            users: new Map(),
            targetHours: undefined,
          });
          expect(sum(report.entries.map((e) => e.hours))).toBeCloseTo(report.totalHours, 9);
          expect(sum(report.chart.series.map((s) => sum(s.values)))).toBeCloseTo(report.totalHours, 9);
          expect(report.entries.every((e) => e.hours > 0 && e.date >= '2026-11-01' && e.date <= to)).toBe(true);
        },
      ),
    );
  });
});
