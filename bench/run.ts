/**
 * `npm run bench`: whole-process benchmarks, each against its baseline measured in the same run.
 * Prints a table and writes bench/results/latest.json. Options: --rounds N (default 20), --concurrency N (50).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ackLatency } from './ack-latency.ts';
import { fmt } from './stats.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '20' }, concurrency: { type: 'string', default: '50' } } });
const rounds = Number(values.rounds);
const concurrency = Number(values.concurrency);

process.stdout.write(`cor-slack bench · node ${process.version} · ${new Date().toISOString()}\n\n`);
const help = await ackLatency({ concurrency, rounds, warmupRounds: 3 });
const lines = [
  `${help.name}: ${help.concurrency} concurrent × ${rounds} rounds = ${help.requests} requests per side, ${help.errors} errors`,
  `                 p50          p99`,
  `  cor-slack      ${fmt(help.bot.p50).padEnd(12)} ${fmt(help.bot.p99)}`,
  `  bare Bolt      ${fmt(help.baseline.p50).padEnd(12)} ${fmt(help.baseline.p99)}`,
  `  ratio          ${help.ratio.p50.toFixed(2).padEnd(12)} ${help.ratio.p99.toFixed(2)}   (target p99 ratio <= 1.3)`,
];
process.stdout.write(`${lines.join('\n')}\n`);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/latest.json', import.meta.url), `${JSON.stringify({ at: new Date().toISOString(), node: process.version, results: [help] }, null, 2)}\n`);
if (help.errors > 0) process.exitCode = 1;
