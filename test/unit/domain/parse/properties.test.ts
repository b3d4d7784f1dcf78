import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ParsedLog } from '../../../../src/domain/parse/log-command.ts';
import { MAX_ENTRIES, parseLogLine } from '../../../../src/domain/parse/log-line.ts';
import { localParts, zonedTimeToInstant } from '../../../../src/lib/zoned.ts';

/**
 * The invariant of reading people's words: every duration or range a person writes becomes an entry or a
 * question, never a note. Generated lines of 1–10 entries, each of a time, maybe a task and maybe a day in any
 * order, joined by the separators of the three languages, bullets, new lines and extra white space, must read as
 * exactly the entries written, or be asked about (a refusal that asks, or a doubt): never fewer entries unasked.
 */

const TZ = 'America/Argentina/Buenos_Aires';
const TODAY = '2026-11-18'; // a Wednesday; the clock says 18:30 there
const YESTERDAY = '2026-11-17';
const NOW = zonedTimeToInstant(TODAY, 18, 30, TZ);

type Time = { words: string; minutes: number; range?: [number, number] };
type Entry = { time: Time; task?: { words: string; key: string | number }; day?: { words: string; date: string }; order: number[] };

const duration: fc.Arbitrary<Time> = fc.oneof(
  fc.integer({ min: 1, max: 8 }).map((h) => ({ words: `${h}h`, minutes: h * 60 })),
  fc.tuple(fc.integer({ min: 1, max: 7 }), fc.constantFrom(15, 30, 45)).map(([h, m]) => ({ words: `${h}h${m}`, minutes: h * 60 + m })),
  fc.integer({ min: 1, max: 11 }).map((m) => ({ words: `${m * 5}m`, minutes: m * 5 })),
  fc.integer({ min: 1, max: 11 }).map((m) => ({ words: `${m * 5} min`, minutes: m * 5 })),
  fc.integer({ min: 1, max: 6 }).map((h) => ({ words: `${h},5h`, minutes: h * 60 + 30 })),
  fc.integer({ min: 1, max: 6 }).map((h) => ({ words: `${h}.5h`, minutes: h * 60 + 30 })),
  fc.integer({ min: 2, max: 6 }).map((h) => ({ words: `${h} horas`, minutes: h * 60 })),
  fc.integer({ min: 2, max: 6 }).map((h) => ({ words: `${h} hours`, minutes: h * 60 })),
  fc.constantFrom<Time>(
    { words: 'media hora', minutes: 30 },
    { words: 'meia hora', minutes: 30 },
    { words: 'an hour', minutes: 60 },
    { words: 'half an hour', minutes: 30 },
    { words: '1 hora e meia', minutes: 90 },
    { words: '2 horas y 15 minutos', minutes: 135 },
    { words: 'an hour and a half', minutes: 90 },
    { words: 'hora y cuarto', minutes: 75 },
  ),
);

/** A range in the working day, with its minutes marked so that it is no loose pair of numbers. */
const range: fc.Arbitrary<Time> = fc
  .tuple(fc.integer({ min: 8, max: 15 }), fc.integer({ min: 1, max: 3 }), fc.constantFrom(0, 30))
  .map(([from, hours, minute]) => ({ words: `${from}:${minute === 0 ? '00' : '30'}-${from + hours}:00`, minutes: hours * 60 - minute, range: [from, from + hours] }));

const TITLES = ['QA', 'Homepage', 'Diseño', 'Revisão', 'docs', 'Email triage', 'Soporte', 'Onboarding flow'];
const task = fc.oneof(
  fc.integer({ min: 10_000, max: 99_999 }).map((id) => ({ words: `#${id}`, key: id as string | number })),
  fc.tuple(fc.constantFrom('on ', 'en ', 'em ', 'para ', ''), fc.constantFrom(...TITLES)).map(([marker, title]) => ({ words: `${marker}${title}`, key: title as string | number })),
);
const day = fc.constantFrom(
  { words: 'yesterday', date: YESTERDAY },
  { words: 'ayer', date: YESTERDAY },
  { words: 'ontem', date: YESTERDAY },
  { words: 'today', date: TODAY },
  { words: 'hoy', date: TODAY },
  { words: 'hoje', date: TODAY },
);

const entry: fc.Arbitrary<Entry> = fc.record(
  { time: fc.oneof(duration, range), task, day, order: fc.shuffledSubarray([0, 1, 2], { minLength: 3, maxLength: 3 }) },
  { requiredKeys: ['time', 'order'] },
);

const SEPARATORS = [', ', '; ', '\n', ' and ', ' y ', ' e ', ' + ', ', then ', ' y luego ', ' e depois ', '\n• ', '\n- ', '\n* ', ' &amp; ', '\n\n'];
const space = fc.constantFrom('', ' ', '  ', '\t', '\u00a0', ' \u00a0 ');

/** An entry's words: its parts in the generated order; a task without a marker word goes after the time. */
function wordsOf(e: Entry): string {
  const parts = [e.time.words, e.task?.words, e.day?.words];
  const bareTitle = e.task && typeof e.task.key === 'string' && e.task.words === e.task.key;
  // "QA 2h" reads, but "Soporte hoy 2h" could name a task "Soporte hoy": a bare title goes right after the time
  const order = bareTitle ? [0, 1, 2].filter((i) => i !== 1).flatMap((i) => (i === 0 ? [0, 1] : [i])) : e.order;
  return order
    .map((i) => parts[i])
    .filter((p): p is string => p !== undefined)
    .join(' ');
}

