import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLogLine } from '../../../../src/domain/parse/log-line.ts';
import { isReportQuestion } from '../../../../src/domain/parse/report-question.ts';
import { zonedTimeToInstant } from '../../../../src/lib/zoned.ts';

/**
 * One rule tells a report question written to the bot from a log: a message is the reports feature's or the
 * log-time feature's, never both, and any duration stays an entry or a question.
 */

const TZ = 'America/Argentina/Buenos_Aires';
const CTX = { now: zonedTimeToInstant('2026-11-18', 18, 30, TZ), tz: TZ, locale: 'en-US' };

/** Answers of the log reader that find no time in the words: what the bot answers with a pointer, or a day's doubt. */
const NO_TIME = new Set(['empty', 'no_duration', 'unclear_date', 'future', 'no_such_date']);

/** What a log would take from the words: entries, or a question about a time in them. */
function logTakes(text: string): boolean {
  const read = parseLogLine(text, CTX);
  return read.ok || !NO_TIME.has(read.error.code);
}

const DURATIONS = ['2h', '2h30', '1.5h', '2,5 h', '90 min', '45m', 'an hour', 'media hora', 'meia hora', '2 horas', 'dos horas y media', 'half an hour', '3 hours', '1 hora e meia', '9-11', '10:00-12:30'];
const REPORT_WORDS = [
  'my week', 'last month on Acme', '¿cuántas horas llevamos en Banco Andino este mes?', 'horas do time de design na semana passada',
  'team hours from 1/11 to 15/11', 'report', 'by person', 'por tarea', 'this month', 'mes pasado', 'hours', 'on Homepage redesign',
  'yesterday', 'hoy', '<@U02JOHN>', '#48211', 'QA', 'relatório', 'chart of @design', 'last week', 'semana passada', 'everyone',
];
const words = fc.oneof(fc.constantFrom(...REPORT_WORDS), fc.string({ maxLength: 12 }), fc.constantFrom(' ', ', ', '\n', ' y ', ' and '));
const texts = fc.array(words, { maxLength: 6 }).map((parts) => parts.join(' '));

describe('a report question or a log: one rule for messages to the bot', () => {
  it('reads the examples of the issue as report questions, and logs as logs', () => {
    for (const q of ['my week', 'last month on Acme', '¿cuántas horas llevamos en Banco Andino este mes?', 'horas do time de design na semana passada', 'team hours from 1/11 to 15/11', 'informe de noviembre'])
      expect(isReportQuestion(q), q).toBe(true);
    for (const log of ['2h on Homepage redesign', '2h #48211 yesterday', '#48211 yesterday', 'hello', 'QA 3', '9-11 QA', '3h homepage, 2h QA']) expect(isReportQuestion(log), log).toBe(false);
  });

  it('a number the log reader finds only once it has cut a day out is the log’s (found by fast-check: "my week jUE0")', () => {
    expect(logTakes('my week jUE0')).toBe(true);
    expect(isReportQuestion('my week jUE0')).toBe(false);
  });

  it('one day is a report only when whose hours or how much is asked: otherwise a log whose duration was left out', () => {
    for (const q of ['my day', 'my hours yesterday', '¿cuánto llevo hoy?', 'quanto tenho hoje?', 'how much today', 'mis horas de ayer', '<@U02JOHN> yesterday', 'this week on Acme'])
      expect(isReportQuestion(q), q).toBe(true);
    for (const log of ['meeting today', 'reunión ayer', 'Homepage redesign yesterday', 'reunião hoje com o cliente']) expect(isReportQuestion(log), log).toBe(false);
  });

  it('no text is claimed by both: a report question is one a log would take nothing from', () => {
    fc.assert(
      fc.property(fc.oneof(texts, fc.string({ maxLength: 60 })), (text) => {
        if (isReportQuestion(text)) expect(logTakes(text)).toBe(false);
      }),
      { numRuns: 1500 },
    );
  });

  it('any text with a duration stays a log (an entry or a question), never a report', () => {
    fc.assert(
      fc.property(texts, fc.constantFrom(...DURATIONS), texts, (before, duration, after) => {
        expect(isReportQuestion(`${before} ${duration} ${after}`)).toBe(false);
      }),
      { numRuns: 1500 },
    );
  });
});
