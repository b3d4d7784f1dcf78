/**
 * The chart kit: data in, PNG bytes out (no Slack, no COR). Apache ECharts draws an SVG in the process (its
 * server-side renderer, no browser) and resvg turns it into a PNG with DejaVu Sans from the `dejavu-fonts-ttf`
 * package as its only font, so a bare machine draws the same text. Every word on a chart (series names, "other",
 * the target's label) and every number (through `format`, the reader's language) comes in with the data.
 *
 * Two charts: stacked bars (hours per project or person over days or weeks, the largest few named and the rest
 * folded into "other", with an optional target line) and a burn-up / burn-down line (hours logged day by day
 * against an estimate). `altText` says a chart's numbers in the caller's words, for the image's alt text.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { initWasm, Resvg, type ResvgRenderOptions } from '@resvg/resvg-wasm';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TitleComponentOption } from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
// Each chart and component the kit draws, by its own module: `echarts/charts` and `echarts/components` load every
// one ECharts has (some 30 MB more in each process that draws a chart).
import 'echarts/lib/chart/bar';
import 'echarts/lib/chart/line';
import 'echarts/lib/component/grid';
import 'echarts/lib/component/legend';
import 'echarts/lib/component/markLine';
import 'echarts/lib/component/title';

use([SVGRenderer]);

type Option = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TitleComponentOption>;

/** A number as the reader writes it (their language's decimal separator, their unit): `(7.5) => "7,5 h"`. */
type NumberFormat = (value: number) => string;

/** One project's or person's hours, a value per period (in the order of the chart's periods). */
interface Series {
  name: string;
  values: readonly number[];
}

/** Hours per project or person, stacked per day or week. */
export interface BarsChart {
  kind: 'bars';
  /** drawn above the chart (and said first in the alt text) */
  title?: string;
  /** the x axis, in order: days or weeks as the reader writes them */
  periods: readonly string[];
  series: readonly Series[];
  /** how many series are named (largest total first, 1 to 7; default 6); the rest are folded into one */
  named?: number;
  labels: {
    /** the name of the folded series ("other") */
    other: string;
    /** the alt text's "in all" */
    total: string;
  };
  /**
   * a dashed line across the chart (e.g. the hours a week should have); or one value per period (each day's or
   * person's own target), drawn as dashed steps and said as their sum in the alt text
   */
  target?: { value: number | readonly number[]; label: string };
  format: NumberFormat;
}

/** Hours logged day by day against an estimate: burn-up (hours so far, up to the estimate) or burn-down (hours left). */
export interface BurnChart {
  kind: 'burn';
  direction: 'up' | 'down';
  title?: string;
  /** the days, in order */
  periods: readonly string[];
  /** hours logged on each day; null for days still to come (the line stops there) */
  logged: readonly (number | null)[];
  estimate: number;
  labels: {
    /** the line of a burn-up */
    logged: string;
    /** the line of a burn-down (and the alt text's hours left) */
    remaining: string;
    /** the estimate line (a burn-down's ideal line from the estimate to zero) */
    estimate: string;
  };
  format: NumberFormat;
}

export type Chart = BarsChart | BurnChart;

/** How the caller says one amount ("Acme: 12 h") and a list of them, in the reader's language. */
export interface AltWords {
  amount: (label: string, value: string) => string;
  list: (items: string[]) => string;
}

/** The drawing, in CSS pixels; the PNG is 1.25 times larger: sharp in Slack, and a fifth cheaper to draw than 1.5 times. */
const WIDTH = 800;
const HEIGHT = 400;
const PNG_WIDTH = 1000;

/** Okabe–Ito: told apart with every common colour-vision deficiency; all of them readable on the white card. */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#56B4E9', '#CC79A7', '#F0E442'] as const;
const OTHER_COLOUR = '#999999';
const INK = '#222222';
const FAINT = '#DDDDDD';
const LINE = '#000000';
const FONT = 'DejaVu Sans';
/** Slack's limit for an image's alt text. */
const ALT_TEXT_MAX = 2_000;

