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

const BASELINE = fileURLToPath(new URL('./baseline-app.ts', import.meta.url));

export interface AckLatencyResult {
  name: string;
  concurrency: number;
  requests: number;
  bot: { p50: number; p99: number };
  baseline: { p50: number; p99: number };
  ratio: { p50: number; p99: number };
  errors: number;
  /** with countWrites: entries the bot was asked to write, and entries COR got */
  writes?: { asked: number; written: number };
}

let sequence = 0;

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
}

export async function ackLatency(opts: AckLatencyOptions): Promise<AckLatencyResult> {
  const fakes = await startFakesProcess();
  const { urls } = fakes;
  const port = await freePort();
  const env = botEnv(urls, {
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  });
  const bot = await startBot(env);
  const baseline = await startBot({ ...env, PORT: '0' }, 20_000, BASELINE);
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
    for (let round = 0; round < opts.warmupRounds + opts.rounds; round++) {
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
    const botStats = { p50: percentile(b.ms, 50), p99: percentile(b.ms, 99) };
    const baseStats = { p50: percentile(base.ms, 50), p99: percentile(base.ms, 99) };
    return {
      name: opts.name,
      concurrency: opts.concurrency,
      requests: b.ms.length,
      bot: botStats,
      baseline: baseStats,
      ratio: { p50: botStats.p50 / baseStats.p50, p99: botStats.p99 / baseStats.p99 },
      errors,
      ...(writes ? { writes } : {}),
    };
  } finally {
    await Promise.all([bot.stop(), baseline.stop()]);
    fakes.stop();
  }
}
