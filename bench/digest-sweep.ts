/**
 * One digest sweep (`cor-slack digests run --at ...`) as a whole process: `people` linked people in digests of
 * `people / digests` each, all due at once, against a fake COR holding the company and a fake Slack. Each run is
 * another workday (each digest is about the day before). Baseline, alternated in the same run: a process that
 * only posts as many messages.
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
import { bigCompanySeed, linkBenchPeople } from './big-company.ts';
import { median } from './stats.ts';

const run = promisify(execFile);
const BASELINE = fileURLToPath(new URL('./baseline-dms.ts', import.meta.url));
/** Digests are sent on these mornings, each about the workday before. */
const MORNINGS = ['2026-11-24', '2026-11-25', '2026-11-26'];

export interface DigestBenchResult {
  name: string;
  people: number;
  digests: number;
  runs: number;
  sweepMs: { median: number; all: number[] };
  baselineMs: { median: number; all: number[] };
  ratio: number;
  corRequestsPerRun: number;
  peakRssMb: number;
  sentEqualsDigests: boolean;
  errors: string[];
}

export async function digestSweepBench(people: number, digests: number, runs: number, log: (line: string) => void): Promise<DigestBenchResult> {
  const mornings = MORNINGS.slice(0, runs);
  // The days the digests are about carry the company's hours.
  const cor = await new FakeCor({ seed: bigCompanySeed(people, ['2026-11-23', '2026-11-24', '2026-11-25']) }).start();
  const slack = await new FakeSlack().start();
  const dir = mkdtempSync(join(tmpdir(), 'cor-slack-bench-digest-'));
  const databaseUrl = `file:${join(dir, 'bench.db')}`;
  const env = botEnv(addressesOf(slack, cor), { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' });
  const errors: string[] = [];
  try {
    await migrateStore(databaseUrl);
    const store = openStore(databaseUrl, cipherForStore({ key: env.TOKEN_ENCRYPTION_KEY, previousKeys: [], databaseUrl }));
    const perDigest = Math.ceil(people / digests);
    await linkBenchPeople(store, people);
    // One lead (John, a Project Manager in COR) with all the digests.
    await store.links.upsert({ tenantKey: 'T:T0DEMO', slackUserId: 'U02JOHN', corUserId: 3, corName: 'John Smith', tz: 'America/New_York', tokens: { accessToken: 'at-3', refreshToken: 'rt-3', expiresAt: new Date('2026-11-23T00:00:00Z') } });
    for (let d = 0; d < digests; d++) {
      const members = Array.from({ length: perDigest }, (_, j) => `UB${d * perDigest + j}`).filter((_, j) => d * perDigest + j < people);
      await store.digests.create({ tenantKey: 'T:T0DEMO', ownerSlackUserId: 'U02JOHN', audience: { kind: 'people', slackUserIds: members }, channelId: `CD${d}`, schedule: 'daily', localTime: '09:00', tz: 'America/New_York', shortUnderHours: null });
    }
    await store.close();

    const sweepMs: number[] = [];
    const baselineMs: number[] = [];
    let corRequests = 0;
    let peakRssKb = 0;
    let sentEqualsDigests = true;
    for (const morning of mornings) {
      const base = JSON.parse((await run(process.execPath, [TSX_CLI, BASELINE, String(digests), slack.apiUrl], { cwd: REPO })).stdout) as { ms: number };
      baselineMs.push(base.ms);
      const exchangesBefore = cor.exchanges.length;
      const postsBefore = slack.callsTo('chat.postMessage').length;
      // 14:01 UTC: 09:01 in New York, where the digests' time is.
      const { stdout, stderr } = await run(process.execPath, [...CLI_NODE_ARGS, CLI, 'digests', 'run', '--at', `${morning}T14:01:00Z`, '--json'], { cwd: dir, env, maxBuffer: 256 * 1024 * 1024 });
      if (stderr.trim()) log(stderr);
      const report = JSON.parse(stdout) as { ms: number; maxRssKb: number; sent: number; delayed: number; failed: number };
      sweepMs.push(report.ms);
      peakRssKb = Math.max(peakRssKb, report.maxRssKb);
      const requests = cor.exchanges.slice(exchangesBefore).filter((x) => !x.path.startsWith('/oauth')).length;
      corRequests = Math.max(corRequests, requests);
      const posted = slack.callsTo('chat.postMessage').length - postsBefore;
      if (report.sent !== digests || posted !== digests) {
        sentEqualsDigests = false;
        errors.push(`${morning}: ${digests} digests, ${report.sent} sent by the sweep, ${posted} posted (${report.delayed} delayed, ${report.failed} failed)`);
      }
      log(`  ${morning}: sweep ${report.ms} ms, baseline ${base.ms} ms, ${requests} COR requests, ${report.sent} digests, peak RSS ${(report.maxRssKb / 1024).toFixed(0)} MB\n`);
    }
    return {
      name: `digest sweep over ${people} people in ${digests} digests`,
      people,
      digests,
      runs,
      sweepMs: { median: median(sweepMs), all: sweepMs },
      baselineMs: { median: median(baselineMs), all: baselineMs },
      ratio: median(sweepMs) / median(baselineMs),
      corRequestsPerRun: corRequests,
      peakRssMb: peakRssKb / 1024,
      sentEqualsDigests,
      errors,
    };
  } finally {
    await Promise.all([cor.stop(), slack.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}
