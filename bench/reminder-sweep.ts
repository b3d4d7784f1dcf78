/**
 * One reminder sweep over many linked people, as a whole process (`cor-slack reminders run --at ...`), against
 * a fake COR holding a company of that size and a fake Slack without pacing. Each run is another workday, so
 * each starts with no deliveries. Baseline, alternated in the same run: a process that only posts as many DMs.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { cipherForStore } from '../src/lib/crypto.ts';
import { migrateStore, openStore } from '../src/store/index.ts';
import { addressesOf, botEnv, CLI, CLI_NODE_ARGS, REPO, TSX_CLI } from '../tools/bot-process.ts';
import { FakeCor } from '../tools/fake-cor/server.ts';
import { FakeSlack } from '../tools/fake-slack/server.ts';
import { bigCompanySeed, isDue, linkBenchPeople } from './big-company.ts';
import { median } from './stats.ts';

const run = promisify(execFile);
const BASELINE = fileURLToPath(new URL('./baseline-dms.ts', import.meta.url));
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
      const base = JSON.parse((await run(process.execPath, [TSX_CLI, BASELINE, String(due), slack.apiUrl], { cwd: REPO })).stdout) as { ms: number };
      baselineMs.push(base.ms);

      const exchangesBefore = cor.exchanges.length;
      const postsBefore = slack.callsTo('chat.postMessage').length;
      const started = performance.now();
      // 23:00 UTC: past 17:30 in Buenos Aires, London and New York, on the same local date.
      const { stdout, stderr } = await run(process.execPath, [...CLI_NODE_ARGS, CLI, 'reminders', 'run', '--at', `${date}T23:00:00Z`, '--json'], { cwd: dir, env, maxBuffer: 64 * 1024 * 1024 });
      processMs.push(performance.now() - started);
      if (stderr.trim()) log(stderr);
      const report = JSON.parse(stdout) as { ms: number; maxRssKb: number; sent: number; delayed: number; failed: number };
      sweepMs.push(report.ms);
      peakRssKb = Math.max(peakRssKb, report.maxRssKb);
      const requests = cor.exchanges.slice(exchangesBefore).filter((x) => !x.path.startsWith('/oauth')).length;
      corRequests = Math.max(corRequests, requests);
      const posted = slack.callsTo('chat.postMessage').length - postsBefore;
      if (report.sent !== due || posted !== due) {
        sentEqualsDue = false;
        errors.push(`${date}: ${due} due, ${report.sent} sent by the sweep, ${posted} posted at Slack (${report.delayed} delayed, ${report.failed} failed)`);
      }
      log(`  ${date}: sweep ${report.ms} ms (process ${Math.round(processMs.at(-1) ?? 0)} ms), baseline ${base.ms} ms, ${requests} COR requests, ${report.sent} DMs, peak RSS ${(report.maxRssKb / 1024).toFixed(0)} MB\n`);
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
