import { addDays } from '../../lib/zoned.ts';
import { parseFutureDate } from './remind-command.ts';
import { fold, squash } from './text.ts';

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, enero: 1, janeiro: 1,
  feb: 2, february: 2, febrero: 2, fevereiro: 2,
  mar: 3, march: 3, marzo: 3, marco: 3,
  apr: 4, april: 4, abril: 4,
  may: 5, mayo: 5, maio: 5,
  jun: 6, june: 6, junio: 6, junho: 6,
  jul: 7, july: 7, julio: 7, julho: 7,
  aug: 8, august: 8, agosto: 8,
  sep: 9, sept: 9, september: 9, septiembre: 9, setembro: 9,
  oct: 10, october: 10, octubre: 10, outubro: 10,
  nov: 11, november: 11, noviembre: 11, novembro: 11,
  dec: 12, december: 12, diciembre: 12, dezembro: 12,
};

/**
 * A project date in words, from today on: "next monday", "15/01", "2027-03-31", "end of march" (its last day,
 * the next one to come), "fin de marzo", "fim de março". Undefined when it cannot be read.
 */
export function parseProjectDate(text: string, today: string): string | undefined {
  const t = squash(fold(text));
  if (!t) return undefined;
  const end = /^(?:the )?(?:end of|fin de|final de|fim de)\s+([a-z]+)(?:\s+(?:de\s+)?(\d{4}))?$/.exec(t);
  if (end) {
    const month = MONTHS[end[1] ?? ''];
    if (!month) return undefined;
    const [ty, tm] = today.split('-').map(Number) as [number, number];
    const year = end[2] ? Number(end[2]) : month < tm ? ty + 1 : ty;
    // The day before the first of the next month.
    return addDays(`${month === 12 ? year + 1 : year}-${String(month === 12 ? 1 : month + 1).padStart(2, '0')}-01`, -1);
  }
  return parseFutureDate(t, { today });
}
