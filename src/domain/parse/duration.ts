import { fold } from './text.ts';
import { countOf, NUMBER_WORD, NUMBER_WORDS } from './words.ts';

/**
 * Durations in English, Spanish and Portuguese: `2h`, `2 hrs`, `2h30`, `2h 30m`, `2.5h`, `2,5h`, `150m`,
 * `90 min`, `an hour`, `half an hour`, `1 hora e meia`, `media hora`, `2:30`, and in words: `two hours`,
 * `hora y cuarto`, `dos horas y media`, `hora e quinze`, `an hour and a quarter`, `tres cuartos de hora`...
 */
export type DurationFound = { minutes: number; start: number; end: number };
export type DurationProblem = { problem: 'negative'; start: number; end: number };

const HOURS = '(?:hours|hour|horas|hora|hrs|hr|hs|h)';
const HOUR_WORD = '(?:hours|hour|horas|hora)';
const MINUTES = '(?:minutes|minute|minutos|minuto|mins|min|m)';
const MINUTE_WORD = '(?:minutes|minute|minutos|minuto|mins|min)';
const HALF = '(?:and a half|y media|e meia)';
const ONE = '(?:an|one|a|una|un|uma|um)';
const COUNT = `(\\d+(?:[.,]\\d+)?|${NUMBER_WORD}|${ONE})`;
/** what follows "and"/"y"/"e" after the hours */
const FRACTION = `(a half|half|media|meia|three quarters|tres cuartos|tres quartos|a quarter|quarter|un cuarto|cuarto|um quarto|quarto|\\d{1,2}|${NUMBER_WORD})(\\s*${MINUTES})?`;
/** the end, a task (on, #48211, en, em…), a note or a day: what may follow minutes written without their unit */
const BEFORE_TASK = '(?=\\s*(?:$|#|--|["“]|(?:on|for|to|in|en|em|para|no|na|yesterday|today|ayer|hoy|ontem|hoje)(?![\\p{L}])))';
/** a unit must not run into a letter: the "m" of "meeting" is not minutes */
const END = '(?![\\p{L}\\d])';

interface Pattern {
  re: RegExp;
  /** undefined: this match is not a duration after all, look further on */
  minutes: (m: RegExpExecArray) => number | undefined;
}

const num = (s: string | undefined) => Number((s ?? '0').replace(',', '.'));

function fraction(words: string, unit: string | undefined, hourUnit: string): number | undefined {
  if (/^(?:a half|half|media|meia)$/.test(words)) return 30;
  if (/^(?:three quarters|tres cuartos|tres quartos)$/.test(words)) return 45;
  if (/quarter|cuarto|quarto/.test(words)) return 15;
  const n = /^\d/.test(words) ? Number(words) : (NUMBER_WORDS[words] ?? 0);
  // "hora e quinze", "1 hora y 45": minutes without their unit only after a written-out hour and in
  // fives; "2h y 3 bugs" is a count in the note, not 2h03.
  if (!unit && (hourUnit.length <= 2 || n % 5 !== 0)) return undefined;
  return n > 0 && n < 60 ? n : undefined;
}

