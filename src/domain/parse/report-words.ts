import { addDays, weekdayOf } from '../../lib/zoned.ts';
import { blank, fold, plainWords, squash } from './text.ts';
import { isDayFirst, languageOf } from './when.ts';
import { countOf, MONTH, MONTHS, NUMBER_WORD } from './words.ts';

/**
 * A report question in plain words, in English, Spanish or Portuguese: who ("my", a Slack mention, a user group,
 * "the design team", "del equipo"), what (a project or client by name, "on Acme", "en Banco Andino"), when ("last
 * month", "semana passada", "from 1/11 to 15/11") and how to group ("by person", "por tarea"). Pure: no I/O, the
 * person's local date is passed in; no chrono (its readers are slow and read single days, not periods).
 */

export type ReportWho =
  | { kind: 'me' }
  /** Slack mentions <@U123> (or <@U123|name>) */
  | { kind: 'people'; slackUserIds: string[] }
  /** a team by name ("the design team", "time de design", "@design"), or a Slack user group: its id */
  | { kind: 'group'; words: string }
  | { kind: 'everyone' };
/** A project or client by name, resolved later (fuzzy, as tasks are). */
/** `channelId`: the words are a channel's mention (`<#C123|name>`), which may be a COR project's channel. */
type ReportScope = { kind: 'all' } | { kind: 'named'; words: string; channelId?: string };
/** Inclusive local dates, never after today: this week and this month end today. */
export interface ReportPeriod {
  from: string;
  to: string;
  unit: 'day' | 'week' | 'month' | 'range';
}
export type ReportGroupBy = 'project' | 'person' | 'task' | 'day';
export interface ReportQuery {
  who: ReportWho;
  scope: ReportScope;
  period: ReportPeriod;
  groupBy: ReportGroupBy | undefined;
}
export type ReportProblem = 'empty' | 'no_period_words' | 'unclear_period' | 'future' | 'too_long_range' | 'too_wordy';
export type ReportReading = { ok: true; query: ReportQuery } | { ok: false; problem: ReportProblem; words?: string };

export interface ReportContext {
  /** the person's local date, YYYY-MM-DD */
  today: string;
  /** Slack locale, e.g. en-US (month first in 11/15), es-LA */
  locale?: string | undefined;
}

/** Longest question read; more is refused, never read (the readers stay fast on bounded text). */
const MAX_CHARS = 300;
/** The longest period a report covers, in days (a year, a leap one too): words and the form alike. */
export const MAX_DAYS = 366;

/** Where words were taken: never white space, so that what stood on either side does not join. */
const GAP = '\u0000';
const B = '(?<![\\p{L}\\d])';
const E = '(?![\\p{L}\\d])';

const pad = (n: number) => String(n).padStart(2, '0');
const monthStart = (y: number, m: number) => `${y}-${pad(m)}-01`;
const monthEnd = (y: number, m: number) => addDays(m === 12 ? monthStart(y + 1, 1) : monthStart(y, m + 1), -1);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
const partsOf = (date: string) => date.split('-').map(Number) as [number, number, number];

