import { addDays } from '../../lib/zoned.ts';
import { parseFutureDate } from './remind-command.ts';
import { fold, squash } from './text.ts';
import { MONTHS } from './words.ts';

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
