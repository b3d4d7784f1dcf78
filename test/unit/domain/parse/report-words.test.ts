import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DAYS, type ReportQuery, readReportWords } from '../../../../src/domain/parse/report-words.ts';
import { REPORT_PHRASES, REPORT_TODAY } from '../../../fixtures/report-phrases.ts';

describe('reading a report question in plain words', () => {
  it('has a phrase table of at least 40 questions in the three languages', () => {
    expect(REPORT_PHRASES.length).toBeGreaterThanOrEqual(40);
  });

  for (const [text, want, locale] of REPORT_PHRASES) {
    it(`${JSON.stringify(text)}${locale ? ` (${locale})` : ''}`, () => {
      const got = readReportWords(text, { today: REPORT_TODAY, locale });
      if ('problem' in want) {
        expect(got).toMatchObject({ ok: false, problem: want.problem, ...(want.words ? { words: want.words } : {}) });
        return;
      }
      const [from, to, unit] = want.period;
      const query: ReportQuery = { who: want.who ?? { kind: 'me' }, scope: want.scope ? { kind: 'named', words: want.scope } : { kind: 'all' }, period: { from, to, unit }, groupBy: want.by };
      expect(got).toEqual({ ok: true, query });
    });
  }
});

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const todays = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 11, 31) }).map(day);
const locales = fc.constantFrom(undefined, 'en-US', 'en-GB', 'es-LA', 'es-ES', 'pt-BR');

/** Monday of the week of `today`, to today: the default period. */
function thisWeek(today: string) {
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  return { from: day(Date.parse(`${today}T00:00:00Z`) - weekday * 86_400_000), to: today, unit: 'week' };
}

const PERIOD_WORDS = [
  'today', 'yesterday', 'hoy', 'ayer', 'hoje', 'ontem', 'this week', 'last week', 'semana pasada', 'semana passada', 'this month',
  'last month', 'este mes', 'mes pasado', 'este mês', 'mês passado', 'November', 'noviembre', 'novembro', 'in Oct', 'in May',
  'from 1/11 to 15/11', 'del 1/11 al 15/11', 'de 1/11 a 15/11', 'last 7 days', 'últimos 7 días', 'últimos 30 dias', 'this year',
  'since 3/2', 'next week', 'tomorrow', 'recently', 'last 400 days', 'from 1/1/2020 to 2/2/2026', 'December 2040', '31/11', 'Nov 1-15',
];
const OTHER_WORDS = [
  'my', 'hours', 'horas', 'on Acme', 'en Banco Andino', 'no projeto Portal', 'for client Globex', 'the design team', 'equipo de diseño',
  'time de design', '@design', '<@U01JANE>', '<@U02BOB|bob>', '<!subteam^S0DESIGN|@design>', 'team hours', 'del equipo', 'da equipe',
  'everyone', 'todos', 'by person', 'por persona', 'por pessoa', 'per project', 'by task', 'by day', '¿cuántas horas llevamos',
  'how much time did we spend', 'mis', 'minhas', 'meu', 'report', 'Website Redesign', 'Sprint 12', 'Acme', '?', ',', 'and', 'y', 'e',
];

describe('report words: properties', () => {
  it('reads any text of up to 2,000 characters quickly (the worst of 300 under 200 ms)', () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 2_000 }),
      fc.string({ maxLength: 2_000, unit: 'grapheme' }),
      fc.array(fc.constantFrom(...PERIOD_WORDS, ...OTHER_WORDS, ' ', '  ', '1', '/', '-', 'de', 'a', '\n'), { maxLength: 400 }).map((w) => w.join(' ').slice(0, 2_000)),
      fc.tuple(fc.constantFrom('1/', '1 ', 'de ', 'team ', 'equipo de ', '@a', '<@U1>', 'nov 1-', 'last '), fc.integer({ min: 1, max: 600 })).map(([w, n]) => w.repeat(n).slice(0, 2_000)),
    );
    let worst = 0;
    fc.assert(
      fc.property(hostile, todays, locales, (text, today, locale) => {
        const start = performance.now();
        readReportWords(text, { today, locale });
        worst = Math.max(worst, performance.now() - start);
      }),
      { numRuns: 300 },
    );
    expect(worst).toBeLessThan(200);
  });

  it('the longest period is MAX_DAYS days (the one limit the form checks too): one day more is refused', () => {
    const ctx = { today: '2026-11-20', locale: 'en' as const };
    const longest = readReportWords(`last ${MAX_DAYS} days`, ctx);
    expect(longest.ok && longest.query.period).toEqual({ from: '2025-11-20', to: '2026-11-20', unit: 'range' });
    expect(readReportWords(`last ${MAX_DAYS + 1} days`, ctx)).toMatchObject({ ok: false, problem: 'too_long_range' });
  });

  it('reads the same words the same way; a period read runs from <= to, within 366 days, never after today', () => {
    const words = fc.array(fc.constantFrom(...PERIOD_WORDS, ...OTHER_WORDS), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.oneof(words, fc.string({ maxLength: 200 })), todays, locales, (text, today, locale) => {
        const first = readReportWords(text, { today, locale });
        expect(readReportWords(text, { today, locale })).toEqual(first);
        if (!first.ok) return;
        const { from, to } = first.query.period;
        expect(from <= to).toBe(true);
        expect(to <= today).toBe(true);
        expect((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1).toBeLessThanOrEqual(MAX_DAYS);
      }),
      { numRuns: 500 },
    );
  });

  it('words that name no period give this week, Monday to today', () => {
    const words = fc.array(fc.constantFrom(...OTHER_WORDS), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
    let read = 0;
    fc.assert(
      fc.property(words, todays, locales, (text, today, locale) => {
        const got = readReportWords(text, { today, locale });
        if (!got.ok) {
          expect(['empty', 'no_period_words', 'too_wordy']).toContain(got.problem);
          return;
        }
        read += 1;
        expect(got.query.period).toEqual(thisWeek(today));
      }),
      { numRuns: 400 },
    );
    // most such questions are read, not refused
    expect(read).toBeGreaterThan(100);
  });
});
