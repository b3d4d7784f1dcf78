/**
 * Ack latency of `/cor help` over HTTP at a given concurrency: the bot as a whole process against a bare
 * Bolt app (the baseline) measured in the same run, rounds alternating between the two so drift hits both.
 */
import { fileURLToPath } from 'node:url';
import { botEnv, SIGNING_SECRET, startBot } from '../tools/bot-process.ts';
import { FakeCor } from '../tools/fake-cor/server.ts';
import { FakeSlack } from '../tools/fake-slack/server.ts';
import { SlackRequestSender } from '../tools/fake-slack/signed-requests.ts';
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

async function burst(sender: SlackRequestSender, text: string, concurrency: number): Promise<{ ms: number[]; errors: number }> {
  const results = await Promise.all(Array.from({ length: concurrency }, () => sender.slashCommand({ text })));
  return { ms: results.map((r) => r.ms), errors: results.filter((r) => r.status !== 200 || !r.text.includes('/cor log')).length };
}

export async function ackLatency(opts: { concurrency: number; rounds: number; warmupRounds: number }): Promise<AckLatencyResult> {
  const slack = await new FakeSlack().start();
  const cor = await new FakeCor().start();
  const env = botEnv(slack, cor);
  const bot = await startBot(env);
  const baseline = await startBot(env, 20_000, BASELINE);
  try {
    const targets = [
      { name: 'bot', sender: new SlackRequestSender(`${bot.baseUrl}/slack/events`, SIGNING_SECRET, slack), ms: [] as number[] },
      { name: 'baseline', sender: new SlackRequestSender(`${baseline.baseUrl}/slack/events`, SIGNING_SECRET, slack), ms: [] as number[] },
    ];
    let errors = 0;
    for (let round = 0; round < opts.warmupRounds + opts.rounds; round++) {
      const order = round % 2 === 0 ? targets : [...targets].reverse();
      for (const t of order) {
        const r = await burst(t.sender, 'help', opts.concurrency);
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
      name: '/cor help ack over HTTP',
      concurrency: opts.concurrency,
      requests: b.ms.length,
      bot: botStats,
      baseline: baseStats,
      ratio: { p50: botStats.p50 / baseStats.p50, p99: botStats.p99 / baseStats.p99 },
      errors,
    };
  } finally {
    await Promise.all([bot.stop(), baseline.stop()]);
    await Promise.all([slack.stop(), cor.stop()]);
  }
}
