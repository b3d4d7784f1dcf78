/**
 * A report of a 50-person team's month (about 10,000 entries in a fake COR) as a whole process: the report service's
 * time to a Report and its COR requests, then the chart of that report drawn (renderChart), with the process's
 * peak RSS. Baseline, in the same run: a process that only reads the same hours with one plain paged GET /hours.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CLI_NODE_ARGS, REPO } from '../tools/bot-process.ts';
import { FakeCor } from '../tools/fake-cor/server.ts';
import { demoSeed } from '../tools/fake-cor/seed.ts';
import type { ReportProcessInput, ReportProcessOutput } from './report-process.ts';

const run = promisify(execFile);
const PROCESS = fileURLToPath(new URL('./report-process.ts', import.meta.url));
const PEOPLE = 50;
const ENTRIES = 10_000;
const FIRST_PERSON = 1_000;
const FIRST_PROJECT = 500;
const FIRST_TASK = 50_000;
const PROJECTS = 12;
const TASKS_PER_PROJECT = 5;
const RUNS = 4;

export interface ReportsBenchResult {
  name: string;
  people: number;
  entries: number;
  runs: number;
  report: ReportProcessOutput & { corRequestsPerRun: number };
  baseline: ReportProcessOutput & { corRequestsPerRun: number };
}

/** The same team every run: a small linear congruential generator. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

const corTime = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

export async function reportsBench(log: (line: string) => void): Promise<ReportsBenchResult> {
  const seed = demoSeed();
  const people = Array.from({ length: PEOPLE }, (_, i) => FIRST_PERSON + i);
  for (const id of people) seed.users.push({ id, first_name: 'Team', last_name: `Member ${id}`, email: `member${id}@acme.example`, role_id: 4, daily_hours: 8, gmt: '-03:00', hidden: false, password: 'demo' });
  for (let p = 0; p < PROJECTS; p++) {
    const id = FIRST_PROJECT + p;
    seed.projects.push({ id, externalId: null, name: `Bench project ${p}`, client_id: 10 + (p % 3), pm_id: 3, status: 'in_process', start: '2026-09-01', end: '2027-03-31', brief: null, estimated_time: 4000, billable: true, income_type: 'fee', archived: false });
    for (let t = 0; t < TASKS_PER_PROJECT; t++) {
      seed.tasks.push({ id: FIRST_TASK + p * TASKS_PER_PROJECT + t, title: `Bench task ${p}.${t}`, project_id: id, description: '', deadline: null, status: 'en_proceso', priority: 1, archived: false, collaborators: people });
    }
  }
  // December 2026's workdays: 10,000 entries of 15 min to 3 h, between 09:00 and 19:00 in Buenos Aires.
  const next = random(23);
  const workdays = Array.from({ length: 31 }, (_, i) => Date.UTC(2026, 11, i + 1)).filter((d) => new Date(d).getUTCDay() % 6 !== 0);
  for (let n = 0; n < ENTRIES; n++) {
    const day = workdays[Math.floor(next() * workdays.length)] as number;
    const start = day + (12 + Math.floor(next() * 40) / 4) * 3_600_000;
    const stop = start + Math.round((0.25 + next() * 2.75) * 4) * 900_000;
    const task = FIRST_TASK + Math.floor(next() * PROJECTS * TASKS_PER_PROJECT);
    seed.hours.push({ id: 700_000 + n, user_id: people[Math.floor(next() * PEOPLE)] as number, task_log_id: task, start: corTime(start), stop: corTime(stop), comments: null, created_at: corTime(stop) });
  }
  const cor = await new FakeCor({ seed }).start();
  const token = cor.issueTokens(1, 3_600_000).access_token; // Carla, C-Level
  const base: Omit<ReportProcessInput, 'mode'> = {
    runs: RUNS,
    apiUrl: cor.apiUrl,
    token,
    asker: { corUserId: 1, corName: 'Carla Admin' },
    people,
    ask: { people: { kind: 'people', corUserIds: people, groupName: 'design' }, scope: { kind: 'all' }, period: { from: '2026-12-01', to: '2026-12-31', unit: 'month' }, groupBy: undefined, tz: 'America/Argentina/Buenos_Aires' },
    now: '2027-01-04T15:00:00Z',
    // What the service sends: the month before and the month, a day wider each side.
    filters: { users: people, dateStart: '2026-10-30', dateDeadline: '2027-01-01' },
  };
  const measure = async (mode: ReportProcessInput['mode']) => {
    const before = cor.exchanges.length;
    const { stdout, stderr } = await run(process.execPath, [...CLI_NODE_ARGS, PROCESS, JSON.stringify({ ...base, mode })], { cwd: REPO, maxBuffer: 64 * 1024 * 1024 });
    if (stderr.trim()) log(stderr);
    const requests = cor.exchanges.slice(before).filter((x) => !x.path.includes('/oauth'));
    // Kept small: the fake COR's record of 10,000 entries a page at a time is not what is measured.
    cor.exchanges.length = 0;
    return { ...(JSON.parse(stdout) as ReportProcessOutput), corRequestsPerRun: requests.length / RUNS };
  };
  try {
    const baseline = await measure('baseline');
    log(`  baseline (GET /hours alone): p50 ${baseline.runMs.p50.toFixed(0)} ms, ${baseline.corRequestsPerRun} COR requests a run\n`);
    const report = await measure('report');
    return { name: `report of a ${PEOPLE}-person team's month`, people: PEOPLE, entries: ENTRIES, runs: RUNS, report, baseline };
  } finally {
    await cor.stop();
  }
}
