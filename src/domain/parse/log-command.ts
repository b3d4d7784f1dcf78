import { addDays, localParts, zonedTimeToInstant } from '../../lib/zoned.ts';
import { findBareNumber, findDuration } from './duration.ts';
import { type ClockTime, findRange } from './range.ts';
import { blank, blankAll, fold, MAX_ENTRY_CHARS, plainWords, squash } from './text.ts';
import { findDate, isDayFirst, type Language, languageOf, misspeltDay } from './when.ts';

/**
 * The `/cor log` one-line grammar: a duration or a time range, a day, a task, and a note — in any order,
 * in English, Spanish or Portuguese, read in the person's own time zone. Pure: no I/O, the clock is passed in.
 */

export interface LogContext {
  now: Date;
  /** IANA zone, e.g. America/Argentina/Buenos_Aires */
  tz: string;
  /** Slack locale, e.g. es-LA, en-US */
  locale: string | undefined;
  /**
   * The day when the words name none, local YYYY-MM-DD (today when absent): in a line of several entries a day
   * said once is every part's day, and a range's instants depend on it.
   */
  defaultDate?: string;
  /** how that day was said ('explicit' when absent): a bare weekday stays one, to be confirmed */
  defaultDateSource?: 'explicit' | 'weekday';
}

type TaskRef = { kind: 'id'; id: number } | { kind: 'query'; text: string };

type Span =
  | { kind: 'duration'; minutes: number }
  /** start and stop resolved to instants (a range that ends at or before its start runs past midnight) */
  | { kind: 'range'; start: Date; stop: Date; from: ClockTime; to: ClockTime | 'now' };

/** What a reading is not sure of, for the person to confirm before anything is written. */
type Doubt = 'date' | 'span';

/** Longer than this is more than a working day: asked first ("since 9am yesterday" at 08:00 is 23h). */
export const WORKDAY_MINUTES = 10 * 60;

export interface ParsedLog {
  /** the person's local date the entry is for, YYYY-MM-DD */
  date: string;
  /** how the date was found: typed, inferred from a bare weekday, or today by default */
  dateSource: 'explicit' | 'weekday' | 'default';
  span: Span;
  task: TaskRef | undefined;
  note: string | undefined;
  language: Language;
  /** the parser always says (empty when sure); a ParsedLog built from a form's picked values has none */
  doubts?: Doubt[];
}

export type LogParseError =
  | { code: 'empty' }
  | { code: 'no_duration' }
  | { code: 'ambiguous_number'; value: string }
  | { code: 'zero' }
  | { code: 'negative' }
  | { code: 'too_long'; minutes: number }
  | { code: 'future'; date: string }
  /** a day that is not on the calendar: 31 November, the 30th in March (February had none) */
  | { code: 'no_such_date'; words: string }
  /** words that name no one day: "last week", "the other day", "hace unos días" */
  | { code: 'unclear_date'; words: string }
  | { code: 'range_in_future' }
  | { code: 'since_in_future' }
  /** a line of more entries than are logged at once (see log-line.ts) */
  | { code: 'too_many'; count: number }
  /** two durations or ranges where one entry was read ("1h o 2h", "2h QA 30m"): which is meant, or are they two? */
  | { code: 'two_spans'; words: string }
  /** a range that ends before it starts and would run most of a day and night ("4pm-2pm") */
  | { code: 'reversed_range'; words: string }
  /** more words than one entry has (a long note goes after --) */
  | { code: 'too_wordy' }
  /** a time of day beside a duration ("2h QA at 10am"): a start, to be written as a range */
  | { code: 'start_time'; words: string };

export type LogParseResult = { ok: true; value: ParsedLog } | { ok: false; error: LogParseError };

const MAX_MINUTES = 24 * 60;
const TASK_WORDS = /(?<![\p{L}])(on|for|to|en|em|para|no|na|sobre|in)(?![\p{L}])/u;
const FILLER = new Set(['the', 'on', 'for', 'to', 'in', 'at', 'el', 'la', 'los', 'las', 'de', 'del', 'en', 'em', 'o', 'a', 'as', 'das', 'dos', 'da', 'do', 'no', 'na', 'para', 'y', 'e', 'and', 'from', 'last', 'pasado', 'pasada', 'passado', 'passada', 'log', '-', '–', ',', '.']);

