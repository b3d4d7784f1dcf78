/**
 * Ack latency of `/cor help` over HTTP at a given concurrency: the bot as a whole process against a bare
 * Bolt app (the baseline) measured in the same run, rounds alternating between the two so drift hits both.
 */
import { fileURLToPath } from 'node:url';
import { botEnv, freePort, SIGNING_SECRET, startBot } from '../tools/bot-process.ts';
import { startFakesProcess } from './fakes.ts';
import { linkUser } from '../test/helpers/linking.ts';
import { type ResponseUrls, type SentRequest, SlackRequestSender } from '../tools/fake-slack/signed-requests.ts';
import { percentile } from './stats.ts';
import { readFileSync } from 'node:fs';

/** CPU time a process has used so far (user + system), in ms, from /proc (Linux; ticks of 10 ms). */
function cpuMsOf(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

const BASELINE = fileURLToPath(new URL('./baseline-app.ts', import.meta.url));

export interface AckLatencyResult {
  name: string;
  concurrency: number;
  requests: number;
  bot: { p50: number; p99: number; max: number };
  baseline: { p50: number; p99: number; max: number };
  ratio: { p50: number; p99: number };
  /** CPU ms per request over the measured rounds (the bot: its ack and all the work after it) */
  cpuMsPerRequest: { bot: number; baseline: number };
  /** store queries per request over the measured rounds (the bot's /metrics) */
  storeQueriesPerRequest: number;
  /** the bot process's peak RSS over the whole run, MB */
  peakRssMb: number;
  errors: number;
  /** with countWrites: entries the bot was asked to write, and entries COR got */
  writes?: { asked: number; written: number };
}

let sequence = 0;

/** The peak resident memory of a process so far, in MB (VmHWM in /proc; Linux). */
function peakRssMbOf(pid: number | undefined): number {
  const line = pid === undefined ? undefined : /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return line ? Number(line[1]) / 1024 : Number.NaN;
}

/** Waits until a process has used no CPU for 300 ms (its work after the acks is done; timers aside), at most 30 s. */
async function quiet(pid: number | undefined): Promise<void> {
  let last = cpuMsOf(pid);
  for (let waited = 0; waited < 30_000; waited += 300) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const now = cpuMsOf(pid);
    if (now - last <= 10) return;
    last = now;
  }
}

async function burst(sender: SlackRequestSender, opts: AckLatencyOptions): Promise<{ ms: number[]; errors: number }> {
  const results = await Promise.all(
    Array.from({ length: opts.concurrency }, (_, i) => {
      const n = sequence++;
      return opts.request ? opts.request(sender, i, n) : sender.slashCommand({ text: opts.text(i), trigger_id: `bench.${n}` });
    }),
  );
  return { ms: results.map((r) => r.ms), errors: results.filter((r) => r.status !== 200 || !r.text.includes(opts.expect)).length };
}

export interface AckLatencyOptions {
  name: string;
  /** what follows /cor, for the i-th request of a burst */
  text: (i: number) => string;
  /** the answer must contain this */
  expect: string;
  concurrency: number;
  rounds: number;
  warmupRounds: number;
  /** every COR answer takes this long (after the user is linked) */
  corLatencyMs?: number;
  /** link U01JANE to COR user 2 first (commands that need a link) */
  linkFirst?: boolean;
  /** another request than `/cor <text>` (the i-th of a burst, n-th overall) */
  request?: (sender: SlackRequestSender, i: number, n: number) => Promise<SentRequest>;
  /** each request to the bot writes one entry: wait for them and check that each was written exactly once */
  countWrites?: boolean;
  /** write a V8 CPU profile of the bot process into this folder */
  profileDir?: string;
}

