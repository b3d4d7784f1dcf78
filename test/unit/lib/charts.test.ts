import { describe, expect, it } from 'vitest';
import { type AltWords, altText, type BarsChart, type BurnChart, renderChart } from '../../../src/lib/charts.ts';
import { colourShare, decodePng, isPng, pngSize } from '../../helpers/png.ts';

const es = new Intl.NumberFormat('es', { maximumFractionDigits: 1 });
const format = (v: number) => `${es.format(v)} h`;
const words: AltWords = { amount: (label, value) => `${label}: ${value}`, list: (items) => new Intl.ListFormat('es').format(items) };
const days = ['lun', 'mar', 'mié', 'jue', 'vie'];
const OKABE_ITO_BLUE = '#0072b2';
const OKABE_ITO_ORANGE = '#e69f00';
const OTHER_GREY = '#999999';

function bars(count: number, extra: Partial<BarsChart> = {}): BarsChart {
  // Person n logs n + 1 hours a day: the largest totals are the last ones.
  const series = Array.from({ length: count }, (_, n) => ({ name: `Persona ${n + 1}`, values: days.map(() => n + 1) }));
  return { kind: 'bars', periods: days, series, labels: { other: 'Otros', total: 'En total' }, format, ...extra };
}


describe('renderChart: stacked bars', () => {
  it('is a PNG of 1000 × 500 on a white card, in the Okabe–Ito colours', () => {
    const png = renderChart(bars(2, { title: 'Mi semana', target: { value: 8, label: 'Jornada' } }));
    expect(isPng(png)).toBe(true);
    expect(pngSize(png)).toEqual({ width: 1000, height: 500 });
    const image = decodePng(png);
    expect(colourShare(image, '#ffffff')).toBeGreaterThan(0.5);
    expect(colourShare(image, OKABE_ITO_BLUE)).toBeGreaterThan(0.01);
    expect(colourShare(image, OKABE_ITO_ORANGE)).toBeGreaterThan(0.01);
    expect(colourShare(image, OTHER_GREY)).toBe(0);
  });

  it('names the six largest of twelve series and folds the other six into "other" (in grey, and in the alt text)', () => {
    const chart = bars(12, { target: { value: 40, label: 'Meta' } });
    const image = decodePng(renderChart(chart));
    expect(colourShare(image, OTHER_GREY)).toBeGreaterThan(0.01);
    // 1 + 2 + … + 6 hours a day over 5 days = 105 h folded; 78 h a day in all over 5 days = 390 h.
    expect(altText(chart, words)).toBe(
      'Persona 12: 60 h, Persona 11: 55 h, Persona 10: 50 h, Persona 9: 45 h, Persona 8: 40 h, Persona 7: 35 h, Otros: 105 h, En total: 390 h y Meta: 40 h',
    );
    expect(altText({ ...chart, named: 3 }, words)).toContain('Persona 10: 50 h, Otros: 225 h, En total: 390 h');
  });

  it('keeps every series named when there are no more than it names, and drops the ones with no hours', () => {
    const chart = bars(6);
    expect(altText({ ...chart, series: [...chart.series, { name: 'Nadie', values: [0, 0, 0, 0, 0] }], named: 7 }, words)).toBe(
      'Persona 6: 30 h, Persona 5: 25 h, Persona 4: 20 h, Persona 3: 15 h, Persona 2: 10 h, Persona 1: 5 h y En total: 105 h',
    );
    expect(colourShare(decodePng(renderChart(chart)), OTHER_GREY)).toBe(0);
  });

  it('draws an empty chart for no data without throwing', () => {
    for (const chart of [bars(0, { periods: [] }), bars(0), bars(3, { series: [{ name: 'x', values: [Number.NaN, -2] }] })]) {
      const png = renderChart(chart);
      expect(pngSize(png)).toEqual({ width: 1000, height: 500 });
      const image = decodePng(png);
      expect(colourShare(image, '#ffffff')).toBeGreaterThan(0.9);
      expect(colourShare(image, OKABE_ITO_BLUE)).toBe(0);
    }
    expect(altText(bars(0, { periods: [], title: 'Semana' }), words)).toBe('Semana. En total: 0 h');
  });

  it('draws a target per period as dashed black steps, named in the legend, and says their sum in the alt text', () => {
    const black = (chart: BarsChart) => colourShare(decodePng(renderChart(chart)), '#000000');
    const chart = bars(2, { target: { value: [8, 8, 4, 8, 0], label: 'Meta' } });
    expect(black(chart)).toBeGreaterThan(black(bars(2)) + 0.001);
    expect(altText(chart, words)).toBe('Persona 2: 10 h, Persona 1: 5 h, En total: 15 h y Meta: 28 h');
  });

  it('writes its words with the bundled DejaVu Sans (no system font): a title changes the top of the picture', () => {
    const top = (chart: BarsChart) => decodePng(renderChart(chart)).pixels.subarray(0, 1000 * 4 * 50);
    expect(top(bars(0, { title: 'Semana de Ñandú' })).equals(top(bars(0)))).toBe(false);
  });
});

describe('renderChart: burn-up and burn-down', () => {
  const burn: BurnChart = {
    kind: 'burn',
    direction: 'down',
    title: 'Rediseño',
    periods: ['1/12', '2/12', '3/12', '4/12'],
    logged: [2.5, 5, null, null],
    estimate: 20,
    labels: { logged: 'Registradas', remaining: 'Restantes', estimate: 'Estimado' },
    format,
  };

  it('draws hours left against the ideal line, and hours logged against the estimate', () => {
    for (const chart of [burn, { ...burn, direction: 'up' as const }, { ...burn, periods: [], logged: [] }]) {
      const png = renderChart(chart);
      expect(pngSize(png)).toEqual({ width: 1000, height: 500 });
      // The line (not only its legend key) is drawn when there are days.
      if (chart.periods.length > 0) expect(colourShare(decodePng(png), OKABE_ITO_BLUE)).toBeGreaterThan(0.001);
    }
  });

  it('says the hours logged, the estimate and the hours left, with the numbers as the caller writes them', () => {
    expect(altText(burn, words)).toBe('Rediseño. Registradas: 7,5 h, Estimado: 20 h y Restantes: 12,5 h');
    expect(altText({ ...burn, logged: [15, 10], title: undefined }, words)).toBe('Registradas: 25 h, Estimado: 20 h y Restantes: 0 h');
  });
});
