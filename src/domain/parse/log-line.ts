import { findDuration } from './duration.ts';
import { type LogContext, type LogParseError, type ParsedLog, parseLogCommand } from './log-command.ts';
import { findRange } from './range.ts';
import { blank, blankAll, type Cut, fold, plainWords, squash } from './text.ts';
import { WEEKDAY } from './words.ts';

/**
 * A whole day in one `/cor log` line: "3h homepage, 2h QA sprint 13 y 1h reunión semanal ayer". The line is cut
 * into parts, each read by `parseLogCommand`; a day or a task said once goes to every part that names none.
 * A line of one part reads exactly as `parseLogCommand` reads it.
 */

export const MAX_ENTRIES = 10;

export type LineParse =
  /** 1..MAX_ENTRIES entries, in the order written */
  | { ok: true; entries: ParsedLog[] }
  /** `part`: the words of the part that failed, when the line had several */
  | { ok: false; error: LogParseError; part?: string };

type Task = NonNullable<ParsedLog['task']>;

/**
 * Where one entry may end and the next begin: `;`, a new line, a comma, "+", and the words and/y/e/&/then/luego/
 * después/depois (Slack sends "&" as "&amp;"). Matched in folded text.
 */
const SEPARATOR = /[;\n,+]|(?<![\p{L}\p{N}])(?:and then|y luego|y despues|e depois|e entao|and|y|e|then|luego|despues|depois|entonces|entao|&amp;|&)(?![\p{L}\p{N}])/gu;
/** quoted notes, Slack links and mentions: never cut inside (masked with "_", which is a word, not a space) */
const OPAQUE = /["“”«»][^"“”«»]*["“”«»]|<[^>]*>|https?:\/\/\S+/gu;
/** a note after " -- " runs to the end of its line or `;`: nothing in it is cut */
const NOTE = /(?:^|\s)--[^;\n]*/gu;
/** a small number then words or a task id after a comma: an entry whose unit is missing ("3 #48212", "2 QA") */
const FORGOTTEN_UNIT = /^\s*\d{1,2}(?:[.,]\d{1,2})?\s+[\p{L}#]/u;
/** more durations and ranges than this in one line is more than MAX_ENTRIES entries anyway: no need to find them all */
const MAX_TIMES = MAX_ENTRIES * 2 + 2;

/** Where the durations and ranges of the text are, [start, end), found once; none runs over a new line. */
function timesIn(scan: string): Cut[] {
  const found: Cut[] = [];
  let from = 0;
  for (const row of scan.split('\n')) {
    if (found.length < MAX_TIMES) found.push(...timesInRow(row).map(([s, e]): Cut => [s + from, e + from]));
    from += row.length + 1;
  }
  return found;
}

function timesInRow(scan: string): Cut[] {
  const found: Cut[] = [];
  let rest = scan;
  for (let range = findRange(rest); range && found.length < MAX_TIMES; range = findRange(rest)) {
    found.push(...range.cuts);
    rest = blankAll(rest, range.cuts);
  }
  for (let d = findDuration(rest); d && found.length < MAX_TIMES; d = findDuration(rest)) {
    found.push([d.start, d.end]);
    rest = blank(rest, d.start, d.end);
  }
  return found;
}

/**
 * Cuts the line into entries: at a separator outside every duration and range ("2 horas y 15 minutos", "entre 9
 * y 11" are one), where the words on both sides hold their own duration or range. Words with no time of their
 * own (a day, a task, a note) stay with the entry before them, or the one after when they come first. So parts may
 * start with a task or a day ("#48211 2h, #48212 1h", "ayer 3h QA, hoy 2h docs") and no time is left in a note.
 */
function splitLine(text: string): string[] {
  const scan = fold(text).replace(OPAQUE, (m) => '_'.repeat(m.length)).replace(NOTE, (m) => '_'.repeat(m.length));
  const times = timesIn(scan);
  const inTime = (at: number) => times.some(([s, e]) => at >= s && at < e);
  const pieces: { from: number; to: number; timed: boolean }[] = [];
  let from = 0;
  const close = (to: number, sepIsWord: boolean) => {
    const words = scan.slice(from, to);
    const timed = times.some(([s]) => s >= from && s < to) || (!sepIsWord && pieces.length > 0 && FORGOTTEN_UNIT.test(words));
    if (words.trim()) pieces.push({ from, to, timed });
  };
  let lastWasWord = false;
  for (const m of scan.matchAll(SEPARATOR)) {
    const at = m.index;
    if (inTime(at)) continue;
    // "1,5h": a decimal comma
    if (m[0] === ',' && /\d/.test(scan[at - 1] ?? '') && /\d/.test(scan[at + 1] ?? '')) continue;
    close(at, lastWasWord);
    lastWasWord = /\p{L}|&/u.test(m[0]);
    from = at + m[0].length;
  }
  close(scan.length, lastWasWord);

  // Each entry: pieces from one with a time up to the next one with a time; leading pieces without go with the first.
  const groups: { from: number; to: number; timed: boolean }[] = [];
  for (const piece of pieces) {
    const last = groups[groups.length - 1];
    if (last && !(piece.timed && last.timed)) {
      last.to = piece.to;
      last.timed ||= piece.timed;
    } else groups.push({ ...piece });
  }
  return groups.length > 1 ? groups.map((g) => text.slice(g.from, g.to)) : [text];
}

/** A part that opens with its day: "ayer 2h docs", "on monday 1h QA", "hoje de manhã 2h" */
const DAY_FIRST = new RegExp(`^\\s*(?:(?:on|el|o|na|no)\\s+)?(?:yesterday|today|ayer|hoy|anteayer|antier|ontem|hoje|anteontem|${WEEKDAY})(?![\\p{L}])`, 'u');

/** The same task said twice is one task: "#48211" twice, or "QA" and "qa". */
function taskKey(task: Task): string {
  return task.kind === 'id' ? `#${task.id}` : fold(squash(task.text));
}

export function parseLogLine(input: string, ctx: LogContext): LineParse {
  const text = plainWords(input);
  const parts = splitLine(text);
  if (parts.length === 1) {
    const one = parseLogCommand(text, ctx);
    return one.ok ? { ok: true, entries: [one.value] } : { ok: false, error: one.error };
  }
  if (parts.length > MAX_ENTRIES) return { ok: false, error: { code: 'too_many', count: parts.length } };

  let read = parts.map((part) => parseLogCommand(part, ctx));
  const ownDay = read.map((r) => r.ok && r.value.dateSource !== 'default');
  // A day said once is every part's day. A range, or a part that failed, is read again on it: a range's instants,
  // and whether it is still to come, depend on the day ("7-8pm QA, 1h docs yesterday"). A duration reads the
  // same on any day, so it only takes the day (reading it again would cost a second pass of the date parsers).
  const said = read.flatMap((r) => (r.ok && r.value.dateSource !== 'default' ? [{ date: r.value.date, source: r.value.dateSource }] : []));
  const days = new Set(said.map((s) => s.date));
  const day = said[0];
  if (days.size === 1 && day) {
    const onDay: LogContext = { ...ctx, defaultDate: day.date, defaultDateSource: day.source };
    read = read.map((r, i) => {
      if (r.ok && r.value.dateSource !== 'default') return r;
      if (r.ok && r.value.span.kind === 'duration') return { ok: true, value: { ...r.value, date: day.date, dateSource: day.source } };
      return parseLogCommand(parts[i] ?? '', onDay);
    });
  }

  const entries: ParsedLog[] = [];
  for (const [i, r] of read.entries()) {
    if (!r.ok) return { ok: false, error: r.error, part: squash(parts[i] ?? '') };
    entries.push(r.value);
  }
  // "3h QA, ayer 2h docs": a day that opens a later part is that part's; the parts before it naming none are asked.
  const opensWithDay = parts.findIndex((p, i) => i > 0 && DAY_FIRST.test(fold(p)));
  const before = (i: number) => days.size === 1 && opensWithDay > 0 && i < opensWithDay && !ownDay[i];

  // Several days named: a part that names none is today, but that is a guess, so it is asked.
  const unsure = (e: ParsedLog): ParsedLog => ({ ...e, doubts: (['date', 'span'] as const).filter((d) => d === 'date' || e.doubts?.includes(d)) });
  // One task named (once or more): it is every part's task. Several: a part without one stays without.
  const tasks = new Map(entries.flatMap((e) => (e.task ? [[taskKey(e.task), e.task] as const] : [])));
  const [task] = tasks.values();
  return {
    ok: true,
    entries: entries.map((e, i) => {
      const dated = (days.size > 1 && e.dateSource === 'default') || before(i) ? unsure(e) : e;
      return !dated.task && task && tasks.size === 1 ? { ...dated, task } : dated;
    }),
  };
}
