import { fold } from './text.ts';

/** A wall-clock time of day. */
export interface ClockTime {
  hour: number;
  minute: number;
}

export type RangeFound =
  | { kind: 'range'; start: ClockTime; stop: ClockTime; start_: number; end: number }
  | { kind: 'since'; start: ClockTime; start_: number; end: number };

const MERIDIEM = '(am|pm|a\\.m\\.|p\\.m\\.|a\\.m|p\\.m|h|hs)';
const TIME = `(\\d{1,2})(?::([0-5]\\d))?\\s*${MERIDIEM}?`;
const FROM = '(?:from|de|desde|das|da|entre|between)';
const TO = '(?:-|–|—|to|until|till|til|a|as|ate|hasta|y|e|and)';

const RANGE = new RegExp(`(?<![\\p{L}\\d/.:#,-])(?:(${FROM})\\s+(?:las\\s+|la\\s+)?)?${TIME}\\s*(${TO})\\s*(?:las\\s+|la\\s+)?${TIME}(?![\\d/:]|\\s*(?:${'(?:hours|hour|horas|hora|hrs|hr|minutes|minutos|min|m)'})(?![\\p{L}]))`, 'gu');
const SINCE = new RegExp(`(?<![\\p{L}\\d])(?:since|desde(?:\\s+las?|\\s+as?|\\s+o)?)\\s+${TIME}(?![\\d/])`, 'gu');

function to24(hour: number, meridiem: string | undefined): number | undefined {
  if (meridiem?.startsWith('p')) return hour === 12 ? 12 : hour + 12;
  if (meridiem?.startsWith('a')) return hour === 12 ? 0 : hour;
  return hour;
}

function valid(t: ClockTime): boolean {
  return t.hour >= 0 && t.hour <= 24 && t.minute >= 0 && t.minute < 60 && !(t.hour === 24 && t.minute > 0);
}

/**
 * Time ranges: `9-11:30`, `9:00-11:30`, `9am to 11:30am`, `from 14:00 to 16:00`, `de 9 a 11`, `das 9 às 11`;
 * and `since 2pm` (until now). A word separator (to, a, às…) needs a "from" word or a clock mark to count.
 */
export function findRange(text: string): RangeFound | undefined {
  const folded = fold(text);
  RANGE.lastIndex = 0;
  for (let m = RANGE.exec(folded); m; m = RANGE.exec(folded)) {
    const [, from, h1, m1, mer1, sep, h2, m2, mer2] = m;
    const wordSep = sep !== undefined && /^[a-z]/.test(sep);
    const marked = Boolean(m1 || m2 || mer1 || mer2);
    if (wordSep && !from && !marked) continue;
    if (!wordSep && !from && !marked && sep !== undefined && !/^[-–—]$/.test(sep)) continue;
    const amPm = (x: string | undefined) => (x && !x.startsWith('h') ? x : undefined);
    // "9 to 11:30am": a meridiem on one end applies to the other when it has none.
    const startH = to24(Number(h1), amPm(mer1) ?? (amPm(mer2) && Number(h1) <= Number(h2) ? amPm(mer2) : undefined));
    const stopH = to24(Number(h2), amPm(mer2) ?? amPm(mer1));
    if (startH === undefined || stopH === undefined) continue;
    const start = { hour: startH, minute: Number(m1 ?? 0) };
    const stop = { hour: stopH, minute: Number(m2 ?? 0) };
    if (!valid(start) || !valid(stop)) continue;
    // "from 9 to 5" with no am/pm: the afternoon is meant.
    if (!amPm(mer1) && !amPm(mer2) && stop.hour * 60 + stop.minute <= start.hour * 60 + start.minute && stop.hour < 12 && stop.hour + 12 > start.hour) {
      stop.hour += 12;
    }
    return { kind: 'range', start, stop, start_: m.index, end: m.index + m[0].length };
  }
  SINCE.lastIndex = 0;
  const s = SINCE.exec(folded);
  if (s) {
    const [, h, mm, mer] = s;
    const hour = to24(Number(h), mer && !mer.startsWith('h') ? mer : undefined);
    const start = { hour: hour ?? Number(h), minute: Number(mm ?? 0) };
    if (valid(start)) return { kind: 'since', start, start_: s.index, end: s.index + s[0].length };
  }
  return undefined;
}