/** YYYY-MM-DD, or undefined when there is no such day (31/11). */
function realDate(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1000 || y > 9999 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

// --- periods ------------------------------------------------------------------------------------------------

type Found = { period: ReportPeriod } | { problem: 'unclear_period' | 'future'; words?: string };

interface Reading {
  today: string;
  dayFirst: boolean;
  /** the words that said it, as typed */
  words: string;
}

const ORDINAL = '(?:st|nd|rd|th|º|°)?';
/** 15/11, 15/11/2026, 2026-11-15, 15 de noviembre, 15th of November 2026, Nov 15, 2026 */
const DATE = `(?:\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?|\\d{1,2}${ORDINAL}(?:\\s+(?:de|of))?\\s+${MONTH}\\.?(?:,?\\s+(?:de\\s+)?\\d{4})?|${MONTH}\\.?\\s+\\d{1,2}${ORDINAL}(?:,?\\s+\\d{4})?)`;
const FROM = '(?:from|between|del|de|desde|entre|do|dos|da|das)';
const TO = '(?:-|–|—|to|until|till|through|thru|al|a|ao|hasta|ate|y|e|and)';
const THE_DAY = '(?:(?:el dia|el|the|o dia|o|dia)\\s+)?';

/** A date as typed, with the year it lacks taken from `year` or else the last one that has begun. */
function readDate(words: string, r: Reading, year?: number): { date: string; yearSaid: boolean } | undefined {
  const [ty] = partsOf(r.today);
  let d: number;
  let m: number;
  let y: number | undefined;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(words);
  const slash = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?$/.exec(words);
  const dm = new RegExp(`^(\\d{1,2})${ORDINAL}(?:\\s+(?:de|of))?\\s+(${MONTH})\\.?(?:,?\\s+(?:de\\s+)?(\\d{4}))?$`, 'u').exec(words);
  const md = new RegExp(`^(${MONTH})\\.?\\s+(\\d{1,2})${ORDINAL}(?:,?\\s+(\\d{4}))?$`, 'u').exec(words);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (slash) {
    const [a, b] = [Number(slash[1]), Number(slash[2])];
    [d, m] = r.dayFirst ? [a, b] : [b, a];
    y = slash[3] === undefined ? undefined : slash[3].length === 2 ? 2000 + Number(slash[3]) : Number(slash[3]);
  } else if (dm) [d, m, y] = [Number(dm[1]), MONTHS[dm[2] ?? ''] ?? 0, dm[3] ? Number(dm[3]) : undefined];
  else if (md) [m, d, y] = [MONTHS[md[1] ?? ''] ?? 0, Number(md[2]), md[3] ? Number(md[3]) : undefined];
  else return undefined;
  const yearSaid = y !== undefined;
  y ??= year ?? (`${ty}-${pad(m)}-${pad(d)}` > r.today ? ty - 1 : ty);
  const date = realDate(y, m, d);
  return date ? { date, yearSaid } : undefined;
}

function range(first: string, second: string, r: Reading): Found {
  const end = readDate(second, r);
  if (!end) return { problem: 'unclear_period', words: r.words };
  // "del 1 al 15 de noviembre": the first day takes the month and year of the last
  const [ey, em] = partsOf(end.date);
  const start = /^\d{1,2}(?:st|nd|rd|th|º|°)?$/.test(first)
    ? { date: realDate(ey, em, Number(/^\d+/.exec(first)?.[0])), yearSaid: end.yearSaid }
    : readDate(first, r, end.yearSaid ? ey : undefined);
  if (!start?.date) return { problem: 'unclear_period', words: r.words };
  let to = end.date;
  // "from 15/12 to 5/1": the end is after the start, in the next year when no year was said
  if (to < start.date && !end.yearSaid) {
    const [y, m, d] = partsOf(to);
    to = realDate(y + 1, m, d) ?? to;
  }
  if (to < start.date) return { problem: 'unclear_period', words: r.words };
  return { period: { from: start.date, to, unit: 'range' } };
}

function lastDays(count: number, unit: string, r: Reading): Found {
  if (!Number.isInteger(count) || count < 1) return { problem: 'unclear_period', words: r.words };
  if (/^(?:month|mes)/.test(unit)) {
    const [y, m, d] = partsOf(r.today);
    const from = addDays(new Date(Date.UTC(y, m - 1 - count, d)).toISOString().slice(0, 10), 1);
    return { period: { from, to: r.today, unit: 'range' } };
  }
  const days = count * (/^(?:week|semana)/.test(unit) ? 7 : 1);
  return { period: { from: addDays(r.today, 1 - Math.min(days, 10_000)), to: r.today, unit: 'range' } };
}

const thisWeek = (today: string): ReportPeriod => ({ from: addDays(today, 1 - weekdayOf(today)), to: today, unit: 'week' });
function lastWeek(today: string): ReportPeriod {
  const monday = addDays(today, 1 - weekdayOf(today));
  return { from: addDays(monday, -7), to: addDays(monday, -1), unit: 'week' };
}
function monthOf(y: number, m: number): ReportPeriod {
  return { from: monthStart(y, m), to: monthEnd(y, m), unit: 'month' };
}
const day = (date: string): Found => ({ period: { from: date, to: date, unit: 'day' } });

interface PeriodRule {
  re: RegExp;
  read: (m: RegExpExecArray, r: Reading) => Found | undefined;
}

const rule = (source: string, read: PeriodRule['read']): PeriodRule => ({ re: new RegExp(`${B}(?:${source})${E}`, 'gu'), read });
const N = `(\\d{1,4}|${NUMBER_WORD})`;

/** In order: a rule's words are taken before the next rule looks ("last week" before "week"). */
const PERIODS: PeriodRule[] = [
  // Nov 1-15, noviembre 1 al 15
  rule(`(${MONTH})\\.?\\s+(\\d{1,2})${ORDINAL}\\s*(?:-|–|to|through|until|al|a|ate)\\s*(\\d{1,2})${ORDINAL}(?:,?\\s+(\\d{4}))?`, (m, r) =>
    range(`${m[2]}`, `${m[1]} ${m[3]}${m[4] ? ` ${m[4]}` : ''}`, r),
  ),
  // from 1/11 to 15/11, del 1/11 al 15/11, de 1/11 a 15/11, del 1 al 15 de noviembre, 1/11-15/11
  rule(`(${FROM}\\s+)?${THE_DAY}(${DATE}|\\d{1,2}${ORDINAL})\\s*(${TO})\\s*${THE_DAY}(${DATE})`, (m, r) => {
    // "1/11 y 15/11" are two days; "entre el 1/11 y el 15/11" a range
    if (!m[1] && /^(?:y|e|and)$/.test(m[3] ?? '')) return undefined;
    if (!m[1] && /^\d{1,2}(?:st|nd|rd|th|º|°)?$/.test(m[2] ?? '') && /^[a-z]/.test(m[3] ?? '')) return undefined;
    return range(m[2] ?? '', m[4] ?? '', r);
  }),
  // since 1/11, desde el 1 de noviembre, a partir de 1/11
  rule(`(?:since|desde|a partir del?|starting)\\s+${THE_DAY}(${DATE})`, (m, r) => {
    const start = readDate(m[1] ?? '', r);
    return start ? { period: { from: start.date, to: r.today, unit: 'range' } } : { problem: 'unclear_period', words: r.words };
  }),
  // a day: 15/11, 15 de noviembre, Nov 15
  rule(DATE, (m, r) => {
    const d = readDate(m[0], r);
    return d ? day(d.date) : { problem: 'unclear_period', words: r.words };
  }),
  // last 7 days, últimos 7 días, os últimos 30 dias, past 2 weeks, last 3 months
  rule(`(?:last|past|previous|ultimos|ultimas)\\s+${N}\\s+(days?|dias|weeks?|semanas|months?|meses)`, (m, r) => lastDays(countOf(m[1] ?? ''), m[2] ?? '', r)),
  rule(`(?:the )?past (week|month)`, (m, r) => lastDays(m[1] === 'week' ? 7 : 30, 'days', r)),
  // words that name no one period: asked, never guessed
  rule(
    `recently|lately|the other day|el otro dia|(?:o )?outro dia|ultimamente|recientemente|recentemente|weekend|fin de semana|fim de semana|finde|week before last|semana antepasada|semana retrasada|mes antepasado|mes retrasado|quarter|trimestre|(?:hace|ha|faz) (?:un|una|unos|unas|um|uma|uns|umas|algunos|algunas|alguns|algumas|\\d{1,3}|${NUMBER_WORD}) (?:dias?|semanas?|mes|meses|anos?)|(?:a|an|a few|few|some|\\d{1,3}|${NUMBER_WORD}) (?:days?|weeks?|months?|years?) ago`,
    (_m, r) => ({ problem: 'unclear_period', words: r.words }),
  ),
  // this morning is today, not tomorrow ("mañana")
  rule(`this (?:morning|afternoon|evening)|esta (?:manana|tarde|noche)|(?:esta|nesta|hoje de|hoje a) (?:manha|tarde|noite)`, (_m, r) => day(r.today)),
  rule(
    `tomorrow|pasado manana|manana|amanha|depois de amanha|next (?:week|month|year)|(?:la |a )?(?:proxima|siguiente) semana|semana que (?:viene|vem)|(?:el |o )?(?:proximo|siguiente) (?:mes|ano)|(?:mes|ano) que (?:viene|vem)`,
    (_m, r) => ({ problem: 'future', words: r.words }),
  ),
  rule(`last week|previous week|(?:la )?semana pasada|(?:la |a )?semana anterior|(?:a )?semana passada|(?:la |a )?ultima semana`, (_m, r) => ({ period: lastWeek(r.today) })),
  rule(`this week|current week|(?:esta|nesta|essa|nessa) semana|semana (?:actual|atual)|week|semana`, (_m, r) => ({ period: thisWeek(r.today) })),
  // November, in Oct, noviembre de 2025: the last one that has begun unless a year is said
  rule(`(${MONTH})\\.?(?:\\s+(?:de\\s+|of\\s+)?(\\d{4}))?`, (m, r) => {
    const month = MONTHS[m[1] ?? ''] ?? 0;
    const [ty, tm] = partsOf(r.today);
    return { period: monthOf(m[2] ? Number(m[2]) : month > tm ? ty - 1 : ty, month) };
  }),
  rule(`this year|year to date|ytd|(?:este|neste|esse|nesse) ano|(?:en )?lo que va del? ano|no que vai do ano|desde o inicio do ano|desde (?:el )?inicio del? ano`, (_m, r) => {
    const [y] = partsOf(r.today);
    return { period: { from: `${y}-01-01`, to: r.today, unit: 'range' } };
  }),
  rule(`last year|previous year|(?:el )?ano pasado|(?:o )?ano passado`, (_m, r) => {
    const [y] = partsOf(r.today);
    return { period: { from: `${y - 1}-01-01`, to: `${y - 1}-12-31`, unit: 'range' } };
  }),
  // in 2025, en 2026
  rule(`(?:in|en|em|during|durante|del|de|do)\\s+(\\d{4})`, (m, r) => {
    const y = Number(m[1]);
    return y < 1000 ? { problem: 'unclear_period', words: r.words } : { period: { from: `${y}-01-01`, to: `${y}-12-31`, unit: 'range' } };
  }),
  rule(`last month|previous month|(?:el )?mes (?:pasado|anterior)|(?:o )?mes (?:passado|anterior)|(?:el |o )?ultimo mes`, (_m, r) => {
    const [y, mo] = partsOf(r.today);
    return { period: mo === 1 ? monthOf(y - 1, 12) : monthOf(y, mo - 1) };
  }),
  rule(`this month|current month|(?:este|neste|esse|nesse) mes|mes (?:actual|atual)|month|mes`, (_m, r) => {
    const [y, mo] = partsOf(r.today);
    return { period: monthOf(y, mo) };
  }),
  rule(`today|hoy|hoje|(?:my|mi|meu) (?:day|dia)`, (_m, r) => day(r.today)),
  rule(`day before yesterday|anteayer|antier|ante ayer|antes de ayer|anteontem|ante-ontem|antes de ontem`, (_m, r) => day(addDays(r.today, -2))),
  rule(`yesterday|ayer|ontem`, (_m, r) => day(addDays(r.today, -1))),
];

/** "may", "mar": months only after a word that says so ("in May", "en mar") or before a year: else common words. */
const WORDY_MONTH = /^(?:may|mar)$/;
const MONTH_SAID = /(?:^|[\s\0])(?:in|of|for|during|en|em|de|del|do|durante|since|desde|from|to|until|al|a|ate|hasta)\s+$/;

/** Words before a period that belong to it: "in", "na", "durante el". */
const PERIOD_LEAD = new Set(['in', 'on', 'for', 'during', 'over', 'of', 'from', 'the', 'en', 'el', 'la', 'durante', 'de', 'del', 'na', 'no', 'nos', 'nas', 'em', 'do', 'da', 'a', 'o']);

/** Where the words that lead into a period start: up to two of them, right before it. */
function leadStart(work: string, start: number): number {
  let at = start;
  for (let i = 0; i < 2; i++) {
    const lo = Math.max(0, at - 24);
    const before = /(?:^|[\s\0])([^\s\0]+)(\s+)$/u.exec(work.slice(lo, at));
    if (!before) break;
    const wordAt = at - (before[2] ?? '').length - (before[1] ?? '').length;
    // a word cut by the slice is longer than any of these
    if (!PERIOD_LEAD.has(before[1] ?? '') || (wordAt === lo && lo > 0 && !/[\s\0]/.test(work[lo - 1] ?? ''))) break;
    at = wordAt;
  }
  return at;
}

// --- who, group by, scope ------------------------------------------------------------------------------------

/** Words of a question that say nothing about who, what or when (folded). */
const FILLER = new Set(
  (
    'how much many what where which who did do does done go went goes we i you it is are was were be been have has had ' +
    'show see get give tell can could may might would me my mine our us your all whole entire every total totals so far please pls hours hour hrs h time ' +
    'spent spend put into worked work working logged log report reports chart graph summary breakdown the a an of in on for ' +
    'to at and with about this that there up' +
    ' cuantas cuantos cuanto cuanta que cual donde horas hora tiempo llevamos llevo llevas hemos he han ha trabajado trabajamos ' +
    'trabaje registrado registramos registre dedicado dedicamos puesto metido muestrame mostrame muestra mostrar ver dame ' +
    'quiero todos todas todo toda mis mi mio nuestras nuestros nuestro nuestra el la los las lo un una de del en y por favor informe reporte ' +
    'resumen grafico se fue fueron al con sobre yo nosotros es son fue hay' +
    ' quantas quantos quanto quanta qual onde tempo temos tenho trabalhamos trabalhei trabalhado gastamos gastei gasto ' +
    'registramos registrei lancamos lancei mostre mostra ver quero tudo minhas meus meu minha nossas nossos nosso nossa o a os as ' +
    'do da dos das no na em e relatorio foi foram eu nos pelo pela com sobre tem'
  ).split(' '),
);
/** Words that say the asker means themself. */
const ME = new Set(['my', 'mine', 'me', 'i', 'mis', 'mi', 'mio', 'yo', 'minhas', 'meus', 'meu', 'minha', 'eu']);
/** Words after "on"/"en"/"no" before a name that only say what it is ("for client Acme", "no projeto X"). */
const SCOPE_NOUN = new Set(['client', 'clients', 'customer', 'project', 'projects', 'cliente', 'clientes', 'proyecto', 'proyectos', 'projeto', 'projetos', 'projecto', 'account', 'cuenta', 'conta']);
const ARTICLE = new Set(['the', 'el', 'la', 'los', 'las', 'o', 'a', 'os', 'as']);
/** "on Acme", "en Banco Andino", "no projeto X", "for client Y"; "del/do/da/of" only before "cliente"/"project" */
const MARKER = new Set(['on', 'for', 'en', 'para', 'pra', 'no', 'na', 'em', 'de', 'in', 'into', 'about', 'sobre']);
const NOUN_MARKER = new Set(['del', 'do', 'da', 'of', 'at']);

const GROUP_BY = new RegExp(
  `${B}(?:grouped by|group by|broken down by|split by|agrupad[oa]s? por|by|per|por|pela|pelo|each)[\\s-]+(?:(?:the|each|cada)\\s+)?` +
    `(person|people|persons|user|users|member|members|teammates?|persona|personas|usuarios?|miembros?|pessoas?|membros?|projects?|proyectos?|projetos?|tasks?|tareas?|tarefas?|days?|dias?|dates?|fechas?)${E}`,
  'gu',
);

function groupByOf(word: string): ReportGroupBy {
  if (/^(?:proj|proy)/.test(word)) return 'project';
  if (/^(?:task|tare)/.test(word)) return 'task';
  if (/^(?:day|dia|date|fecha)/.test(word)) return 'day';
  return 'person';
}

interface Token {
  word: string;
  start: number;
  end: number;
  /** a gap (words taken) between this one and the one before */
  apart: boolean;
}

function tokensOf(work: string): Token[] {
  const out: Token[] = [];
  let last = 0;
  for (const m of work.matchAll(/[^\s\0]+/gu)) {
    out.push({ word: m[0], start: m.index, end: m.index + m[0].length, apart: work.slice(last, m.index).includes(GAP) || out.length === 0 });
    last = m.index + m[0].length;
  }
  return out;
}

const TEAM_EN = /^teams?$/;
const TEAM_ES_PT = /^(?:equipo|equipe)$/;
/** "time" is Portuguese for team only where it cannot be English: "do time", "o time", "time de design" */
const TIME_PT_BEFORE = new Set(['do', 'o', 'nosso', 'meu', 'no', 'pelo', 'ao', 'seu', 'todo', 'pro']);
const TEAM_NAME_LINK = new Set(['de', 'del', 'da', 'do']);

/** `name`: where the team's name is, when it has one */
type TeamFound = { cut: [number, number]; name: [number, number] | undefined };

/** "the design team", "equipo de diseño", "time de design"; with no name ("team hours", "del equipo", "do time"), everyone. */
function teamIn(tokens: Token[]): TeamFound | undefined {
  const named = (t: Token | undefined) => t !== undefined && !FILLER.has(t.word) && !SCOPE_NOUN.has(t.word) && /\p{L}/u.test(t.word);
  const span = (name: Token[]): [number, number] | undefined => (name.length > 0 ? [(name[0] as Token).start, (name[name.length - 1] as Token).end] : undefined);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (TEAM_EN.test(t.word)) {
      const name: Token[] = [];
      for (let j = i; j > 0 && name.length < 3 && !(tokens[j] as Token).apart && named(tokens[j - 1]); j--) name.unshift(tokens[j - 1] as Token);
      return { cut: [name[0]?.start ?? t.start, t.end], name: span(name) };
    }
    const prev = tokens[i - 1];
    const linked = TEAM_NAME_LINK.has(tokens[i + 1]?.word ?? '') && !tokens[i + 1]?.apart && named(tokens[i + 2]) && !tokens[i + 2]?.apart;
    const pt = t.word === 'time' && ((prev !== undefined && !t.apart && TIME_PT_BEFORE.has(prev.word)) || linked);
    if (TEAM_ES_PT.test(t.word) || pt) {
      let j = linked ? i + 2 : i + 1;
      const name: Token[] = [];
      while (name.length < 3 && named(tokens[j]) && !tokens[j]?.apart) name.push(tokens[j++] as Token);
      return { cut: [t.start, name[name.length - 1]?.end ?? t.end], name: span(name) };
    }
  }
  return undefined;
}

