import { stringify } from 'csv-stringify/sync';
import type { Report } from '../../domain/reports/model.ts';
import type { Texts } from '../../i18n/texts.ts';
import { csvHeader } from './blocks.ts';

/**
 * A report's entries as CSV (RFC 4180, UTF-8 with a BOM so spreadsheets read it as UTF-8): the header in the person's
 * language, then one row per entry: date (ISO), person, project, client, task, start and stop (HH:MM in the asker's
 * zone), hours. Hours are written with a dot whatever the language: a CSV is read by spreadsheets, and a comma is its
 * separator. A name a spreadsheet would run as a formula (`=`, `+`, `-`, `@`…) is written with a `'` before it.
 */
export function reportCsv(t: Texts, report: Report): string {
  const rows = report.entries.map((e) => [e.date, e.person, e.project, e.client, e.task, e.start, e.stop, String(Math.round(e.hours * 10_000) / 10_000)]);
  return stringify([csvHeader(t), ...rows], { escape_formulas: true, bom: true });
}

/** The CSV's file name and title, in the person's language: `hours-2026-11-01-2026-11-30.csv`. */
export function csvFileNames(t: Texts, report: Report): { filename: string; title: string } {
  const { from, to } = report.ask.period;
  return { filename: t.t('reports.csv.filename', { from, to }), title: t.t('reports.csv.title', { from: t.day(from), to: t.day(to) }) };
}
