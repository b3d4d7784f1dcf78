import { findDuration } from './duration.ts';
import { type LogContext, type LogParseError, type ParsedLog, parseLogCommand } from './log-command.ts';
import { findRange } from './range.ts';
import { blank, blankAll, fold, squash } from './text.ts';

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

/** `;`, a new line, a comma, and the words and/y/e/& (Slack sends "&" as "&amp;") */
const SEPARATOR = /[;\n\r]|,|(?<![\p{L}\p{N}])(?:and|y|e|&amp;|&)(?![\p{L}\p{N}])/giu;
/** quoted notes, Slack links and mentions: never cut inside (masked with "_", which is a word, not a space) */
const OPAQUE = /["“”«»][^"“”«»]*["“”«»]|<[^>]*>|https?:\/\/\S+/gu;
/** a note after " -- " runs to the end of its part: only `;` or a new line ends it */
const NOTE = /(?:^|\s)--/u;
const WORD = /[\p{L}\p{N}#_]/u;
/** a small number then words or a task id: an entry whose unit is missing ("3 #48212", "2 QA") */
const FORGOTTEN_UNIT = /^\s*\d{1,2}(?:[.,]\d{1,2})?\s+[\p{L}#]/u;

/** Whether `rest` begins with a duration ("2h", "media hora") or a time range ("9-11", "14h às 15h", "since 2pm"). */
function startsWithSpan(rest: string): boolean {
  const lead = rest.length - rest.trimStart().length;
  if (findDuration(rest)?.start === lead) return true;
  let range = findRange(rest);
  // findRange prefers a marked range further on ("9-11 QA, 11:30-13") to a loose one: look before it too.
  const at = range?.cuts[0]?.[0];
  if (at !== undefined && at > lead) range = findRange(rest.slice(0, at));
  return range?.cuts[0]?.[0] === lead;
}

/** Whether a piece has its own duration or range, and words besides it ("2h QA" has both, "2 horas" no words). */
function readPiece(piece: string): { span: boolean; words: boolean } {
  const range = findRange(piece);
  const text = range ? blankAll(piece, range.cuts) : piece;
  const duration = findDuration(text);
  return { span: Boolean(range ?? duration), words: WORD.test(duration ? blank(text, duration.start, duration.end) : text) };
}

/**
 * Cuts the line where what follows a separator starts with a duration or a range and the piece before has its
 * own: "2h QA, 1h docs". After and/y/e/& the piece before must also have other words, since those words join
 * a duration's own halves: "2 horas y 15 minutos", "hora y cuarto", "an hour and a half".
 */
function splitLine(text: string): string[] {
  const scan = text.replace(OPAQUE, (m) => '_'.repeat(m.length));
  const parts: string[] = [];
  let from = 0;
  for (const m of scan.matchAll(SEPARATOR)) {
    const sep = m[0];
    const at = m.index;
    // "1,5h": a decimal comma
    if (sep === ',' && /\d/.test(scan[at - 1] ?? '') && /\d/.test(scan[at + 1] ?? '')) continue;
    const hard = sep === ';' || sep === '\n' || sep === '\r';
    const word = !hard && sep !== ','; // and/y/e/&
    const piece = scan.slice(from, at);
    if (!hard && NOTE.test(piece)) continue;
    const rest = scan.slice(at + sep.length);
    // ", 3 #48212": an entry whose unit was forgotten is cut off and asked about, never read into the task before it.
    if (!startsWithSpan(rest) && (word || !FORGOTTEN_UNIT.test(rest))) continue;
    const { span, words } = readPiece(piece);
    if (!span || (word && !words)) continue;
    parts.push(text.slice(from, at));
    from = at + sep.length;
  }
  parts.push(text.slice(from));
  return parts;
}

/** The same task said twice is one task: "#48211" twice, or "QA" and "qa". */
function taskKey(task: Task): string {
  return task.kind === 'id' ? `#${task.id}` : fold(squash(task.text));
}

export function parseLogLine(text: string, ctx: LogContext): LineParse {
  const parts = splitLine(text);
  if (parts.length === 1) {
    const one = parseLogCommand(text, ctx);
    return one.ok ? { ok: true, entries: [one.value] } : { ok: false, error: one.error };
  }
  if (parts.length > MAX_ENTRIES) return { ok: false, error: { code: 'too_many', count: parts.length } };

  let read = parts.map((part) => parseLogCommand(part, ctx));
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

  // Several days named: a part that names none is today, but that is a guess, so it is asked.
  const unsure = (e: ParsedLog): ParsedLog => ({ ...e, doubts: (['date', 'span'] as const).filter((d) => d === 'date' || e.doubts?.includes(d)) });
  // One task named (once or more): it is every part's task. Several: a part without one stays without.
  const tasks = new Map(entries.flatMap((e) => (e.task ? [[taskKey(e.task), e.task] as const] : [])));
  const [task] = tasks.values();
  return {
    ok: true,
    entries: entries.map((e) => {
      const dated = days.size > 1 && e.dateSource === 'default' ? unsure(e) : e;
      return !dated.task && task && tasks.size === 1 ? { ...dated, task } : dated;
    }),
  };
}
