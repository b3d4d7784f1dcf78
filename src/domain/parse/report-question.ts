import { logWouldRead } from './log-command.ts';
import { parseLogLine } from './log-line.ts';
import { readReportWords, saysMine, saysPeriod } from './report-words.ts';
import { fold } from './text.ts';

/** Words that ask for a report whatever else is said: "report", "informe", "relatório", "chart", "hours"… */
const REPORT_WORD = /(?<![\p{L}\d])(?:reports?|reporte|informe|relatorio|charts?|graph|grafico|horas|hours|hrs|timesheet)(?![\p{L}\d])/u;

/** Words that ask how much, when one day is named: "¿cuánto llevo hoy?", "how much today", "quanto tenho hoje". */
const ASKS = /(?<![\p{L}\d])(?:how much|how many|cuanto|cuantas|cuantos|llevo|llevamos|tengo|quanto|quantas|quantos|tenho|temos)(?![\p{L}\d])/u;

/** What the log reader answers when it finds no time in the words: its pointer, or a question about the day alone. */
const NO_TIME = new Set(['empty', 'no_duration', 'unclear_date', 'future', 'no_such_date']);
/** Any moment will do; both ways of writing dates, as a number either reads is a number a log asks about. */
const LOG_CONTEXTS = ['en-US', 'es-LA'].map((locale) => ({ now: new Date('2026-01-05T15:00:00Z'), tz: 'UTC', locale }));

/**
 * Whether the log reader itself would take anything from the words (an entry, or a question about a time or a
 * number in them). The quick look (`logWouldRead`) misses what only appears once the reader has cut a day out:
 * "jue0" is Thursday and a bare 0.
 */
function logReaderTakes(text: string): boolean {
  return LOG_CONTEXTS.some((ctx) => {
    const read = parseLogLine(text, ctx);
    return read.ok || !NO_TIME.has(read.error.code);
  });
}

/** Any day will do: whether a period is said does not depend on which day it is. */
const SOME_DAY = '2026-01-05';

/**
 * Whether words written to the bot ask for a report ("my week", "¿cuántas horas llevamos en Banco Andino este mes?")
 * rather than log time. Never when a log would read anything in them (a duration, a time range, a bare number, a
 * task id): every duration stays an entry or a question. The one rule both the log-time and the reports features
 * read messages to the bot by, so that no message is answered twice or by neither.
 */
export function isReportQuestion(text: string): boolean {
  if (logWouldRead(text) || logReaderTakes(text)) return false;
  const folded = fold(text);
  if (REPORT_WORD.test(folded)) return true;
  if (!saysPeriod(text, { today: SOME_DAY })) return false;
  // A log is about one day. A week, a month or a range is asked about; one day only when whose hours or "how much"
  // is said ("my day", "¿cuánto llevo hoy?", "@design today"): "meeting today" is a log whose duration was left out,
  // and gets log-time's answer, not a report of a project called "meeting".
  const reading = readReportWords(text, { today: SOME_DAY });
  if (!reading.ok) return false;
  return reading.query.period.unit !== 'day' || reading.query.who.kind !== 'me' || saysMine(text) || ASKS.test(folded);
}
