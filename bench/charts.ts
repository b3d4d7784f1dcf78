/**
 * Chart render time: a month of a 50-person team (about 10,000 time entries, summed per person and day) drawn as
 * stacked bars with a target line, against an empty chart rendered in the same run (the fixed cost: ECharts' frame,
 * resvg, PNG encoding). The two alternate, after a warm-up.
 */
import { type BarsChart, renderChart } from '../src/lib/charts.ts';
import { percentile } from './stats.ts';

export interface ChartsBenchResult {
  name: string;
  entries: number;
  people: number;
  days: number;
  samples: number;
  pngBytes: number;
  month: { p50: number; p99: number };
  empty: { p50: number; p99: number };
  targetP99Ms: number;
}

const PEOPLE = 50;
const DAYS = 31;
const ENTRIES = 10_000;
const TARGET_P99_MS = 100;

/** The same team every run: a small linear congruential generator. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

/** 10,000 entries of 15 min to 3 h over the workdays of December, summed per person and day. */
function month(): BarsChart {
  const next = random(24);
  const days = Array.from({ length: DAYS }, (_, i) => new Date(Date.UTC(2026, 11, i + 1)));
  const workdays = days.map((d, i) => ({ d, i })).filter(({ d }) => d.getUTCDay() !== 0 && d.getUTCDay() !== 6);
  const hours = Array.from({ length: PEOPLE }, () => new Array<number>(DAYS).fill(0));
  for (let n = 0; n < ENTRIES; n++) {
    const person = Math.floor(next() * PEOPLE);
    const day = workdays[Math.floor(next() * workdays.length)]?.i ?? 0;
    (hours[person] as number[])[day] = ((hours[person] as number[])[day] ?? 0) + Math.round((0.25 + next() * 2.75) * 4) / 4;
  }
  const nf = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
  const dayLabel = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return {
    kind: 'bars',
    title: 'Hours by person, December 2026',
    periods: days.map((d) => dayLabel.format(d)),
    series: hours.map((values, p) => ({ name: `Person ${p + 1}`, values })),
    labels: { other: 'Everyone else', total: 'In all' },
    target: { value: PEOPLE * 8, label: 'Team day' },
    format: (v) => `${nf.format(v)} h`,
  };
}

export function chartsBench(samples: number): ChartsBenchResult {
  const full = month();
  const empty: BarsChart = { ...full, title: '', periods: [], series: [], target: undefined };
  for (let i = 0; i < 5; i++) {
    renderChart(full);
    renderChart(empty);
  }
  const times = { month: [] as number[], empty: [] as number[] };
  let pngBytes = 0;
  for (let i = 0; i < samples; i++) {
    let started = performance.now();
    pngBytes = renderChart(full).length;
    times.month.push(performance.now() - started);
    started = performance.now();
    renderChart(empty);
    times.empty.push(performance.now() - started);
  }
  const summary = (t: number[]) => ({ p50: percentile(t, 50), p99: percentile(t, 99) });
  return {
    name: 'chart render (stacked bars, PNG)',
    entries: ENTRIES,
    people: PEOPLE,
    days: DAYS,
    samples,
    pngBytes,
    month: summary(times.month),
    empty: summary(times.empty),
    targetP99Ms: TARGET_P99_MS,
  };
}
