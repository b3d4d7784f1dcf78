/**
 * No input holds the event loop: known-hostile and generated words up to the 2,000 characters `/cor log` accepts,
 * through the line reader and the task matcher (500 open tasks), timed one input at a time after a warm-up. The
 * baseline is an ordinary three-entry line, timed the same way in the same run.
 */
import fc from 'fast-check';
import { parseLogLine } from '../src/domain/parse/log-line.ts';
import { matchTask } from '../src/domain/task-match.ts';
import { zonedTimeToInstant } from '../src/lib/zoned.ts';
import { percentile } from './stats.ts';

export interface HostileResult {
  name: string;
  inputs: number;
  /** the slowest input's time (the median of its 5 runs), ms */
  worstMs: number;
  worstInput: string;
  p50Ms: number;
  p99Ms: number;
  baselineMs: number;
  targetMs: number;
}

const MAX_CHARS = 2_000;
const fill = (unit: string) => unit.repeat(Math.ceil(MAX_CHARS / unit.length)).slice(0, MAX_CHARS);

/** What the issue found and its relatives: white space runs between a number and a dash, separators, words. */
const KNOWN: [string, string][] = [
  ['9, 1,998 spaces, -', `9${' '.repeat(MAX_CHARS - 2)}-`],
  ['9, no-break spaces, -', `9${'\u00a0'.repeat(MAX_CHARS - 2)}-`],
  ['9, tabs, -', `9${'\t'.repeat(MAX_CHARS - 2)}-`],
  ['9, new lines, -', `9${'\n'.repeat(MAX_CHARS - 2)}-`],
  ['2h QA, commas', `2h QA${','.repeat(MAX_CHARS - 5)}`],
  ['2h QA y …', fill('2h QA y ')],
  ['1h …', fill('1h ')],
  ['ayer …', fill('ayer ')],
  ['9- …', fill('9-')],
  ['#1 …', fill('#1 ')],
  ['1:1 …', fill('1:1')],
  ['de 9 a …', fill('de 9 a ')],
  ['desde las 9 y media …', fill('desde las 9 y media ')],
  ['letters', fill('a')],
  ['digits', fill('9')],
  ['emoji', fill('🎉')],
  ['one quoted note', `2h "${'x'.repeat(MAX_CHARS - 5)}"`],
  ['one link', `2h http://${'a'.repeat(MAX_CHARS - 10)}`],
  ['note after --', `2h QA -- ${fill('note ').slice(0, MAX_CHARS - 9)}`],
  ['spaces between words', fill('2h      QA      ayer      ')],
  ['day words and numbers', fill('el 5 de mayo 9 hs ')],
  // ten parts, each read twice (a range on the day said once) by the date reader
  ['a day, then ten ranges of numbers', `ayer ${Array.from({ length: 10 }, () => `9-10 ${'1 y '.repeat(50)}`.slice(0, 190)).join('\n')}`],
  ['a day, then ten ranges of words', `ayer ${Array.from({ length: 10 }, () => `9-10 ${'revisión de la casa y '.repeat(20)}`.slice(0, 190)).join('\n')}`],
];

const TOKENS = [' ', '  ', '\n', '\t', '9', '1', ':', '-', ',', ';', 'y', 'e', 'h', 'm', 'ayer', 'ontem', 'de', 'a', 'las', '#', '2h', '.', '+', '•', 'QA', 'desde', 'hasta', 'pm', '30', '—', '"'];

function fuzzed(count: number): [string, string][] {
  const text = fc.array(fc.constantFrom(...TOKENS), { minLength: 50, maxLength: 1_200 }).map((t) => t.join('').slice(0, MAX_CHARS));
  return fc.sample(text, { numRuns: count, seed: 21 }).map((t, i) => [`generated ${i + 1}`, t]);
}

const tasks = Array.from({ length: 500 }, (_, i) => ({ id: 40_000 + i, title: `Task ${i} ${['design', 'QA', 'review', 'copy'][i % 4]} sprint ${i % 30}`, project: `Project ${i % 40}`, client: `Client ${i % 12}` }));

export function hostileBench(generated = 200): HostileResult {
  const tz = 'America/Argentina/Buenos_Aires';
  const ctx = { now: zonedTimeToInstant('2026-11-18', 18, 30, tz), tz, locale: 'es-AR' };
  const once = (text: string): number => {
    const started = process.hrtime.bigint();
    const read = parseLogLine(text, ctx);
    if (read.ok) for (const e of read.entries) if (e.task?.kind === 'query') matchTask(e.task.text, tasks);
    matchTask(text, tasks); // `/cor tasks <words>` reads the same words
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  const ordinary = '3h homepage, 2h QA sprint 13 y 1h reunión semanal ayer';
  for (let i = 0; i < 20; i++) once(ordinary); // warm-up (JIT, chrono's patterns)
  const baseline = percentile(Array.from({ length: 50 }, () => once(ordinary)), 50);
  const inputs = [...KNOWN, ...fuzzed(generated)];
  const times = inputs.map(([name, text]) => ({ name, ms: percentile(Array.from({ length: 5 }, () => once(text)), 50) }));
  const worst = times.reduce((a, b) => (b.ms > a.ms ? b : a));
  const all = times.map((t) => t.ms);
  return { name: 'hostile words through the reader and the task matcher', inputs: inputs.length, worstMs: worst.ms, worstInput: worst.name, p50Ms: percentile(all, 50), p99Ms: percentile(all, 99), baselineMs: baseline, targetMs: 20 };
}
