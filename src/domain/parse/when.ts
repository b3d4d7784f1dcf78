import * as chrono from 'chrono-node';
import { addDays } from '../../lib/zoned.ts';
import { fold } from './text.ts';

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

export type DateFound =
  | { date: string; start: number; end: number; how: 'explicit' | 'weekday' }
  | { problem: 'future'; date: string; start: number; end: number };

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

const TWO_DAYS_AGO = /(?<![\p{L}])(anteayer|antes de ayer|anteontem|antes de ontem|the day before yesterday|day before yesterday)(?![\p{L}])/u;
const DAY_OF_MONTH = /(?<![\p{L}\d])(?:on the|the|el dia|el|dia|no dia|on)\s+(\d{1,2})(?:st|nd|rd|th|º|°)?(?![\p{L}\d/:.-])/u;
const NEXT = /(?<![\p{L}])(next|proximo|proxima|que viene|siguiente|seguinte)(?![\p{L}])/u;
const LAST = /(?<![\p{L}])(last|pasado|pasada|passado|passada|anterior)(?![\p{L}])/u;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Finds the day the text talks about, in the person's own calendar. */
export function findDate(text: string, ctx: DateContext): DateFound | undefined {
  const folded = fold(text);
  const two = TWO_DAYS_AGO.exec(folded);
  if (two) return { date: addDays(ctx.today, -2), start: two.index, end: two.index + two[0].length, how: 'explicit' };

  const [ty, tm] = ctx.today.split('-').map(Number) as [number, number];
  const dom = DAY_OF_MONTH.exec(folded);
  if (dom && Number(dom[1]) >= 1 && Number(dom[1]) <= 31) {
    const day = Number(dom[1]);
    let date = `${ty}-${pad(tm)}-${pad(day)}`;
    if (date > ctx.today) date = new Date(Date.UTC(ty, tm - 2, day)).toISOString().slice(0, 10);
    return { date, start: dom.index, end: dom.index + dom[0].length, how: 'explicit' };
  }

  // chrono reads the wall clock: give it the person's local "now" as if it were UTC, and read the fields back.
  const [y, m, d] = ctx.today.split('-').map(Number) as [number, number, number];
  const reference = { instant: new Date(Date.UTC(y, m - 1, d, ctx.hour, ctx.minute)), timezone: 0 };
  const first = ctx.language === 'en' && ctx.dayFirst ? 'enGB' : ctx.language;
  const order: (Language | 'enGB')[] = [first, ...(['es', 'pt', ctx.dayFirst ? 'enGB' : 'en'] as const).filter((l) => l !== first)];
  for (const lang of order) {
    const results = PARSERS[lang].parse(text, reference);
    const r = results.find((x) => x.start.isCertain('day') || x.start.isCertain('weekday') || x.start.isCertain('month'));
    if (!r) continue;
    let date = `${r.start.get('year')}-${pad(r.start.get('month') ?? 1)}-${pad(r.start.get('day') ?? 1)}`;
    // "05/11" without a year means the last one that has passed, not next year's.
    if (r.start.isCertain('day') && !r.start.isCertain('year') && date > ctx.today) {
      date = `${(r.start.get('year') ?? ty) - 1}${date.slice(4)}`;
    }
    const before = folded.slice(Math.max(0, r.index - 12), r.index);
    const around = `${before} ${folded.slice(r.index, r.index + r.text.length + 12)}`;
    const span = { start: r.index, end: r.index + r.text.length };
    // "last friday"/"viernes pasado": remove the marker word too.
    const lastWord = LAST.exec(folded.slice(r.index + r.text.length, r.index + r.text.length + 12));
    if (lastWord && /^\s*$/.test(folded.slice(r.index + r.text.length, r.index + r.text.length + lastWord.index))) {
      span.end = r.index + r.text.length + lastWord.index + lastWord[0].length;
    }
    const bareWeekday = !r.start.isCertain('day') && r.start.isCertain('weekday');
    if (bareWeekday) {
      if (NEXT.test(around)) return { problem: 'future', date, ...span };
      // A bare weekday never lands in the future, and "last"/"pasado" means before today.
      if (date > ctx.today || (LAST.test(around) && date >= ctx.today)) date = addDays(date, -7);
      return { date, ...span, how: 'weekday' };
    }
    if (date > ctx.today) return { problem: 'future', date, ...span };
    return { date, ...span, how: 'explicit' };
  }
  return undefined;
}