/** Slack escapes &, < and > and wraps links as <url|label>. */
function unescapeSlack(text: string): string {
  return text
    .replace(/<(https?:\/\/[^>|]+)(?:\|[^>]*)?>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const TASK_URL = /https?:\/\/\S*?(?:\/tasks?\/|[?&]task(?:_id)?=)(\d+)\S*/iu;
const TASK_ID = /(?<![\p{L}\d&])#(\d{1,12})(?!\d)/u;
/** the plain words for a day, which never belong in a task's name */
const DAY_WORD = /(?<![\p{L}])(?:yesterday|today|ayer|hoy|anteayer|antier|ontem|hoje|anteontem)(?![\p{L}])/u;
/** a time of day: 10am, 3 p.m., at 10, a las 10, às 14h, desde las 9 */
const CLOCK_TIME = /(?<![\p{L}\d#:.,])(?:(?:at|a las|a la|às|from|desde|desde las|de las|hasta|hasta las|till|until|até|até as|até às|started|starting|start|empezando|empecé|empece|comecei|começando|comecando)\s+\d{1,2}(?:[:.h][0-5]\d)?(?:\s*(?:am|pm|a\.m\.|p\.m\.|h|hs))?(?!\s+(?!(?:on|en|em|for|para|pra|no|na|in|to|de|del|da|do|y|e|and|ayer|hoy|ontem|hoje|yesterday|today)(?![\p{L}]))\p{L})|\d{1,2}(?:[:.][0-5]\d)?\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}:[0-5]\d\s+(?:start|started|inicio|início))(?![\p{L}\d])/iu;
/** "task 48224", "la tarea 48207", "tarefa nº 48224": a task number said with the word */
const TASK_WORD_ID = /(?<![\p{L}])(?:task|tarea|tarefa)\s*(?:n[º°o.]\s*|#\s*)?(\d{4,12})(?!\d)/iu;
/** " — " or " – " between words, an emoji or a :shortcode: after words: what follows is a note, when it holds no time */
const NOTE_MARK = /(?<=[\p{L}\p{N}#)\]])\s+(?:(?<!\d\s)[—–](?!\s?\d)|\p{Emoji_Presentation}|:[a-z][a-z0-9_+-]+:(?=\s|$))/u;

/** The COR task a text names by link or `#id`, if any (message shortcuts, `/cor task`). */
export function taskIdIn(text: string): number | undefined {
  const clean = unescapeSlack(text);
  const found = TASK_URL.exec(clean) ?? TASK_ID.exec(clean);
  return found ? Number(found[1]) : undefined;
}

function stripFiller(text: string): string {
  const words = squash(text).split(' ');
  while (words.length > 0 && FILLER.has(fold(words[0] ?? ''))) words.shift();
  while (words.length > 0 && FILLER.has(fold(words[words.length - 1] ?? ''))) words.pop();
  // "on Standup, yesterday": the comma belonged to the sentence, not to the task
  return words.join(' ').replace(/^[,;:]+|[,;:]+$/g, '');
}

/**
 * Where a task id, a link or a quoted note was: not white space, so that what stood on either side of it never
 * joins into one duration ("1h #48211 5 min" is two times, not 1h05).
 */
const HOLE = '\u{E000}';

/** Whether the words hold something besides their duration or range (a task's words, an id). */
function wordsBesideTime(text: string): boolean {
  const range = findRange(text);
  const rest = range ? blankAll(text, range.cuts) : text;
  const d = findDuration(rest);
  return /[\p{L}\p{N}#]/u.test(d ? blank(rest, d.start, d.end) : rest);
}

/** Whether the words hold a duration or a time range. */
function holdsTime(text: string): boolean {
  return Boolean(findDuration(text) ?? findRange(text));
}

/**
 * Whether a log would take anything from these words: a duration, a time range, a number it would ask about, or a
 * task by id, read as `parseLogCommand` reads them. Words that hold none of these log nothing.
 */
export function logWouldRead(input: string): boolean {
  const text = plainWords(unescapeSlack(input)).replace(/[\u0000-\u001f\u007f]/g, ' ');
  return holdsTime(text) || holdsTime(input) || findBareNumber(text) !== undefined || taskIdIn(input) !== undefined || TASK_WORD_ID.test(text);
}

export function parseLogCommand(input: string, ctx: LogContext): LogParseResult {
  let text = plainWords(unescapeSlack(input)).replace(/[\u0000-\u001f\u007f]/g, ' ');
  if (!text.trim()) return { ok: false, error: { code: 'empty' } };
  const local = localParts(ctx.now, ctx.tz);
  const language = languageOf(ctx.locale, text);

  // 1. The note: after " -- " or in quotes.
  const notes: string[] = [];
  const dashes = /(?:^|\s)--\s*(.*)$/su.exec(text);
  if (dashes) {
    notes.push(dashes[1] ?? '');
    text = text.slice(0, dashes.index);
  }
  text = text.replace(/["“”«»]([^"“”«»]*)["“”«»]/gu, (_all, quoted: string) => {
    notes.push(quoted);
    return HOLE.repeat(_all.length);
  });
  // a note only after a task's words and before two words or more: "Website – Homepage", "Launch 🚀 campaign" and
  // "2h 🐛 bug bash" are task names
  const mark = NOTE_MARK.exec(text);
  const after = mark ? text.slice(mark.index + mark[0].length) : '';
  if (mark && after.trim().split(/\s+/).length >= 2 && !holdsTime(after) && holdsTime(text.slice(0, mark.index)) && wordsBesideTime(text.slice(0, mark.index))) {
    notes.unshift(text.slice(mark.index).replace(/^\s*[—–]\s*/u, ''));
    text = text.slice(0, mark.index);
  }
  // The readers are given bounded text: a long note goes after -- (it is never read for times).
  if (squash(text).length > MAX_ENTRY_CHARS) return { ok: false, error: { code: 'too_wordy' } };

  // 2. The task by id or link.
  let task: TaskRef | undefined;
  const url = TASK_URL.exec(text);
  if (url) {
    task = { kind: 'id', id: Number(url[1]) };
    text = blank(text, url.index, url.index + url[0].length, HOLE);
  } else {
    const id = TASK_ID.exec(text) ?? TASK_WORD_ID.exec(text);
    if (id) {
      task = { kind: 'id', id: Number(id[1]) };
      text = blank(text, id.index, id.index + id[0].length, HOLE);
    }
  }

  const doubts = new Set<Doubt>();

  // 3. A time range, then a duration. Next to a duration, a range with no clock mark and no "from" word is
  // part of the task's name ("2h on Fase 1-2", "1h Sprint 3-4 planning").
  let range = findRange(text);
  const duration = findDuration(range ? blankAll(text, range.cuts) : text);
  // …unless no word comes right before it ("9-11 QA 2h", "2h 9-11 QA"): then it is that entry's times when its hours
  // are the duration's, else asked.
  if (range?.kind === 'range' && range.loose && duration && !('problem' in duration)) {
    const rangeMinutes = (range.stop.hour * 60 + range.stop.minute - range.start.hour * 60 - range.start.minute + 24 * 60) % (24 * 60);
    const before = blank(text, duration.start, duration.end).slice(0, range.cuts[0]?.[0] ?? 0).replaceAll(HOLE, ' ');
    const word = /[\p{L}\p{N}]\S*\s*$/u.test(before) ? (before.trim().split(/\s+/).pop() ?? '') : undefined;
    // after "on"/"en"/"em" it may start the task's name ("2h on 3-4 week plan"): a time only when the hours agree
    const marker = word !== undefined && TASK_WORDS.test(fold(word));
    if ((word !== undefined && !marker) || (marker && rangeMinutes !== duration.minutes)) range = undefined;
    else if (rangeMinutes !== duration.minutes) return { ok: false, error: { code: 'two_spans', words: squash(input) } };
  }
  if (range) text = blankAll(text, range.cuts);
  // A second duration or range is another entry, or an alternative ("1h o 2h"): never a task's name or a note.
  if (duration && 'problem' in duration) return { ok: false, error: { code: 'negative' } };
  const other = duration ? blank(text, duration.start, duration.end) : text;
  const second = findDuration(other) ?? findRange(other);
  if (second && (range || duration) && !('kind' in second && second.kind === 'range' && second.loose)) {
    return { ok: false, error: { code: 'two_spans', words: squash(input) } };
  }
  let minutes: number | undefined;
  let given: number | undefined;
  let inHours = false;
  if (duration) {
    if ('problem' in duration) return { ok: false, error: { code: 'negative' } };
    inHours = /(?:h|hs|hrs|hours?|horas?)$/.test(fold(text.slice(duration.start, duration.end)));
    // "9:30" alone as nine and a half hours is more likely a time of day: asked
    if (/^\d{1,2}:\d\d$/.test(text.slice(duration.start, duration.end)) && duration.minutes >= 7 * 60) doubts.add('span');
    text = blank(text, duration.start, duration.end);
    given = duration.minutes;
    if (!range) minutes = duration.minutes;
  }

  // 4. The day.
  let date = ctx.defaultDate ?? local.date;
  let dateSource: ParsedLog['dateSource'] = ctx.defaultDate === undefined ? 'default' : (ctx.defaultDateSource ?? 'explicit');
  const day = findDate(text, { today: local.date, hour: local.hour, minute: local.minute, language, dayFirst: isDayFirst(ctx.locale, language) });
  if (day) {
    if ('problem' in day) return { ok: false, error: day.problem === 'future' ? { code: 'future', date: day.date } : { code: day.problem, words: day.words } };
    // a part of the day alone ("por la mañana") names no day: the default one stands
    if (day.how !== 'default') {
      date = day.date;
      dateSource = day.how;
    }
    text = blankAll(text, day.cuts);
    if (day.doubt) doubts.add('date');
    // "ayer 2h QA, hoy": a second day for one entry is asked, never read into the task
    if (DAY_WORD.test(fold(text))) return { ok: false, error: { code: 'unclear_date', words: squash(input) } };
  }
  // "2h QA at 10am", "2h a las 10": a time of day left beside a duration is when it started; asked, never a task's name
  const clock = CLOCK_TIME.exec(text);
  if (clock && (duration || range)) return { ok: false, error: { code: 'start_time', words: squash(text.slice(clock.index, clock.index + clock[0].length)) } };

  // "2h 15 tickets": a number left right after the hours may be minutes or a count: asked.
  if (duration && inHours && /^\s+(?:\d{1,2}|(?:y|e|and)\s+[1-5][05])(?![\d:.,/])/.test(text.slice(duration.end))) doubts.add('span');

  // 5. Without a unit, a number is ambiguous: ask.
  if (!range && minutes === undefined) {
    const bare = findBareNumber(text);
    if (bare) return { ok: false, error: { code: 'ambiguous_number', value: bare.value } };
    return { ok: false, error: { code: 'no_duration' } };
  }

  // 6. What is left: words after on/for/en/em/para… name the task; anything else is the note.
  const rest = squash(text.replaceAll(HOLE, ' '));
  if (rest) {
    const folded = fold(rest);
    const marker = TASK_WORDS.exec(folded);
    if (!task && marker) {
      const query = stripFiller(rest.slice(marker.index + marker[0].length));
      const before = stripFiller(rest.slice(0, marker.index));
      if (query) task = { kind: 'query', text: query };
      if (before) notes.unshift(before);
    } else if (!task) {
      const query = stripFiller(rest);
      if (query) task = { kind: 'query', text: query };
    } else {
      const leftover = stripFiller(rest);
      if (leftover) notes.unshift(leftover);
    }
  }
  const note = squash(notes.join(' ')) || undefined;
  // "2h ayr QA", "ontme 3h": a day word misspelt is asked about, never read as part of the task (and today).
  const typo = dateSource === 'default' ? misspeltDay(rest) : undefined;
  if (typo) return { ok: false, error: { code: 'unclear_date', words: typo } };

  let span: Span;
  if (range) {
    const start = zonedTimeToInstant(date, range.start.hour, range.start.minute, ctx.tz);
    if (range.kind === 'since') {
      if (start.getTime() >= ctx.now.getTime()) return { ok: false, error: { code: 'since_in_future' } };
      span = { kind: 'range', start, stop: ctx.now, from: range.start, to: 'now' };
    } else {
      const overnight = range.stop.hour * 60 + range.stop.minute <= range.start.hour * 60 + range.start.minute;
      const across = (range.stop.hour * 60 + range.stop.minute + 24 * 60 - range.start.hour * 60 - range.start.minute) % (24 * 60);
      if (overnight && across > WORKDAY_MINUTES) return { ok: false, error: { code: 'reversed_range', words: squash(input) } };
      const stop = zonedTimeToInstant(overnight ? addDays(date, 1) : date, range.stop.hour % 24, range.stop.minute, ctx.tz);
      const stopAt = range.stop.hour === 24 ? zonedTimeToInstant(addDays(date, 1), 0, range.stop.minute, ctx.tz) : stop;
      if (stopAt.getTime() > ctx.now.getTime()) return { ok: false, error: { code: 'range_in_future' } };
      span = { kind: 'range', start, stop: stopAt, from: range.start, to: range.stop };
    }
    minutes = Math.round((span.stop.getTime() - span.start.getTime()) / 60_000);
  } else {
    span = { kind: 'duration', minutes: minutes as number };
  }
  if (minutes === undefined || minutes <= 0) return { ok: false, error: { code: 'zero' } };
  if (minutes > MAX_MINUTES) return { ok: false, error: { code: 'too_long', minutes } };
  if (minutes > WORKDAY_MINUTES) doubts.add('span');
  // "1-3" with no mark at all: one at night, or one in the afternoon?
  if (range?.kind === 'range' && !range.marked && range.start.hour < 7) doubts.add('span');
  // "1h 9:00-11:00": the times and the duration disagree.
  if (range && given !== undefined && given !== minutes) doubts.add('span');
  return { ok: true, value: { date, dateSource, span, task, note, language, doubts: (['date', 'span'] as const).filter((d) => doubts.has(d)) } };
}