const PATTERNS: Pattern[] = [
  // two and a half hours, 2 and a half hours
  { re: new RegExp(`(?<![\\p{L}\\d#])${COUNT}\\s+${HALF}\\s+${HOURS}${END}`, 'gu'), minutes: (m) => countOf(m[1] ?? '') * 60 + 30 },
  // hora y cuarto, dos horas y media, an hour and a quarter, 1 hora e 15, an hour and fifteen minutes
  {
    re: new RegExp(`(?<![\\p{L}\\d.,#])(?:${COUNT}\\s*(${HOURS})|(${HOUR_WORD}))\\s+(?:and|y|e)\\s+${FRACTION}${END}(?![.,]\\d|\\s*${HOURS}${END})`, 'gu'),
    minutes: (m) => {
      const part = fraction(m[4] ?? '', m[5], m[2] ?? m[3] ?? '');
      return part === undefined ? undefined : Math.round((m[1] ? countOf(m[1]) : 1) * 60) + part;
    },
  },
  // half an hour, media hora, meia hora; a quarter of an hour; three quarters of an hour
  { re: new RegExp(`(?<![\\p{L}\\d#])(?:half an hour|half hour|media hora|meia hora|meia-hora)${END}`, 'gu'), minutes: () => 30 },
  { re: new RegExp(`(?<![\\p{L}\\d#])(?:three quarters of an hour|tres cuartos de hora|tres quartos de hora)${END}`, 'gu'), minutes: () => 45 },
  { re: new RegExp(`(?<![\\p{L}\\d#])(?:a quarter of an hour|quarter of an hour|un cuarto de hora|cuarto de hora|um quarto de hora|quarto de hora)${END}`, 'gu'), minutes: () => 15 },
  // 2h30, 2h30m, 2h 30m, 2 hours 30 minutes, 2h y 30m; and "1h 20" when what follows is no count of something
  {
    re: new RegExp(`(?<![\\p{L}\\d.,#])(\\d+(?:[.,]\\d+)?)\\s*${HOURS}(?:(\\d{1,2})(?:${MINUTES})?|\\s*(?:and\\s+|y\\s+|e\\s+)?(\\d{1,2})\\s*${MINUTES}|\\s+([0-5]?[05])${BEFORE_TASK})?${END}`, 'gu'),
    minutes: (m) => Math.round(num(m[1]) * 60) + num(m[2] ?? m[3] ?? m[4]),
  },
  // an hour, una hora, two hours, dos horas, duas horas
  { re: new RegExp(`(?<![\\p{L}\\d#])(${NUMBER_WORD}|${ONE})\\s+${HOUR_WORD}${END}`, 'gu'), minutes: (m) => countOf(m[1] ?? '') * 60 },
  // 150m, 90 min, 45 minutos
  { re: new RegExp(`(?<![\\p{L}\\d.,#])(\\d+)\\s*${MINUTES}${END}`, 'gu'), minutes: (m) => num(m[1]) },
  // twenty minutes, quince minutos
  { re: new RegExp(`(?<![\\p{L}\\d#])(${NUMBER_WORD})\\s+${MINUTE_WORD}${END}`, 'gu'), minutes: (m) => countOf(m[1] ?? '') },
  // 2:30 on its own (ranges were taken out before)
  // …but not a time of day: "at 9:30", "a las 9:30", "started 9:30", "9:30 start"
  {
    re: /(?<![\p{L}\d:/.#-])(?<!(?:at|a las|a la|as|from|desde|desde las|hasta|hasta las|till|until|ate|started|starting|empezando|empece|comecei|comecando)\s+)(\d{1,2}):([0-5]\d)(?![\d:/]|\s*(?:am|pm|a\.m|p\.m|start|inicio)(?![\p{L}]))/gu,
    minutes: (m) => num(m[1]) * 60 + num(m[2]),
  },
];

/** The first match of `p` in `folded` that is a duration. */
function first(p: Pattern, folded: string): DurationFound | undefined {
  p.re.lastIndex = 0;
  for (let m = p.re.exec(folded); m; m = p.re.exec(folded)) {
    const minutes = p.minutes(m);
    if (minutes !== undefined) return { minutes, start: m.index, end: m.index + m[0].length };
    p.re.lastIndex = m.index + 1;
  }
  return undefined;
}

/** Finds the first duration in `text` (the longest where several start together); positions refer to `text`. */
export function findDuration(text: string): DurationFound | DurationProblem | undefined {
  const folded = fold(text);
  let best: DurationFound | undefined;
  for (const p of PATTERNS) {
    const found = first(p, folded);
    if (found && (!best || found.start < best.start || (found.start === best.start && found.end > best.end))) best = found;
  }
  if (!best) return undefined;
  if (/-\s*$/.test(folded.slice(Math.max(0, best.start - 2), best.start)) && !/\d\s*-\s*$/.test(folded.slice(0, best.start))) {
    return { problem: 'negative', start: best.start, end: best.end };
  }
  return best;
}

/** A number standing alone (no unit): the caller must ask, not guess. */
export function findBareNumber(text: string): { value: string; start: number; end: number } | undefined {
  const m = /(?<![\p{L}\d#/.:,-])(\d+(?:[.,]\d+)?)(?![\p{L}\d/:])/u.exec(text);
  return m ? { value: m[1] ?? '', start: m.index, end: m.index + m[0].length } : undefined;
}
