import * as chrono from 'chrono-node';
import { addDays } from '../../lib/zoned.ts';
import { blankAll, compact, type Cut, fold } from './text.ts';
import { countOf, MONTH, MONTHS, NUMBER_WORD, WEEKDAY } from './words.ts';

export type Language = 'en' | 'es' | 'pt';

export interface DateContext {
  /** the person's local date, YYYY-MM-DD */
  today: string;
  /** the person's local wall-clock time now */
  hour: number;
  minute: number;
  language: Language;
  /** 18/11 as day/month (es, pt, non-US English) rather than month/day (en-US) */
  dayFirst: boolean;
}

/** `doubt`: a likely reading, not a sure one (the person confirms it); `cuts`: the words that said it */
export type DateFound =
  | { date: string; how: 'explicit' | 'weekday' | 'default'; doubt: boolean; cuts: Cut[] }
  | { problem: 'future'; date: string }
  | { problem: 'no_such_date' | 'unclear_date'; words: string };

const PARSERS: Record<Language | 'enGB', chrono.Chrono> = {
  en: chrono.en.casual,
  enGB: chrono.en.GB,
  es: chrono.es.casual,
  pt: chrono.pt.casual,
};

const SPANISH = /(?<![\p{L}])(ayer|anteayer|hoy|lunes|martes|miercoles|jueves|viernes|sabado|domingo|horas?|media|pasado|hace|el|en|para|minutos|hasta|desde|y)(?![\p{L}])/gu;
const PORTUGUESE = /(?<![\p{L}])(ontem|anteontem|hoje|segunda|terca|quarta|quinta|sexta|meia|passad[ao]|em|das|as|no|na|feira|horas?|minutos|ate|e)(?![\p{L}])/gu;

/** The language to read dates in: the words used win over the Slack locale. */
export function languageOf(locale: string | undefined, text: string): Language {
  const folded = fold(text);
  const pt = folded.match(PORTUGUESE)?.length ?? 0;
  const es = folded.match(SPANISH)?.length ?? 0;
  if (pt > es) return 'pt';
  if (es > pt) return 'es';
  const fromLocale = (locale ?? 'en').slice(0, 2).toLowerCase();
  return fromLocale === 'es' || fromLocale === 'pt' ? fromLocale : 'en';
}

export function isDayFirst(locale: string | undefined, language: Language): boolean {
  if (language !== 'en') return true;
  return (locale ?? 'en-US') !== 'en-US';
}

/** Words that name no one day: refused rather than read as some day (or as today, by default). */
const UNCLEAR = /(?<![\p{L}])(?:a few days ago|few days ago|(?:hace|ha|faz) (?:unos|algunos|uns|alguns) dias|(?:unos|algunos|uns|alguns) dias atras|the other day|el otro dia|outro dia|last week|this week|earlier this week|last month|el mes pasado|mes passado|(?:la )?semana pasada|la otra semana|esta semana|semana passada|nesta semana|essa semana|last weekend|this weekend|over the weekend|el fin de semana(?: pasado)?|este fin de semana|fim de semana(?: passado)?|recently|recientemente|recentemente)(?![\p{L}])/u;

const PART = '(?:morning|afternoon|evening|night|manana|tarde|noche|manha|noite|madrugada)';
/** "in the morning", "por la mañana", "à tarde": a part of the day is a hint, dropped wherever it is */
const PART_HINT = new RegExp(`(?<![\\p{L}])(?:in the|por la|a la|en la|pela|a)\\s+${PART}(?![\\p{L}])`, 'gu');
/** right after a day: "yesterday evening", "ontem de manhã", "sexta de madrugada", "hoje cedo" */
const PART_AFTER = new RegExp(`^\\s*,?\\s*(?:(?:in the|de|da|na|no|pela)\\s+)?(?:${PART}|cedo|early|temprano)(?![\\p{L}])`, 'u');
const TODAY_PART = /(?<![\p{L}])(?:this (?:morning|afternoon|evening)|tonight|earlier today|(?:esta|nesta) (?:manana|tarde|noche|manha|noite))(?![\p{L}])/u;
const LAST_NIGHT = /(?<![\p{L}])(?:last night|anoche)(?![\p{L}])/u;
const TWO_DAYS_AGO = /(?<![\p{L}])(anteayer|antier|ante ayer|antes de ayer|anteanoche|antenoche|anteontem|ante-ontem|antes de ontem|the day before yesterday|day before yesterday)(?![\p{L}])/u;

