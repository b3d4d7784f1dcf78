import { describe, expect, it } from 'vitest';
import { textsIn } from '../../../../src/i18n/texts.ts';
import { reportChart, reportMessage } from '../../../../src/slack/reports/blocks.ts';
import { REPORT } from '../../../fixtures/surface-data.ts';

describe("a report's change from the period before", () => {
  const changeLine = (language: 'en' | 'es' | 'pt', totalHours: number) => reportMessage(textsIn(language), { ...REPORT, totalHours }, {}).text.split('\n')[2];

  it('says the hours and the percent with their signs as each language writes them (Intl), the percent rounded', () => {
    // 152.5 h against 140 h: 12.5 h more, 8.9 % more.
    expect(changeLine('en', 152.5)).toBe('+12h 30m (+9%) against Fri 2 Oct – Sat 31 Oct');
    expect(changeLine('es', 152.5)).toBe('+12 h 30 min (+9\u00a0%) frente a vie 2 oct – sáb 31 oct');
    expect(changeLine('pt', 100)).toMatch(/^-40 h \(-29%\) em relação a /);
    expect(changeLine('en', 140)).toBe('0m (0%) against Fri 2 Oct – Sat 31 Oct');
  });
});

describe('hours on no project', () => {
  const noProject = { ...REPORT, top: { ...REPORT.top, projects: [{ id: null, name: '', hours: 3 }, ...REPORT.top.projects] } };

  it('are a row named in the reader’s language, never an empty name', () => {
    expect(JSON.stringify(reportMessage(textsIn('es'), noProject, {}).blocks)).toContain('3 h · Sin proyecto');
    expect(JSON.stringify(reportMessage(textsIn('en'), noProject, {}).blocks)).toContain('3h · No project');
  });

  it('a by-day chart’s one series is the day’s total', () => {
    const byDay = { ...REPORT, groupBy: 'day' as const, chart: { ...REPORT.chart, series: [{ id: null, name: '', values: REPORT.chart.buckets.map(() => 1) }] } };
    expect(reportChart(textsIn('pt'), byDay).chart.series.map((s) => s.name)).toEqual([textsIn('pt').t('reports.chart.total')]);
  });
});
