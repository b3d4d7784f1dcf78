/**
 * The reports bench's own process (see reports.ts): `baseline` reads the report's hours with one plain paged
 * GET /hours and nothing else; `report` builds the report service as main.ts does (COR as the asker, the company
 * facts as the app, a SQLite store) and asks for the same report, each run a minute after the last (no cache hit),
 * then draws its chart. Prints its timings and peak RSS as one JSON line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientCredentialsTokenSource, CorAuth } from '../src/cor/auth.ts';
import { CorClient, type HourFilters } from '../src/cor/client.ts';
import { CorTransport } from '../src/cor/transport.ts';
import { CompanyFacts } from '../src/domain/company-facts.ts';
import type { Report, ReportAsk } from '../src/domain/reports/model.ts';
import { ReportService } from '../src/domain/reports/service.ts';
import { CorTimes } from '../src/domain/time-entries/cor-times.ts';
import { ManualClock } from '../src/lib/clock.ts';
import { TokenCipher } from '../src/lib/crypto.ts';
import { createLogger } from '../src/logger.ts';
import { migrateStore, openStore } from '../src/store/index.ts';
import { FAKE_API_KEY, FAKE_CLIENT_SECRET } from '../tools/fake-cor/server.ts';
import { percentile } from './stats.ts';

export interface ReportProcessInput {
  mode: 'baseline' | 'report';
  runs: number;
  apiUrl: string;
  /** the asker's access token, and who they are in COR */
  token: string;
  asker: { corUserId: number; corName: string };
  /** the people of the report (a team), by COR user id */
  people: number[];
  ask: ReportAsk;
  /** the asker's local now */
  now: string;
  /** what the baseline reads: the filters the service sends */
  filters: HourFilters;
}

export interface ReportProcessOutput {
  runMs: { p50: number; p99: number };
  chartMs?: { p50: number; p99: number };
  entries: number;
  totalHours: number;
  maxRssKb: number;
  /** peak RSS once the reports were made, before the chart kit was loaded */
  reportRssKb?: number;
}

const input = JSON.parse(process.argv[2] ?? '{}') as ReportProcessInput;
const clock = new ManualClock(input.now);
const logger = createLogger('warn');
const transport = new CorTransport({ apiUrl: input.apiUrl, integrationsUrl: input.apiUrl, timeoutMs: 30_000, clock, logger });
const cor = new CorClient(transport);
const asker = cor.as({ accessToken: async () => input.token, renewAfterRejection: async () => undefined });
const summary = (t: number[]) => ({ p50: percentile(t, 50), p99: percentile(t, 99) });
const runMs: number[] = [];
let output: ReportProcessOutput;

if (input.mode === 'baseline') {
  let entries = 0;
  for (let i = 0; i < input.runs; i++) {
    const started = performance.now();
    entries = (await asker.allHours(input.filters)).length;
    runMs.push(performance.now() - started);
  }
  output = { runMs: summary(runMs), entries, totalHours: 0, maxRssKb: process.resourceUsage().maxRSS };
} else {
  const dir = mkdtempSync(join(tmpdir(), 'cor-slack-bench-reports-'));
  const databaseUrl = `file:${join(dir, 'bench.db')}`;
  try {
    await migrateStore(databaseUrl);
    const store = openStore(databaseUrl, new TokenCipher(Buffer.alloc(32, 7)));
    const tokens = { accessToken: input.token, refreshToken: 'unused', expiresAt: new Date(clock.now().getTime() + 86_400_000) };
    const link = await store.links.upsert({ tenantKey: 'T:T0DEMO', slackUserId: 'UASKER', corUserId: input.asker.corUserId, corName: input.asker.corName, tz: input.ask.tz, tokens });
    for (const id of input.people) await store.links.upsert({ tenantKey: 'T:T0DEMO', slackUserId: `UB${id}`, corUserId: id, corName: `Person ${id}`, tz: input.ask.tz, tokens });
    const appCor = cor.as(new ClientCredentialsTokenSource(new CorAuth(transport, { apiKey: FAKE_API_KEY, clientSecret: FAKE_CLIENT_SECRET }, clock), clock));
    const reports = new ReportService({
      linking: { apiFor: () => asker, roleOf: async () => (await asker.me()).role_id ?? null },
      company: new CompanyFacts(appCor, clock),
      settings: store.reminders,
      links: store.links,
      times: new CorTimes(),
      clock,
      logger,
    });
    const chartMs: number[] = [];
    let report: Report | undefined;
    for (let i = 0; i < input.runs; i++) {
      clock.advance(61_000);
      const started = performance.now();
      const outcome = await reports.run(link, input.ask);
      runMs.push(performance.now() - started);
      if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.refusal)}`);
      report = outcome.report;
    }
    const reportRssKb = process.resourceUsage().maxRSS;
    const { renderChart } = await import('../src/lib/charts.ts');
    // Enough renders for a p99 that is not just the slowest of a handful.
    const CHART_RENDERS = 100;
    const done = report as Report;
    const nf = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
    const chart = {
      kind: 'bars' as const,
      title: 'Hours by person',
      periods: done.chart.buckets,
      series: done.chart.series,
      labels: { other: 'Everyone else', total: 'In all' },
      ...(done.targetHours === undefined ? {} : { target: { value: done.targetHours / done.chart.buckets.length, label: 'Team day' } }),
      format: (v: number) => `${nf.format(v)} h`,
    };
    for (let i = 0; i < 3; i++) renderChart(chart);
    for (let i = 0; i < CHART_RENDERS; i++) {
      const started = performance.now();
      renderChart(chart);
      chartMs.push(performance.now() - started);
    }
    await store.close();
    output = { runMs: summary(runMs), chartMs: summary(chartMs), entries: done.entries.length, totalHours: done.totalHours, maxRssKb: process.resourceUsage().maxRSS, reportRssKb };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
process.stdout.write(`${JSON.stringify(output)}\n`);