/** "2h y 30 min", "1 hour and 15 minutes" are one duration in any language: such neighbours are joined by a comma. */
function joinable(before: Entry, after: Entry): boolean {
  return /(?:h|hours?|horas?)$/u.test(wordsOf(before)) && /^\d+\s*(?:m|min)(?![\p{L}])/u.test(wordsOf(after));
}

const line = fc
  .tuple(fc.array(entry, { minLength: 1, maxLength: MAX_ENTRIES }), fc.array(fc.constantFrom(...SEPARATORS), { minLength: MAX_ENTRIES, maxLength: MAX_ENTRIES }), fc.array(space, { minLength: MAX_ENTRIES * 2, maxLength: MAX_ENTRIES * 2 }), fc.constantFrom('', '• ', '- ', '1. '))
  .map(([entries, seps, spaces, bullet]) => ({
    entries,
    text: bullet + entries.map((e, i) => `${i > 0 ? `${spaces[i * 2]}${joinable(entries[i - 1] as Entry, e) ? ', ' : seps[i - 1]}${spaces[i * 2 + 1]}` : ''}${wordsOf(e)}`).join(''),
  }));

const taskKey = (e: ParsedLog) => (e.task?.kind === 'id' ? e.task.id : e.task?.text);
const asked = (entries: ParsedLog[]) => entries.some((e) => (e.doubts ?? []).length > 0);

describe('reading a line: every duration or range becomes an entry or a question', () => {
  it('generated lines read as exactly the entries written, or are asked about', () => {
    let runs = 0;
    let questions = 0;
    fc.assert(
      fc.property(line, ({ entries, text }) => {
        runs += 1;
        const read = parseLogLine(text, { now: NOW, tz: TZ, locale: 'es-AR' });
        if (!read.ok) {
          questions += 1;
          // a refusal is a question only when it asks about the words (never "I found no time")
          expect(['two_spans', 'ambiguous_number', 'unclear_date', 'range_in_future', 'reversed_range', 'future']).toContain(read.error.code);
          return;
        }
        expect(read.entries).toHaveLength(entries.length);
        const days = new Set(entries.flatMap((e) => (e.day ? [e.day.date] : [])));
        const tasks = new Set(entries.flatMap((e) => (e.task ? [e.task.key] : [])));
        read.entries.forEach((got, i) => {
          const want = entries[i] as Entry;
          if (want.time.range) {
            expect(got.span.kind).toBe('range');
            if (got.span.kind === 'range') expect(localParts(got.span.start, TZ).hour).toBe(want.time.range[0]);
          } else expect(got.span).toEqual({ kind: 'duration', minutes: want.time.minutes });
          const date = want.day?.date ?? (days.size === 1 ? [...days][0] : TODAY);
          expect(got.date).toBe(date);
          if (!want.day && days.size > 1) expect(got.doubts).toContain('date');
          const key = want.task?.key ?? (tasks.size === 1 ? [...tasks][0] : undefined);
          expect(taskKey(got)).toBe(key);
          expect(got.note).toBeUndefined();
        });
      }),
      { numRuns: 400 },
    );
    // the lines are written plainly enough that asking is the exception, not the way out
    expect(questions / runs).toBeLessThan(0.1);
  });

  it('never leaves a time in a note or a task name unasked, whatever the words around it', () => {
    const filler = fc.constantFrom('QA', 'review', 'y', 'e', 'and', 'then', '+', ',', ';', '\n', '•', '-', '#48211', 'ayer', 'ontem', 'yesterday', 'de', 'la', 'tarde', 'to', 'a', '  ', 'o', 'or');
    // between two times, words that cannot join them into one ("2h 30m", "1h and 30 minutes" are one duration)
    const apart = fc.constantFrom('QA', 'review', ',', ';', '\n', '+', '#48211', 'ayer', 'o', 'or', 'then');
    // durations or ranges, not both: "9:00-11:00 2h" is one entry said twice (and asked when they disagree)
    const pieces = (time: fc.Arbitrary<string>) => fc.array(fc.tuple(time, apart, fc.array(filler, { maxLength: 3 })).map(([t, a, around]) => [...around, a, t]), { minLength: 1, maxLength: 8 });
    const lines = fc.oneof(pieces(duration.map((d) => d.words)), pieces(range.map((r) => r.words)));
    fc.assert(
      fc.property(lines, fc.array(filler, { maxLength: 3 }), (pieces, tail) => {
        const words = [...pieces.flat(), ...tail];
        const text = words.join(' ');
        const times = pieces.length;
        const read = parseLogLine(text, { now: NOW, tz: TZ, locale: 'en-US' });
        if (!read.ok || asked(read.entries)) return;
        // read without a question: as many entries as times written, and no digit of a time left in the words
        expect(read.entries).toHaveLength(times);
        for (const e of read.entries) {
          for (const words of [e.note, e.task?.kind === 'query' ? e.task.text : undefined]) {
            expect(words ?? '').not.toMatch(/\d\s*(?:h|m|min|horas?|hours?)\b|\d:\d\d/u);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