// --- the reader ----------------------------------------------------------------------------------------------

/**
 * Reads a report question. With no period words the period is this week (Monday to today): the answer shows the
 * period it used. Who is the asker unless the words say otherwise. Words it cannot place are asked about: a name
 * alone ("Acme") is `no_period_words` (the question shows how to ask, "Acme this week"), words beside a name
 * already read are `too_wordy`.
 */
export function readReportWords(text: string, ctx: ReportContext): ReportReading {
  return readWords(text, ctx, { said: false });
}

/**
 * Whether the words say a period or a grouping ("my week", "last month on Acme", "por persona"), even one that
 * cannot be read ("recently"): what tells a report question from other words written to the bot.
 */
export function saysPeriod(text: string, ctx: ReportContext): boolean {
  const seen = { said: false };
  readWords(text, ctx, seen);
  return seen.said;
}

/** Whether the words say the asker means their own hours ("my week", "mis horas", "minhas horas"). */
export function saysMine(text: string): boolean {
  return fold(text)
    .split(/[^\p{L}]+/u)
    .some((w) => ME.has(w));
}

function readWords(text: string, ctx: ReportContext, seen: { said: boolean }): ReportReading {
  const plain = squash(plainWords(text.slice(0, MAX_CHARS * 4)).replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/İ/g, 'I'));
  if (!/[\p{L}\p{N}]/u.test(plain)) return { ok: false, problem: 'empty' };
  if (plain.length > MAX_CHARS) return { ok: false, problem: 'too_wordy' };
  let work = fold(plain);
  // fold keeps one character for one; if some letter did not, positions are read in the folded text itself
  const original = work.length === plain.length ? plain : work;
  const take = (start: number, end: number) =>
    squash(original.slice(start, end).replace(/\0/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'))
      .replace(/^[\s¿¡"'“”«»(,;:.!?]+|[\s"'“”«»),;:.!?]+$/gu, '');
  const cut = (start: number, end: number) => {
    work = blank(work, start, end, GAP);
  };

  // 1. Slack's own words: mentions, user groups, @here, a channel.
  const people: string[] = [];
  let slackGroup: string | undefined;
  let everyone = false;
  let channel: string | undefined;
  let channelId: string | undefined;
  for (const m of plain.matchAll(/<(@[UW][A-Z0-9]+|!subteam\^[A-Z0-9]+|!here|!channel|!everyone|#C[A-Z0-9]+)(?:\|([^<>]*))?>/g)) {
    const id = m[1] ?? '';
    if (id.startsWith('@')) {
      if (!people.includes(id.slice(1))) people.push(id.slice(1));
    } else if (id.startsWith('!subteam^')) slackGroup ??= id.slice('!subteam^'.length);
    else if (id.startsWith('#') && channel === undefined) {
      channel = squash(m[2] ?? '') || id.slice(1);
      channelId = id.slice(1);
    }
    else everyone = true;
    cut(m.index, m.index + m[0].length);
  }
  // punctuation around words is no word ("¿cuántas … este mes?"); "/" and "-" are in dates
  work = work.replace(/[¿?¡!,;:()"“”«»]|\.(?=\s|$|\0)/gu, ' ');

  // 2. Group by: before the periods ("por día" is no day).
  let groupBy: ReportGroupBy | undefined;
  for (const m of work.matchAll(GROUP_BY)) {
    groupBy ??= groupByOf(m[1] ?? '');
    seen.said = true;
    cut(m.index, m.index + m[0].length);
  }

  // 3. The period.
  const language = languageOf(ctx.locale, plain);
  const found: Found[] = [];
  const periodWords: string[] = [];
  for (const { re, read } of PERIODS) {
    for (const m of work.matchAll(re)) {
      if (WORDY_MONTH.test(m[0]) && !MONTH_SAID.test(work.slice(Math.max(0, m.index - 12), m.index))) continue;
      const got = read(m, { today: ctx.today, dayFirst: isDayFirst(ctx.locale, language), words: take(m.index, m.index + m[0].length) });
      if (!got) continue;
      found.push(got);
      seen.said = true;
      periodWords.push(take(m.index, m.index + m[0].length));
      cut(leadStart(work, m.index), m.index + m[0].length);
    }
  }
  const problem = found.find((f): f is Extract<Found, { problem: string }> => 'problem' in f);
  if (problem) return { ok: false, problem: problem.problem, ...(problem.words ? { words: problem.words } : {}) };
  const periods = found.flatMap((f) => ('period' in f ? [f.period] : []));
  const distinct = new Set(periods.map((p) => `${p.from} ${p.to}`));
  if (distinct.size > 1) return { ok: false, problem: 'unclear_period', words: periodWords.join(', ') };
  // No period said: this week, Monday to today.
  const said = periods[0];
  let period = said ?? thisWeek(ctx.today);
  if (period.from > ctx.today) return { ok: false, problem: 'future', words: periodWords[0] ?? '' };
  if (period.to > ctx.today) period = { ...period, to: ctx.today };
  if (daysBetween(period.from, period.to) + 1 > MAX_DAYS) return { ok: false, problem: 'too_long_range', words: periodWords[0] ?? '' };

  // 4. Who: a user group typed as @design, a team by name, everyone; else the asker.
  let group: string | undefined = slackGroup;
  for (const m of work.matchAll(/(?<![\p{L}\d@])@([\p{L}\d][\p{L}\d._-]{0,40})/gu)) {
    group ??= take(m.index + 1, m.index + m[0].length);
    cut(m.index, m.index + m[0].length);
  }
  const team = teamIn(tokensOf(work));
  if (team) {
    if (team.name) group ??= take(...team.name);
    else everyone = true;
    cut(...team.cut);
  }
  const EVERYONE = new RegExp(`${B}(?:everyone|everybody|all of us|todo el mundo|toda la gente|todo mundo|toda a equipe|(?:todos|todas)(?!\\s+(?:los|las|os|as|mis|mi|meus|minhas|nuestros|nuestras)${E}))${E}`, 'gu');
  for (const m of work.matchAll(EVERYONE)) {
    everyone = true;
    cut(m.index, m.index + m[0].length);
  }
  const tokens = tokensOf(work);
  const me = tokens.some((t) => ME.has(t.word));
  const who: ReportWho = people.length > 0 ? { kind: 'people', slackUserIds: people } : group !== undefined ? { kind: 'group', words: group } : everyone ? { kind: 'everyone' } : { kind: 'me' };

  // 5. What: the words after on/en/no…; a name with no such word only beside other words that were read.
  const chunks: Token[][] = [];
  for (const t of tokens) {
    if (t.apart || chunks.length === 0) chunks.push([]);
    (chunks[chunks.length - 1] as Token[]).push(t);
  }
  const named: string[] = channel ? [channel] : [];
  const loose: string[] = [];
  const trim = (ts: Token[]) => {
    let [a, b] = [0, ts.length];
    while (a < b && (FILLER.has((ts[a] as Token).word) || SCOPE_NOUN.has((ts[a] as Token).word))) a++;
    while (b > a && (FILLER.has((ts[b - 1] as Token).word) || SCOPE_NOUN.has((ts[b - 1] as Token).word))) b--;
    return ts.slice(a, b);
  };
  for (const chunk of chunks) {
    const at = chunk.findIndex((t, i) => MARKER.has(t.word) || (NOUN_MARKER.has(t.word) && nounAfter(chunk, i + 1)));
    const before = trim(at < 0 ? chunk : chunk.slice(0, at));
    if (before.length > 0) loose.push(take((before[0] as Token).start, (before[before.length - 1] as Token).end));
    if (at < 0) continue;
    // "on Acme for Globex" names two; "en Banco de Chile" one (a "de" inside a name is part of it)
    let from = at + 1;
    for (let i = from; i <= chunk.length; i++) {
      if (i < chunk.length && !(MARKER.has((chunk[i] as Token).word) && (chunk[i] as Token).word !== 'de')) continue;
      const name = trim(chunk.slice(from, i));
      if (name.length > 0) named.push(take((name[0] as Token).start, (name[name.length - 1] as Token).end));
      from = i + 1;
    }
  }
  const read = said !== undefined || groupBy !== undefined || who.kind !== 'me' || me;
  if (named.length + loose.length > 1) return { ok: false, problem: 'too_wordy', words: [...named, ...loose].join(', ') };
  let scope: ReportScope = { kind: 'all' };
  const words = named[0] ?? loose[0];
  if (words !== undefined) {
    if (named.length === 0 && !read) return { ok: false, problem: 'no_period_words', words };
    scope = { kind: 'named', words, ...(channelId !== undefined && words === named[0] && channel !== undefined ? { channelId } : {}) };
  }
  return { ok: true, query: { who, scope, period, groupBy } };
}

/** Whether the words from `i` say "client"/"project" (maybe after an article): "del cliente", "of the project". */
function nounAfter(chunk: Token[], i: number): boolean {
  const next = chunk[i]?.word ?? '';
  return SCOPE_NOUN.has(next) || (ARTICLE.has(next) && SCOPE_NOUN.has(chunk[i + 1]?.word ?? ''));
}