export async function ackLatency(opts: AckLatencyOptions): Promise<AckLatencyResult> {
  const fakes = await startFakesProcess();
  const { urls } = fakes;
  const port = await freePort();
  const env = botEnv(urls, {
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  });
  // Both in one process each (tsx loaded in), so that /proc/<pid> is the app's own CPU.
  const bot = await startBot(env, 20_000, undefined, opts.profileDir ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${opts.profileDir}`] } : {});
  const baseline = await startBot({ ...env, PORT: '0' }, 20_000, BASELINE);
  const storeQueries = async () => {
    const text = await (await fetch(`${bot.baseUrl}/metrics`)).text();
    return Number(/^cor_slack_store_queries_total (\d+)/m.exec(text)?.[1] ?? Number.NaN);
  };
  const responses: ResponseUrls = { newResponseUrl: () => `${urls.responseBase}R${Math.random().toString(36).slice(2)}` };
  try {
    if (opts.linkFirst) await linkUser(new SlackRequestSender(`${bot.baseUrl}/slack/events`, SIGNING_SECRET, responses), 'U01JANE', 2);
    if (opts.corLatencyMs) {
      await fetch(`${fakes.corAdmin}/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ latencyMs: opts.corLatencyMs }) });
    }
    const targets = [
      { name: 'bot', sender: new SlackRequestSender(`${bot.baseUrl}/slack/events`, SIGNING_SECRET, responses), ms: [] as number[] },
      { name: 'baseline', sender: new SlackRequestSender(`${baseline.baseUrl}/slack/events`, SIGNING_SECRET, responses), ms: [] as number[] },
    ];
    let errors = 0;
    let botRequests = 0;
    // CPU and store queries over the measured rounds, until the bot's work after its acks is done.
    let cpuFrom = { bot: Number.NaN, baseline: Number.NaN };
    let queriesFrom = 0;
    for (let round = 0; round < opts.warmupRounds + opts.rounds; round++) {
      if (round === opts.warmupRounds) {
        await quiet(bot.child.pid);
        cpuFrom = { bot: cpuMsOf(bot.child.pid), baseline: cpuMsOf(baseline.child.pid) };
        queriesFrom = await storeQueries();
      }
      const order = round % 2 === 0 ? targets : [...targets].reverse();
      for (const t of order) {
        const r = await burst(t.sender, opts);
        if (t.name === 'bot') botRequests += opts.concurrency;
        if (round >= opts.warmupRounds) {
          t.ms.push(...r.ms);
          errors += r.errors;
        }
      }
    }
    await quiet(bot.child.pid);
    const cpu = { bot: cpuMsOf(bot.child.pid) - cpuFrom.bot, baseline: cpuMsOf(baseline.child.pid) - cpuFrom.baseline };
    const queries = (await storeQueries()) - queriesFrom;
    let writes: AckLatencyResult['writes'];
    if (opts.countWrites) {
      // The writes go on after the acks: wait until COR has them all (or stops getting more).
      const count = () => fakes.corCount('POST', '/hours', 200);
      let written = await count();
      for (let waited = 0; written < botRequests && waited < 120_000; waited += 500) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        written = await count();
      }
      writes = { asked: botRequests, written };
    }
    const [b, base] = targets as [(typeof targets)[0], (typeof targets)[0]];
    const botStats = { p50: percentile(b.ms, 50), p99: percentile(b.ms, 99), max: Math.max(...b.ms) };
    const baseStats = { p50: percentile(base.ms, 50), p99: percentile(base.ms, 99), max: Math.max(...base.ms) };
    return {
      name: opts.name,
      concurrency: opts.concurrency,
      requests: b.ms.length,
      bot: botStats,
      baseline: baseStats,
      ratio: { p50: botStats.p50 / baseStats.p50, p99: botStats.p99 / baseStats.p99 },
      cpuMsPerRequest: { bot: cpu.bot / b.ms.length, baseline: cpu.baseline / base.ms.length },
      storeQueriesPerRequest: queries / b.ms.length,
      peakRssMb: peakRssMbOf(bot.child.pid),
      errors,
      ...(writes ? { writes } : {}),
    };
  } finally {
    await Promise.all([bot.stop(), baseline.stop()]);
    fakes.stop();
  }
}
