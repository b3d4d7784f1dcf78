import { describe, expect, it } from 'vitest';
import { textsIn } from '../../../../src/i18n/texts.ts';
import { reportCsv } from '../../../../src/slack/reports/csv.ts';
import { REPORT } from '../../../fixtures/surface-data.ts';

describe('a report as CSV', () => {
  it('starts with a BOM (spreadsheets then read it as UTF-8) and neutralises cells a spreadsheet would run as a formula', () => {
    const [entry] = REPORT.entries;
    const report = { ...REPORT, entries: [{ ...entry!, task: '=HYPERLINK("http://x","y")', project: '+1', client: '@SUM(A1)', person: 'Ana Souza' }] };
    const csv = reportCsv(textsIn('es'), report);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, row] = csv.slice(1).trim().split('\n');
    expect(header).toBe('Fecha,Persona,Proyecto,Cliente,Tarea,Inicio,Fin,Horas');
    expect(row).toBe(`2026-11-02,Ana Souza,'+1,'@SUM(A1),"'=HYPERLINK(""http://x"",""y"")",09:00,16:30,7.5`);
  });
});