/*
 * resvg's WebAssembly build, not its native one (@resvg/resvg-js 2.6): the native renderer keeps every picture's
 * pixels (about 3 MB each) for good — 200 charts took a process from 160 to 860 MB — while here each is freed as
 * soon as its PNG is out, so a bot drawing Home charts all day stays the same size. Same resvg, same speed
 * (`npm run bench -- --only charts`). Loaded once, with the font, when this module is first imported.
 */
await initWasm(readFileSync(fileURLToPath(import.meta.resolve('@resvg/resvg-wasm/index_bg.wasm'))));
const RESVG: ResvgRenderOptions = {
  font: { fontBuffers: [readFileSync(fileURLToPath(import.meta.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')))], defaultFontFamily: FONT, sansSerifFamily: FONT },
  fitTo: { mode: 'width', value: PNG_WIDTH },
  background: '#ffffff',
};

/**
 * The chart as a PNG: a white card (readable on Slack's dark and light themes), 1000 × 500. Synchronous: some tens
 * of milliseconds of CPU (see `npm run bench -- --only charts`), so it belongs after an ack, never before one.
 */
export function renderChart(chart: Chart): Buffer {
  const svg = toSvg(chart.kind === 'bars' ? barsOption(chart) : burnOption(chart));
  const resvg = new Resvg(svg, RESVG);
  try {
    const image = resvg.render();
    try {
      return Buffer.from(image.asPng());
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}

/** The chart's numbers in the caller's words: each series' total, the sum and the target, or the burn's hours. */
export function altText(chart: Chart, words: AltWords): string {
  const f = chart.format;
  const shown = chart.kind === 'bars' ? fold(chart) : [];
  const parts =
    chart.kind === 'bars'
      ? [
          ...shown.map((s) => words.amount(s.name, f(sum(s.values)))),
          words.amount(chart.labels.total, f(sum(shown.map((s) => sum(s.values))))),
          ...(chart.target ? [words.amount(chart.target.label, f(targetTotal(chart.target.value)))] : []),
        ]
      : (() => {
          const logged = sum(chart.logged.map((v) => hours(v ?? 0)));
          return [
            words.amount(chart.labels.logged, f(logged)),
            words.amount(chart.labels.estimate, f(chart.estimate)),
            words.amount(chart.labels.remaining, f(Math.max(0, chart.estimate - logged))),
          ];
        })();
  const text = chart.title ? `${chart.title}. ${words.list(parts)}` : words.list(parts);
  return text.length <= ALT_TEXT_MAX ? text : `${text.slice(0, ALT_TEXT_MAX - 1)}…`;
}

/** The series drawn: the `named` largest (by total, ties in the given order), then the rest summed as "other". */
function fold(chart: BarsChart): (Series & { other?: true })[] {
  const named = Math.min(PALETTE.length, Math.max(1, Math.floor(chart.named ?? 6)));
  const clean = chart.series.map((s) => ({ name: s.name, values: chart.periods.map((_, i) => hours(s.values[i])) }));
  const ranked = clean.map((s, i) => ({ s, i, total: sum(s.values) })).sort((a, b) => b.total - a.total || a.i - b.i);
  if (ranked.length <= named) return ranked.filter((r) => r.total > 0).map((r) => r.s);
  const shown = ranked.slice(0, named).filter((r) => r.total > 0).map((r) => r.s);
  const rest = ranked.slice(named);
  const other = chart.periods.map((_, i) => sum(rest.map((r) => r.s.values[i] ?? 0)));
  return sum(other) > 0 ? [...shown, { name: chart.labels.other, values: other, other: true }] : shown;
}

function barsOption(chart: BarsChart): Option {
  const shown = fold(chart);
  const bars: BarSeriesOption[] = shown.map((s, i) => ({
    type: 'bar',
    name: s.name,
    stack: 'hours',
    data: [...s.values],
    barMaxWidth: 48,
    itemStyle: { color: s.other ? OTHER_COLOUR : PALETTE[i % PALETTE.length] },
  }));
  const target = chart.target;
  const steps = target && typeof target.value !== 'number' ? target.value : undefined;
  const lines = !target ? [] : steps ? [targetSteps(steps, target.label, chart.periods.length)] : [referenceLine(targetTotal(target.value), target.label, chart.periods.length, chart.format)];
  return {
    ...frame(chart.title, chart.periods, chart.format),
    legend: legend([...shown.map((s) => s.name), ...(target && steps ? [target.label] : [])]),
    series: [...bars, ...lines],
  };
}

function targetTotal(value: number | readonly number[]): number {
  return typeof value === 'number' ? value : sum(value.map(hours));
}

/** One target per period: a dashed line stepping from period to period (named in the legend). */
function targetSteps(values: readonly number[], label: string, periods: number): LineSeriesOption {
  return {
    type: 'line',
    name: label,
    data: Array.from({ length: periods }, (_, i) => hours(values[i])),
    step: 'middle',
    symbol: 'none',
    silent: true,
    lineStyle: { type: 'dashed', width: 2, color: LINE },
    itemStyle: { color: LINE },
  };
}

function burnOption(chart: BurnChart): Option {
  const daily = chart.periods.map((_, i) => chart.logged[i]);
  let sofar = 0;
  const cumulative = daily.map((v) => (v === null || v === undefined ? null : (sofar += hours(v))));
  const down = chart.direction === 'down';
  const line: LineSeriesOption = {
    type: 'line',
    name: down ? chart.labels.remaining : chart.labels.logged,
    data: cumulative.map((v) => (v === null ? null : down ? chart.estimate - v : v)),
    symbol: 'circle',
    symbolSize: 5,
    lineStyle: { width: 3, color: PALETTE[0] },
    itemStyle: { color: PALETTE[0] },
    areaStyle: { color: PALETTE[0], opacity: 0.12 },
  };
  const n = chart.periods.length;
  const estimate: LineSeriesOption = down
    ? {
        type: 'line',
        name: chart.labels.estimate,
        data: chart.periods.map((_, i) => (n <= 1 ? chart.estimate : chart.estimate * (1 - i / (n - 1)))),
        symbol: 'none',
        lineStyle: { type: 'dashed', width: 2, color: LINE },
        itemStyle: { color: LINE },
      }
    : referenceLine(chart.estimate, chart.labels.estimate, n, chart.format);
  return {
    ...frame(chart.title, chart.periods, chart.format),
    legend: legend(down ? [line.name as string, chart.labels.estimate] : [line.name as string]),
    series: [line, estimate],
  };
}

/**
 * A dashed line across the grid at `value`, labelled at its end: an invisible line series holds the value on every
 * period (so the axis reaches it) and carries the mark line.
 */
function referenceLine(value: number, label: string, periods: number, format: NumberFormat): LineSeriesOption {
  return {
    type: 'line',
    name: label,
    data: Array.from({ length: periods }, () => value),
    symbol: 'none',
    silent: true,
    lineStyle: { opacity: 0 },
    markLine: {
      silent: true,
      symbol: 'none',
      lineStyle: { type: 'dashed', width: 2, color: LINE },
      label: { position: 'insideEndTop', color: INK, fontFamily: FONT, formatter: `${label} ${format(value)}` },
      data: [{ yAxis: value }],
    },
  };
}

function frame(title: string | undefined, periods: readonly string[], format: NumberFormat): Option {
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT, color: INK },
    ...(title ? { title: { text: title, left: 16, top: 12, textStyle: { fontFamily: FONT, fontSize: 16, color: INK, width: WIDTH - 32, overflow: 'truncate' } } } : {}),
    grid: { left: 16, right: 24, top: title ? 56 : 24, bottom: 72, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'category', data: [...periods], axisLabel: { color: INK, hideOverlap: true }, axisLine: { lineStyle: { color: INK } }, axisTick: { alignWithLabel: true } },
    yAxis: { type: 'value', min: 0, axisLabel: { color: INK, formatter: (v: number) => format(v) }, splitLine: { lineStyle: { color: FAINT } } },
  };
}

function legend(names: string[]): LegendComponentOption {
  return { data: names, bottom: 8, left: 'center', itemGap: 16, textStyle: { color: INK, fontFamily: FONT, width: 150, overflow: 'truncate' } };
}

function toSvg(option: Option): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Hours as drawn: a missing, negative or non-finite value is none. */
function hours(v: number | null | undefined): number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
