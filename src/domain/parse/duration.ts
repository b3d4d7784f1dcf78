import { fold } from './text.ts';

/**
 * Durations in English, Spanish and Portuguese: `2h`, `2 hrs`, `2h30`, `2h 30m`, `2.5h`, `2,5h`, `150m`,
 * `90 min`, `an hour`, `half an hour`, `1 hora e meia`, `media hora`, `2:30`...
 */
export type DurationFound = { minutes: number; start: number; end: number };
export type DurationProblem = { problem: 'negative'; start: number; end: number };

const HOURS = '(?:hours|hour|horas|hora|hrs|hr|hs|h)';
const MINUTES = '(?:minutes|minute|minutos|minuto|mins|min|m)';
const HALF = '(?:and a half|y media|e meia)';
const ONE = '(?:an|one|a|una|un|uma|um)';
/** a unit must not run into a letter: the "m" of "meeting" is not minutes */
const END = '(?![\\p{L}\\d])';

interface Pattern {
  re: RegExp;
  minutes: (m: RegExpExecArray) => number;
}

const num = (s: string | undefined) => Number((s ?? '0').replace(',', '.'));

const PATTERNS: Pattern[] = [
  // an hour and a half, 1 hora e meia, 2 horas y media
  { re: new RegExp(`(?<![\\p{L}\\d])(\\d+|${ONE})\\s*${HOURS}\\s+${HALF}${END}`, 'gu'), minutes: (m) => (/^\d/.test(m[1] ?? '') ? num(m[1]) : 1) * 60 + 30 },
  // half an hour, media hora, meia hora, a quarter of an hour
  { re: new RegExp(`(?<![\\p{L}\\d])(?:half an hour|half hour|media hora|meia hora|meia-hora)${END}`, 'gu'), minutes: () => 30 },
  { re: new RegExp(`(?<![\\p{L}\\d])(?:a quarter of an hour|quarter of an hour|un cuarto de hora|um quarto de hora)${END}`, 'gu'), minutes: () => 15 },
  // 2h30, 2h30m, 2h 30m, 2 hours 30 minutes, 2h y 30m
  {
    re: new RegExp(`(?<![\\p{L}\\d.,])(\\d+(?:[.,]\\d+)?)\\s*${HOURS}(?:(\\d{1,2})(?:${MINUTES})?|\\s*(?:and\\s+|y\\s+|e\\s+)?(\\d{1,2})\\s*${MINUTES})?${END}`, 'gu'),
    minutes: (m) => Math.round(num(m[1]) * 60) + num(m[2] ?? m[3]),
  },
  // an hour, una hora, uma hora
  { re: new RegExp(`(?<![\\p{L}\\d])${ONE}\\s+${HOURS}${END}`, 'gu'), minutes: () => 60 },
  // 150m, 90 min, 45 minutos
  { re: new RegExp(`(?<![\\p{L}\\d.,])(\\d+)\\s*${MINUTES}${END}`, 'gu'), minutes: (m) => num(m[1]) },
  // 2:30 on its own (ranges were taken out before)
  { re: /(?<![\p{L}\d:/.#-])(\d{1,2}):([0-5]\d)(?![\d:/]|\s*(?:am|pm|a\.m|p\.m))/gu, minutes: (m) => num(m[1]) * 60 + num(m[2]) },
];

/** Finds the first duration in `text`; positions refer to `text`. */
export function findDuration(text: string): DurationFound | DurationProblem | undefined {
  const folded = fold(text);
  let best: { minutes: number; start: number; end: number } | undefined;
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    const m = p.re.exec(folded);
    if (m && (!best || m.index < best.start)) best = { minutes: p.minutes(m), start: m.index, end: m.index + m[0].length };
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
