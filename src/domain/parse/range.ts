import { type Cut, fold } from './text.ts';

/** A wall-clock time of day. */
export interface ClockTime {
  hour: number;
  minute: number;
}

export type RangeFound =
  /** `marked`: minutes, am/pm or an "h" on a time; `loose`: no mark and no "from" word, as in "Fase 1-2" */
  | { kind: 'range'; start: ClockTime; stop: ClockTime; marked: boolean; loose: boolean; cuts: Cut[] }
  | { kind: 'since'; start: ClockTime; cuts: Cut[] };

// "hs"/"hrs" before "h", and none of them running into a letter (the "h" of "9 horas" is not a clock mark).
const MERIDIEM = '(?:(am|pm|a\\.m\\.|p\\.m\\.|a\\.m|p\\.m|hrs|hs|h)(?![\\p{L}]))';
/** 9, 9:30, 9.30, 9h30, 9am, 9h, 14:00hs, 12:30 hs, 11 y media, 9 e meia, 10 y cuarto */
const TIME = `(\\d{1,2})(?:[:.h]([0-5]\\d)|\\s+(?:y|e)\\s+(media|meia|cuarto|quarto))?(?:\\s*${MERIDIEM})?`;
/** "de 3 a 5 de la tarde", "das 2 às 4 da tarde", "from 3 to 5 in the afternoon": the part of the day after a range */
const PART_OF_DAY = /^\s*(?:de la|por la|en la|a la|da|de|pela|a|in the|at)\s+(manana|madrugada|manha|morning|tarde|noche|noite|afternoon|evening|night)(?![\p{L}])/u;
const FROM = '(?:from|de|desde|das|da|entre|between)';
const TO = '(?:-|–|—|to|until|till|til|a|as|ate|hasta|y|e|and)';
/** "y", "e", "and" join a range only after a "from" word ("entre 9 y 11"): "2h y 1h" is two durations */
const JOINING = /^(?:y|e|and)$/;
const DURATION_UNIT = '(?:hours|hour|horas|hora|hrs|hr|minutes|minutos|min|m)';
const DAY = '(?:yesterday|today|ayer|hoy|ontem|hoje)';

const RANGE = new RegExp(`(?<![\\p{L}\\d/.:#,-])(?:(${FROM})\\s+(?:las\\s+|la\\s+)?)?${TIME}\\s*(${TO})\\s*(?:las\\s+|la\\s+)?${TIME}(?![\\d/:]|\\s*${DURATION_UNIT}(?![\\p{L}]))`, 'gu');
/** since 9, desde las 14hs, desde as 9h, and with the day inside: since yesterday at 9am, desde ayer a las 9 */
const SINCE = new RegExp(`(?<![\\p{L}\\d])(?:since|desde)\\s+(?:(${DAY})\\s+)?(?:at\\s+|a\\s+las?\\s+|as\\s+|las?\\s+|o\\s+)?${TIME}(?![\\d/])`, 'dgu');

function to24(hour: number, meridiem: string | undefined): number | undefined {
  if (meridiem?.startsWith('p')) return hour === 12 ? 12 : hour + 12;
  if (meridiem?.startsWith('a')) return hour === 12 ? 0 : hour;
  return hour;
}

function valid(t: ClockTime): boolean {
  return t.hour >= 0 && t.hour <= 24 && t.minute >= 0 && t.minute < 60 && !(t.hour === 24 && t.minute > 0);
}

const amPm = (x: string | undefined) => (x && !x.startsWith('h') ? x : undefined);

/**
 * The hours of "de 3 a 5 de la tarde", "de 10 a 12 de la noche", "das 10 às 12 da manhã": the part of the day said
 * after the range is that of its end, and of its start when the start can be in it (12 is noon, 24 midnight).
 */
function withPartOfDay(start: number, stop: number, part: string): [number, number] {
  const later = (h: number) => (h < 12 ? h + 12 : h);
  if (/noche|noite|night/.test(part)) return [start < 12 ? start + 12 : start, stop === 12 ? 24 : stop <= 6 ? stop : later(stop)];
  if (/tarde|afternoon|evening/.test(part)) return [later(start) <= later(stop) ? later(start) : start, later(stop)];
  return [start, stop];
}

