/**
 * The budget sweep (`cor-slack budget run --at ... --json`) as a whole process over `channels` channel projects in
 * a fake COR: one in ten has crossed 80 % of its estimate (an alert each in the first sweep); the second sweep
 * posts nothing (every alert claimed) and shows the steady cost. Baseline, in the same run: a process that only
 * posts as many messages as the first sweep.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cipherForStore } from '../src/lib/crypto.ts';
import { migrateStore, openStore } from '../src/store/index.ts';
import { addressesOf, botEnv } from '../tools/bot-process.ts';
import { FakeCor } from '../tools/fake-cor/server.ts';
import { demoSeed } from '../tools/fake-cor/seed.ts';
import { FakeSlack } from '../tools/fake-slack/server.ts';
import { measureSweep } from './sweep-process.ts';

const FIRST_PROJECT = 200_000;
const FIRST_TASK = 300_000;
const AT = '2026-11-25T15:00:00Z';

export interface BudgetBenchResult {
  name: string;
  channels: number;
  runs: { posted: number; ms: number; processMs: number; corRequests: number; peakRssMb: number }[];
  baselineMs: number;
  alertsDue: number;
  postedOnce: boolean;
}

export async function budgetSweepBench(channels: number, log: (line: string) => void): Promise<BudgetBenchResult> {
  const seed = demoSeed();
  let alertsDue = 0;
  for (let i = 0; i < channels; i++) {
    const id = FIRST_PROJECT + i;
    seed.projects.push({ id, externalId: `CB${i}`, name: `Bench project ${i}`, client_id: 10, pm_id: 3, status: 'in_process', start: '2026-09-01', end: '2027-03-31', brief: null, estimated_time: 100, billable: true, income_type: 'fee', archived: false });
    seed.tasks.push({ id: FIRST_TASK + i, title: `Bench task ${i}`, project_id: id, description: '', deadline: null, status: 'en_proceso', priority: 1, archived: false, collaborators: [2] });
    const crossed = i % 10 === 0;
    if (crossed) alertsDue++;
    // 85 h or 30 h of 100, logged in the bench week.
    const hours = crossed ? 85 : 30;
    const stop = new Date(Date.parse('2026-11-20T00:00:00Z') + hours * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    seed.hours.push({ id: 600_000 + i, user_id: 2, task_log_id: FIRST_TASK + i, start: '2026-11-20 00:00:00', stop, comments: null, created_at: stop });
  }
  const cor = await new FakeCor({ seed }).start();
  const slack = await new FakeSlack().start();
  const dir = mkdtempSync(join(tmpdir(), 'cor-slack-bench-budget-'));
  const databaseUrl = `file:${join(dir, 'bench.db')}`;
  const env = botEnv(addressesOf(slack, cor), { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' });
  try {
    await migrateStore(databaseUrl);
    const store = openStore(databaseUrl, cipherForStore({ key: env.TOKEN_ENCRYPTION_KEY, previousKeys: [], databaseUrl }));
    for (let i = 0; i < channels; i++) {
      await store.channelProjects.save({ tenantKey: 'T:T0DEMO', channelId: `CB${i}`, corProjectId: FIRST_PROJECT + i, externalId: `CB${i}`, name: `Bench project ${i}`, createdBy: 'U02JOHN' });
    }
    await store.close();
    const runs: BudgetBenchResult['runs'] = [];
    let baselineMs = 0;
    let postedOnce = true;
    for (const [n, expected] of [alertsDue, 0].entries()) {
      const m = await measureSweep({ cor, slack, dir, env, args: ['budget', 'run', '--at', AT], baselinePosts: alertsDue, log });
      const report = m.report as unknown as { posted: number; ms: number; maxRssKb: number };
      if (n === 0) baselineMs = m.baselineMs;
      if (report.posted !== expected || m.posted !== expected) postedOnce = false;
      runs.push({ posted: m.posted, ms: report.ms, processMs: Math.round(m.processMs), corRequests: m.corRequests, peakRssMb: report.maxRssKb / 1024 });
      log(`  sweep ${n + 1}: ${report.ms} ms (process ${Math.round(m.processMs)} ms), baseline ${m.baselineMs} ms, ${m.corRequests} COR requests, ${m.posted} alerts posted (${expected} due), peak RSS ${(report.maxRssKb / 1024).toFixed(0)} MB\n`);
    }
    return { name: `budget sweep over ${channels} channel projects`, channels, runs, baselineMs, alertsDue, postedOnce };
  } finally {
    await Promise.all([cor.stop(), slack.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}
