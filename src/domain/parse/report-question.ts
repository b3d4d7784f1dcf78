import { logWouldRead } from './log-command.ts';
import { saysPeriod } from './report-words.ts';
import { fold } from './text.ts';

/** Words that ask for a report whatever else is said: "report", "informe", "relatório", "chart", "hours"… */
const REPORT_WORD = /(?<![\p{L}\d])(?:reports?|reporte|informe|relatorio|charts?|graph|grafico|horas|hours|hrs|timesheet)(?![\p{L}\d])/u;

/** Any day will do: whether a period is said does not depend on which day it is. */
const SOME_DAY = '2026-01-05';

/**
 * Whether words written to the bot ask for a report ("my week", "¿cuántas horas llevamos en Banco Andino este mes?")
 * rather than log time. Never when a log would read anything in them (a duration, a time range, a bare number, a
 * task id): every duration stays an entry or a question. The one rule both the log-time and the reports features
 * read messages to the bot by, so that no message is answered twice or by neither.
 */
export function isReportQuestion(text: string): boolean {
  if (logWouldRead(text)) return false;
  return REPORT_WORD.test(fold(text)) || saysPeriod(text, { today: SOME_DAY });
}
