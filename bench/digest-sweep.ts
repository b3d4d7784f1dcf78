/**
 * One digest sweep (`cor-slack digests run --at ...`) as a whole process: `people` linked people in digests of
 * `people / digests` each, all due at once, against a fake COR holding the company and a fake Slack. Each run is
 * another workday (each digest is about the day before). Baseline, alternated in the same run: a process that
 * only posts as many messages.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cipherForStore } from '../src/lib/crypto.ts';
import { migrateStore, openStore } from '../src/store/index.ts';
import { addressesOf, botEnv } from '../tools/bot-process.ts';
import { FakeCor } from '../tools/fake-cor/server.ts';
import { FakeSlack } from '../tools/fake-slack/server.ts';
import { bigCompanySeed, linkBenchPeople } from './big-company.ts';
import { median } from './stats.ts';
import { measureSweep } from './sweep-process.ts';

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
      await store.digests.create({ tenantKey: 'T:T0DEMO', ownerSlackUserId: 'U02JOHN', audience: { kind: 'people', slackUserIds: members }, channelId: `CD${d}`, schedule: 'daily', localTime: '09:00', tz: 'America/New_York', shortUnderHours: null, language: null });
    }
    await store.close();

    const sweepMs: number[] = [];
    const baselineMs: number[] = [];
    let corRequests = 0;
    let peakRssKb = 0;
    let sentEqualsDigests = true;
    for (const morning of mornings) {
      // 14:01 UTC: 09:01 in New York, where the digests' time is.
      const m = await measureSweep({ cor, slack, dir, env, args: ['digests', 'run', '--at', `${morning}T14:01:00Z`], baselinePosts: digests, log });
      const { report, posted } = m;
      baselineMs.push(m.baselineMs);
      sweepMs.push(report.ms);
      peakRssKb = Math.max(peakRssKb, report.maxRssKb);
      corRequests = Math.max(corRequests, m.corRequests);
      if (report.sent !== digests || posted !== digests) {
        sentEqualsDigests = false;
        errors.push(`${morning}: ${digests} digests, ${report.sent} sent by the sweep, ${posted} posted (${report.delayed} delayed, ${report.failed} failed)`);
      }
      log(`  ${morning}: sweep ${report.ms} ms, baseline ${m.baselineMs} ms, ${m.corRequests} COR requests, ${report.sent} digests, peak RSS ${(report.maxRssKb / 1024).toFixed(0)} MB\n`);
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