const N = `(\\d{1,3}|${NUMBER_WORD}|an|a)`;
const UNIT = '(days?|dias?|weeks?|semanas?)';
/** 4 days ago, hace 5 días, há 4 dias, faz 6 dias, 3 dias atrás, a week ago */
const AGO = new RegExp(`(?<![\\p{L}\\d])(?:(?:hace|ha|faz)\\s+${N}\\s+${UNIT}|${N}\\s+${UNIT}\\s+(?:ago|back|atras))(?![\\p{L}])`, 'u');
const IN_DAYS = new RegExp(`(?<![\\p{L}\\d])(?:in|dentro de|daqui a)\\s+${N}\\s+${UNIT}(?![\\p{L}])`, 'u');
/** a couple of days is most likely two: asked */
const COUPLE = /(?<![\p{L}])(?:a couple(?: of)? days ago|(?:hace|ha|faz) (?:un|um) par de dias|(?:un|um) par de dias atras)(?![\p{L}])/u;

const WEEKDAY_BEFORE = `(?:(?:on |el |na |no |o )?${WEEKDAY},?\\s+)?`;
/** 18 de octubre, el 18 de octubre, on the 18th of October, 18 Oct, 1º de novembro, lunes 16 de noviembre de 2026 */
const DAY_MONTH = new RegExp(`(?<![\\p{L}\\d])${WEEKDAY_BEFORE}(?:(?:on the|on|the|el dia|el|dia|no dia|o dia)\\s+)?(\\d{1,2})(?:st|nd|rd|th|º|°)?(?:\\s+of|\\s+de|\\s*-)?\\s*(${MONTH})\\.?(?:,?\\s+(?:of\\s+|de\\s+)?(\\d{4}))?(?![\\p{L}\\d])`, 'u');
/** October 18th, Oct 18, 2026, on November 3 */
const MONTH_DAY = new RegExp(`(?<![\\p{L}\\d])${WEEKDAY_BEFORE}(?:on\\s+)?(${MONTH})\\.?\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?(?![\\p{L}\\d:])`, 'u');
/** the 3rd, on the 18th, el 5, el día 5, dia 10, no dia 10; in English only with its ending ("the 3 amigos" is a name) */
/** after "el 5"/"dia 2": a word that is not a link word ("en", "for", "por"…) may make the number part of a name */
const BARE_DAY_RUNS_ON = /^\s+(?!(?:on|en|em|for|para|pra|a|at|as|y|e|and|de|del|da|do|por|pela|pelo|in|na|no|of|to|ate|hasta)(?![\p{L}]))\p{L}/u;
const DAY_OF_MONTH = /(?<![\p{L}\d])(?:(?:on the|the|on)\s+(\d{1,2})(?:st|nd|rd|th)|(?:el dia|el|dia|no dia|o dia)\s+(\d{1,2})(?:º|°)?)(?![\p{L}\d/:.-])/u;
/** 30/02, 2026-02-30: only looked at when nothing else read a date, to refuse the ones that do not exist */
const NUMERIC = /(?<![\d/.-])(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?(?![\d/])|(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])/u;
const NEXT = /(?<![\p{L}])(next|proximo|proxima|que viene|siguiente|seguinte)(?![\p{L}])/u;
const LAST = /(?<![\p{L}])(last|pasado|pasada|passado|passada|anterior)(?![\p{L}])/u;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** YYYY-MM-DD, or undefined when there is no such day (31 November, 29 February 2026). */
function realDate(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

type Day = { date: string; how: 'explicit' | 'weekday'; doubt: boolean; start: number; end: number };
type Read = Day | Extract<DateFound, { problem: string }> | undefined;

/** "3 days", "dos semanas", "a week", in days */
const daysOf = (count: string | undefined, unit: string | undefined) => countOf(count ?? '1') * (/^(?:week|semana)/.test(unit ?? '') ? 7 : 1);

/** A day and month, with or without a year: the last one that has passed; last year's is asked. */
function dayAndMonth(day: number, month: number, year: number | undefined, m: RegExpExecArray, text: string, ctx: DateContext): Read {
  const [ty] = ctx.today.split('-').map(Number) as [number];
  const sameYear = `${ty}-${pad(month)}-${pad(day)}`;
  const y = year ?? (sameYear > ctx.today ? ty - 1 : ty);
  const date = realDate(y, month, day);
  if (!date) return { problem: 'no_such_date', words: text.slice(m.index, m.index + m[0].length).trim() };
  if (date > ctx.today) return { problem: 'future', date };
  return { date, how: 'explicit', doubt: year === undefined && y < ty, start: m.index, end: m.index + m[0].length };
}

/** The day the words name, before any part of the day is looked at. */
function readDay(text: string, folded: string, ctx: DateContext): Read {
  const at = (m: RegExpExecArray, date: string, doubt = false): Day => ({ date, how: 'explicit', doubt, start: m.index, end: m.index + m[0].length });
  const today = TODAY_PART.exec(folded);
  if (today) return at(today, ctx.today);
  const lastNight = LAST_NIGHT.exec(folded);
  if (lastNight) return at(lastNight, addDays(ctx.today, -1));
  const two = TWO_DAYS_AGO.exec(folded);
  if (two) return at(two, addDays(ctx.today, -2));
  const couple = COUPLE.exec(folded);
  if (couple) return at(couple, addDays(ctx.today, -2), true);
  const ago = AGO.exec(folded);
  if (ago) return at(ago, addDays(ctx.today, -daysOf(ago[1] ?? ago[3], ago[2] ?? ago[4])));
  const ahead = IN_DAYS.exec(folded);
  if (ahead) return { problem: 'future', date: addDays(ctx.today, daysOf(ahead[1], ahead[2])) };

  const dm = DAY_MONTH.exec(folded);
  const md = MONTH_DAY.exec(folded);
  if (dm && (!md || dm.index <= md.index)) return dayAndMonth(Number(dm[1]), MONTHS[dm[2] ?? ''] ?? 0, dm[3] ? Number(dm[3]) : undefined, dm, text, ctx);
  if (md) return dayAndMonth(Number(md[2]), MONTHS[md[1] ?? ''] ?? 0, md[3] ? Number(md[3]) : undefined, md, text, ctx);

  const [ty, tm, td] = ctx.today.split('-').map(Number) as [number, number, number];
  const dom = DAY_OF_MONTH.exec(folded);
  if (dom) {
    // This month's if it has come, else last month's; a day last month did not have is refused, never rolled
    // into the next month (the 30th in March is not 2 March).
    const day = Number(dom[1] ?? dom[2]);
    const date = day <= td ? realDate(ty, tm, day) : tm === 1 ? realDate(ty - 1, 12, day) : realDate(ty, tm - 1, day);
    if (!date) return { problem: 'no_such_date', words: text.slice(dom.index, dom.index + dom[0].length).trim() };
    // "el 5 estrellas", "Dia 2 workshop": a bare number run straight into other words may be part of a name.
    const runsOn = dom[2] !== undefined && BARE_DAY_RUNS_ON.test(folded.slice(dom.index + dom[0].length));
    return at(dom, date, runsOn);
  }

  const read = readChrono(text, folded, ctx);
  if (read) return read;
  const numeric = NUMERIC.exec(folded);
  if (numeric) {
    const [, a, b, year, isoY, isoM, isoD] = numeric;
    const [day, month] = ctx.dayFirst ? [a, b] : [b, a];
    const y = isoY ?? year;
    const fullYear = y === undefined ? ty : Number(y) < 100 ? 2000 + Number(y) : Number(y);
    const exists = isoY ? realDate(Number(isoY), Number(isoM), Number(isoD)) : realDate(fullYear, Number(month), Number(day));
    if (!exists) return { problem: 'no_such_date', words: numeric[0] };
  }
  return undefined;
}

/** What chrono could read as a day: a word of three letters or more, a number with an ending (3rd), or 18/11, 18-11, 18.11 */
const MAY_NAME_A_DAY = /\p{L}{3}|\d(?:st|nd|rd|th)|\d[/.-]\d/u;

function readChrono(text: string, folded: string, ctx: DateContext): Read {
  // chrono runs four parsers over the words: not over words that cannot name a day ("1 y 1 y 1", runs of numbers)
  if (!MAY_NAME_A_DAY.test(folded)) return undefined;
  // chrono reads the wall clock: give it the person's local "now" as if it were UTC, and read the fields back.
  const [y, m, d] = ctx.today.split('-').map(Number) as [number, number, number];
  const reference = { instant: new Date(Date.UTC(y, m - 1, d, ctx.hour, ctx.minute)), timezone: 0 };
  const first = ctx.language === 'en' && ctx.dayFirst ? 'enGB' : ctx.language;
  const order: (Language | 'enGB')[] = [first, ...(['es', 'pt', ctx.dayFirst ? 'enGB' : 'en'] as const).filter((l) => l !== first)];
  for (const lang of order) {
    const results = PARSERS[lang].parse(text, reference);
    // A month alone names no day ("Campaña Mayo 2026" is a task).
    const r = results.find((x) => x.start.isCertain('day') || x.start.isCertain('weekday'));
    if (!r) continue;
    let date = `${r.start.get('year')}-${pad(r.start.get('month') ?? 1)}-${pad(r.start.get('day') ?? 1)}`;
    let doubt = false;
    // "05/11" without a year means the last one that has passed, not next year's; last year's is asked.
    if (r.start.isCertain('day') && !r.start.isCertain('year') && date > ctx.today) {
      date = `${(r.start.get('year') ?? y) - 1}${date.slice(4)}`;
      doubt = Number(date.slice(0, 4)) < y;
    }
    const before = folded.slice(Math.max(0, r.index - 12), r.index);
    const around = `${before} ${folded.slice(r.index, r.index + r.text.length + 12)}`;
    const span = { start: r.index, end: r.index + r.text.length };
    // "last friday"/"viernes pasado": remove the marker word too.
    const lastWord = LAST.exec(folded.slice(span.end, span.end + 12));
    if (lastWord && /^\s*$/.test(folded.slice(span.end, span.end + lastWord.index))) span.end += lastWord.index + lastWord[0].length;
    const bareWeekday = !r.start.isCertain('day') && r.start.isCertain('weekday');
    if (bareWeekday) {
      if (NEXT.test(around)) return { problem: 'future', date };
      // A bare weekday never lands in the future, and "last"/"pasado" means before today.
      if (date > ctx.today || (LAST.test(around) && date >= ctx.today)) date = addDays(date, -7);
      return { date, ...span, how: 'weekday', doubt };
    }
    if (date > ctx.today) return { problem: 'future', date };
    return { date, ...span, how: 'explicit', doubt };
  }
  return undefined;
}

/** Short forms of "yesterday" people type: read as the word. */
const YESTERDAY_SHORT = /(?<![\p{L}\d])(?:yday|ystd|ystdy|yest|ystrdy)(?![\p{L}\d])/giu;

/** Day words a misspelling of which is asked about, never read into a task's name ("ayr", "ontme", "yesteday"). */
const DAY_WORDS = ['yesterday', 'today', 'ayer', 'anteayer', 'antier', 'ontem', 'anteontem', 'hoje'];

/** Whether `typed` is a near miss of `word`: a letter left out or two swapped; from seven letters also one changed, two from nine. */
function nearMiss(typed: string, word: string): boolean {
  if (typed === word || typed.length < 3) return false;
  const swapped = typed.length === word.length && [...typed].sort().join('') === [...word].sort().join('') && [...typed].filter((c, i) => c !== word[i]).length === 2;
  const dropped = typed.length === word.length - 1 && [...word].some((_, i) => word.slice(0, i) + word.slice(i + 1) === typed);
  if (swapped || dropped) return true;
  // a letter changed only in long words: "todas" is not "today", nor "lines" "lunes"
  if (word.length < 7) return false;
  return editDistance(typed, word) <= (word.length >= 9 ? 2 : 1);
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length] as number;
}

