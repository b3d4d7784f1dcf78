/**
 * `npm run bench`: whole-process benchmarks, each against its baseline measured in the same run.
 * Prints a table and writes bench/results/latest.json. Options: --rounds N (default 20), --concurrency N (50).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type AckLatencyResult, ackLatency } from './ack-latency.ts';
import { parseBench } from './parse.ts';
import { fmt } from './stats.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '20' }, concurrency: { type: 'string', default: '50' } } });
const rounds = Number(values.rounds);
const concurrency = Number(values.concurrency);

process.stdout.write(`cor-slack bench · node ${process.version} · ${new Date().toISOString()}\n\n`);
function report(r: AckLatencyResult): string {
  return [
    `${r.name}: ${r.concurrency} concurrent × ${rounds} rounds = ${r.requests} requests per side, ${r.errors} errors`,
    `                 p50          p99`,
    `  cor-slack      ${fmt(r.bot.p50).padEnd(12)} ${fmt(r.bot.p99)}`,
    `  bare Bolt      ${fmt(r.baseline.p50).padEnd(12)} ${fmt(r.baseline.p99)}`,
    `  ratio          ${r.ratio.p50.toFixed(2).padEnd(12)} ${r.ratio.p99.toFixed(2)}   (target p99 ratio <= 1.3)`,
    '',
  ].join('\n');
}

const parse = parseBench(50);
process.stdout.write(
  `${parse.name}: ${parse.lines} phrasings × 50 = ${parse.samples} samples\n  p50 ${parse.p50us.toFixed(1)} µs   p99 ${parse.p99us.toFixed(1)} µs   (target p99 < 2 ms)\n\n`,
);
const help = await ackLatency({ name: '/cor help ack over HTTP', text: () => 'help', expect: '/cor log', concurrency, rounds, warmupRounds: 3 });
process.stdout.write(report(help));
const log = await ackLatency({
  name: '/cor log ack over HTTP while COR answers in 1 s',
  // Each request logs on another of the last 50 days, as a team's real entries spread over days.
  text: (i) => `log 15m #48211 ${new Date(Date.now() - (i + 1) * 86_400_000).toISOString().slice(0, 10)}`,
  expect: 'Logging',
  concurrency,
  rounds,
  warmupRounds: 3,
  corLatencyMs: 1_000,
  linkFirst: true,
});
process.stdout.write(report(log));
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/latest.json', import.meta.url), `${JSON.stringify({ at: new Date().toISOString(), node: process.version, results: [parse, help, log] }, null, 2)}\n`);
if (help.errors + log.errors > 0) process.exitCode = 1;
