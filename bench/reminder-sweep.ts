/**
 * One reminder sweep over many linked people, as a whole process (`cor-slack reminders run --at ...`), against
 * a fake COR holding a company of that size and a fake Slack without pacing. Each run is another workday, so
 * each starts with no deliveries. Baseline, alternated in the same run: a process that only posts as many DMs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cipherForStore } from '../src/lib/crypto.ts';
import { migrateStore, openStore } from '../src/store/index.ts';
import { addressesOf, botEnv } from '../tools/bot-process.ts';
import { FakeCor } from '../tools/fake-cor/server.ts';
import { FakeSlack } from '../tools/fake-slack/server.ts';
import { bigCompanySeed, isDue, linkBenchPeople } from './big-company.ts';
import { median } from './stats.ts';
import { measureSweep } from './sweep-process.ts';

const DATES = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];

export interface SweepBenchResult {
  name: string;
  people: number;
  runs: number;
  due: number;
  sweepMs: { median: number; all: number[] };
  processMs: { median: number };
  baselineMs: { median: number; all: number[] };
  ratio: number;
  corRequestsPerRun: number;
  corRequestsPer100People: number;
  peakRssMb: number;
  sentEqualsDue: boolean;
  errors: string[];
}

export async function reminderSweepBench(people: number, runs: number, log: (line: string) => void, extraEnv: Record<string, string> = {}): Promise<SweepBenchResult> {
  const dates = DATES.slice(0, runs);
  const cor = await new FakeCor({ seed: bigCompanySeed(people, dates) }).start();
  const slack = await new FakeSlack().start();
  const dir = mkdtempSync(join(tmpdir(), 'cor-slack-bench-sweep-'));
  const databaseUrl = `file:${join(dir, 'bench.db')}`;
  const env = botEnv(addressesOf(slack, cor), { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', REMINDER_SENDS_PER_SECOND: '1000000', ...extraEnv });
  const errors: string[] = [];
  try {
    await migrateStore(databaseUrl);
    const store = openStore(databaseUrl, cipherForStore({ key: env.TOKEN_ENCRYPTION_KEY, previousKeys: [], databaseUrl }));
    const linkStarted = performance.now();
    await linkBenchPeople(store, people);
    await store.close();
    log(`  (${people} links stored in ${((performance.now() - linkStarted) / 1000).toFixed(1)} s)\n`);
    const due = Array.from({ length: people }, (_, i) => i).filter(isDue).length;

    const sweepMs: number[] = [];
    const processMs: number[] = [];
    const baselineMs: number[] = [];
    let corRequests = 0;
    let peakRssKb = 0;
    let sentEqualsDue = true;
    for (const date of dates) {
      // 23:00 UTC: past 17:30 in Buenos Aires, London and New York, on the same local date.
      const m = await measureSweep({ cor, slack, dir, env, args: ['reminders', 'run', '--at', `${date}T23:00:00Z`], baselinePosts: due, log });
      const { report, posted } = m;
      baselineMs.push(m.baselineMs);
      processMs.push(m.processMs);
      sweepMs.push(report.ms);
      peakRssKb = Math.max(peakRssKb, report.maxRssKb);
      corRequests = Math.max(corRequests, m.corRequests);
      if (report.sent !== due || posted !== due) {
        sentEqualsDue = false;
        errors.push(`${date}: ${due} due, ${report.sent} sent by the sweep, ${posted} posted at Slack (${report.delayed} delayed, ${report.failed} failed)`);
      }
      log(`  ${date}: sweep ${report.ms} ms (process ${Math.round(m.processMs)} ms), baseline ${m.baselineMs} ms, ${m.corRequests} COR requests, ${report.sent} DMs, peak RSS ${(report.maxRssKb / 1024).toFixed(0)} MB\n`);
    }
    return {
      name: `reminder sweep over ${people} linked people`,
      people,
      runs,
      due,
      sweepMs: { median: median(sweepMs), all: sweepMs },
      processMs: { median: median(processMs) },
      baselineMs: { median: median(baselineMs), all: baselineMs },
      ratio: median(sweepMs) / median(baselineMs),
      corRequestsPerRun: corRequests,
      corRequestsPer100People: (corRequests / people) * 100,
      peakRssMb: peakRssKb / 1024,
      sentEqualsDue,
      errors,
    };
  } finally {
    await Promise.all([cor.stop(), slack.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}