/** A word of `text` that looks like a misspelt day word, if any: the reader asks which day rather than guess. */
export function misspeltDay(text: string): string | undefined {
  return text.split(/[^\p{L}]+/u).find((w) => w.length <= 12 && !WORDS_NOT_DAYS.has(fold(w)) && DAY_WORDS.some((d) => nearMiss(fold(w), d)));
}

/** Words a letter away from a day word that people write for themselves */
const WORDS_NOT_DAYS = new Set(['toda', 'todo', 'aye', 'hoe']);

/**
 * Finds the day the text talks about, in the person's own calendar. A part of the day ("yesterday evening",
 * "por la mañana", "hoje à tarde") is a hint: it goes with the day, and alone it means today.
 * The readers see the text with each run of white space made one (chrono backtracks on long runs); the cuts
 * returned are positions in `text`.
 */
export function findDate(text: string, ctx: DateContext): DateFound | undefined {
  const c = compact(text);
  const found = findDateIn(c.text.replace(YESTERDAY_SHORT, (m) => 'ayer'.padEnd(m.length, ' ')), ctx);
  if (!found || !('cuts' in found)) return found;
  return { ...found, cuts: found.cuts.map(([s, e]): Cut => [c.at(s), c.at(e)]) };
}

function findDateIn(text: string, ctx: DateContext): DateFound | undefined {
  const unclear = UNCLEAR.exec(fold(text));
  if (unclear) return { problem: 'unclear_date', words: text.slice(unclear.index, unclear.index + unclear[0].length) };
  // Dropped first, so that "por la mañana" is not read as "mañana" (tomorrow).
  const cuts: Cut[] = [...fold(text).matchAll(PART_HINT)].map((m): Cut => [m.index, m.index + m[0].length]);
  const plain = blankAll(text, cuts);
  const folded = fold(plain);
  const day = readDay(plain, folded, ctx);
  if (day && 'problem' in day) return day;
  if (!day) return cuts.length > 0 ? { date: ctx.today, how: 'default', doubt: false, cuts } : undefined;
  const part = PART_AFTER.exec(folded.slice(day.end));
  cuts.push([day.start, day.end + (part ? part[0].length : 0)]);
  return { date: day.date, how: day.how, doubt: day.doubt, cuts };
}