const HALF_OR_QUARTER: Record<string, string> = { media: '30', meia: '30', cuarto: '15', quarto: '15' };

function readRange(m: RegExpExecArray, folded: string): RangeFound | undefined {
  const [, from, h1, m1Digits, m1Words, mer1, sep, h2, m2Digits, m2Words, mer2] = m;
  const m1 = m1Digits ?? HALF_OR_QUARTER[m1Words ?? ''];
  const m2 = m2Digits ?? HALF_OR_QUARTER[m2Words ?? ''];
  const wordSep = sep !== undefined && /^[a-z]/.test(sep);
  if (!from && JOINING.test(sep ?? '')) return undefined;
  const end = m.index + m[0].length;
  const part = mer1 || mer2 ? undefined : PART_OF_DAY.exec(folded.slice(end));
  const marked = Boolean(m1 || m2 || mer1 || mer2 || part);
  // "10 a 12" needs a "from" word or a mark; and in "2h y 30", "2h e 15 tickets" an "h" on the first number
  // alone makes a duration, not a range.
  if (wordSep && !from && !(m1 || amPm(mer1) || m2 || mer2)) return undefined;
  // "9 to 11:30am": a meridiem on one end applies to the other when it has none.
  const [startH, stopH] = part
    ? withPartOfDay(Number(h1), Number(h2), part[1] ?? '')
    : [to24(Number(h1), amPm(mer1) ?? (amPm(mer2) && Number(h1) <= Number(h2) ? amPm(mer2) : undefined)), to24(Number(h2), amPm(mer2) ?? amPm(mer1))];
  if (startH === undefined || stopH === undefined) return undefined;
  const start = { hour: startH, minute: Number(m1 ?? 0) };
  const stop = { hour: stopH, minute: Number(m2 ?? 0) };
  if (!valid(start) || !valid(stop)) return undefined;
  // "from 9 to 5" with no am/pm: the afternoon is meant.
  if (!amPm(mer1) && !amPm(mer2) && !part && stop.hour * 60 + stop.minute <= start.hour * 60 + start.minute && stop.hour < 12 && stop.hour + 12 > start.hour) {
    stop.hour += 12;
  }
  return { kind: 'range', start, stop, marked, loose: !marked && !from, cuts: [[m.index, end + (part ? part[0].length : 0)]] };
}

/**
 * Time ranges: `9-11:30`, `9:00-11:30`, `9am to 11:30am`, `from 14:00 to 16:00`, `de 9 a 11`, `das 9h às 12h45`,
 * `10h30-12h`, `9.30-11`, `de 9 a 12:30 hs`; and `since 2pm` (until now). A word separator (to, a, às…) needs a
 * "from" word or a clock mark to count. A marked range wins over a loose one ("Fase 1-2 9:00-11:00").
 */
export function findRange(text: string): RangeFound | undefined {
  const folded = fold(text);
  RANGE.lastIndex = 0;
  let loose: RangeFound | undefined;
  for (let m = RANGE.exec(folded); m; m = RANGE.exec(folded)) {
    const found = readRange(m, folded);
    if (found?.kind === 'range' && !found.loose) return found;
    loose ??= found;
    // a match that is no range may overlap one that is
    RANGE.lastIndex = m.index + 1;
  }
  if (loose) return loose;
  SINCE.lastIndex = 0;
  const s = SINCE.exec(folded);
  if (s) {
    const [, day, h, mmDigits, mmWords, mer] = s;
    const hour = to24(Number(h), amPm(mer));
    const start = { hour: hour ?? Number(h), minute: Number(mmDigits ?? HALF_OR_QUARTER[mmWords ?? ''] ?? 0) };
    const dayAt = s.indices?.[1];
    // The day word stays in the text for the date reader.
    const cuts: Cut[] = day && dayAt ? [[s.index, dayAt[0]], [dayAt[1], s.index + s[0].length]] : [[s.index, s.index + s[0].length]];
    if (valid(start)) return { kind: 'since', start, cuts };
  }
  return undefined;
}
