/**
 * Ack latency of `/cor help` over HTTP at a given concurrency: the bot as a whole process against a bare
 * Bolt app (the baseline) measured in the same run, rounds alternating between the two so drift hits both.
 */
import { fileURLToPath } from 'node:url';
import { type ChildProcess, spawn } from 'node:child_process';
import { botEnv, type FakeAddresses, freePort, SIGNING_SECRET, startBot, TSX_CLI } from '../tools/bot-process.ts';
import { linkUser } from '../test/helpers/linking.ts';
import { type ResponseUrls, SlackRequestSender } from '../tools/fake-slack/signed-requests.ts';
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
}

async function burst(sender: SlackRequestSender, text: (i: number) => string, expect: string, concurrency: number): Promise<{ ms: number[]; errors: number }> {
  const results = await Promise.all(Array.from({ length: concurrency }, (_, i) => sender.slashCommand({ text: text(i) })));
  return { ms: results.map((r) => r.ms), errors: results.filter((r) => r.status !== 200 || !r.text.includes(expect)).length };
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
}

/** Starts the fakes in their own process and resolves with their addresses. */
async function startFakes(): Promise<{ child: ChildProcess; urls: FakeUrls }> {
  const child = spawn(process.execPath, [TSX_CLI, fileURLToPath(new URL('./fakes-process.ts', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit'] });
  const urls = await new Promise<FakeUrls>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line) as FakeUrls);
    });
    child.once('exit', (code) => reject(new Error(`fakes exited with ${code}`)));
  });
  return { child, urls };
}

interface FakeUrls extends FakeAddresses {
  responseBase: string;
  corPort: number;
}

export async function ackLatency(opts: AckLatencyOptions): Promise<AckLatencyResult> {
  const fakes = await startFakes();
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
      await fetch(`http://127.0.0.1:${urls.corPort}/__fake/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ latencyMs: opts.corLatencyMs }) });
    }
    const targets = [
      { name: 'bot', sender: new SlackRequestSender(`${bot.baseUrl}/slack/events`, SIGNING_SECRET, responses), ms: [] as number[] },
      { name: 'baseline', sender: new SlackRequestSender(`${baseline.baseUrl}/slack/events`, SIGNING_SECRET, responses), ms: [] as number[] },
    ];
    let errors = 0;
    for (let round = 0; round < opts.warmupRounds + opts.rounds; round++) {
      const order = round % 2 === 0 ? targets : [...targets].reverse();
      for (const t of order) {
        const r = await burst(t.sender, opts.text, opts.expect, opts.concurrency);
        if (round >= opts.warmupRounds) {
          t.ms.push(...r.ms);
          errors += r.errors;
        }
      }
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
    };
  } finally {
    await Promise.all([bot.stop(), baseline.stop()]);
    fakes.child.kill('SIGTERM');
  }
}
