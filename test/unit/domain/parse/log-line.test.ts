import { describe, expect, it } from 'vitest';
import { type ParsedLog, parseLogCommand } from '../../../../src/domain/parse/log-command.ts';
import { type LineParse, MAX_ENTRIES, parseLogLine } from '../../../../src/domain/parse/log-line.ts';
import { zonedTimeToInstant } from '../../../../src/lib/zoned.ts';
import { expectEntry, sceneNow } from '../../../helpers/parse-expect.ts';
import { type EntryExpect, type LineExpect, lineScenes } from '../../../fixtures/log-lines.ts';
import { heldOut, scenes } from '../../../fixtures/log-phrases.ts';


function checkEntry(v: ParsedLog, expected: EntryExpect, tz: string): void {
  expectEntry(v, expected, tz);
}

function check(result: LineParse, expected: LineExpect, tz: string): void {
  if ('error' in expected) {
    expect(result.ok ? 'parsed' : result.error.code).toBe(expected.error);
    if (!result.ok) expect(result.part).toBe(expected.part);
    return;
  }
  if (!result.ok) throw new Error(`expected entries, got ${JSON.stringify(result)}`);
  expect(result.entries).toHaveLength(expected.length);
  expected.forEach((e, i) => checkEntry(result.entries[i] as ParsedLog, e, tz));
}

describe('a whole day in one /cor log line', () => {
  for (const language of ['en', 'es', 'pt'] as const) {
    const rows = lineScenes.filter((s) => s.language === language).flatMap((s) => s.rows);
    it(`has at least 15 lines in ${language} (${rows.length})`, () => {
      expect(rows.length).toBeGreaterThanOrEqual(15);
    });
  }

  for (const scene of lineScenes) {
    describe(scene.name, () => {
      const now = sceneNow(scene);
      it.each(scene.rows)('%s', (text, expected, locale) => {
        check(parseLogLine(text, { now, tz: scene.tz, locale: locale ?? scene.locale }), expected, scene.tz);
      });
    });
  }

  it(`says how many parts there were past ${MAX_ENTRIES}`, () => {
    const text = Array.from({ length: MAX_ENTRIES + 2 }, (_, i) => `1h Task ${i + 1}`).join('; ');
    expect(parseLogLine(text, { now: new Date('2026-11-18T21:30:00Z'), tz: 'America/New_York', locale: 'en-US' })).toEqual({ ok: false, error: { code: 'too_many', count: MAX_ENTRIES + 2 } });
  });
});

describe('the day said elsewhere in the line (defaultDate)', () => {
  const tz = 'America/Argentina/Buenos_Aires';
  const ctx = { now: zonedTimeToInstant('2026-11-18', 18, 30, tz), tz, locale: 'en-US' };
  const onDay = { ...ctx, defaultDate: '2026-11-17' };

  it('is the day of a part that names none, and its ranges are read on it', () => {
    const r = parseLogCommand('19-20 on QA', onDay);
    expect(r.ok && r.value.date).toBe('2026-11-17');
    expect(r.ok && r.value.dateSource).toBe('explicit');
    expect(r.ok && r.value.span.kind === 'range' && r.value.span.start.toISOString()).toBe('2026-11-17T22:00:00.000Z');
    // today the same range is still to come
    expect(parseLogCommand('19-20 on QA', ctx)).toEqual({ ok: false, error: { code: 'range_in_future' } });
  });

  it('keeps how it was said, and gives way to a day the part names', () => {
    const weekday = parseLogCommand('2h on QA', { ...ctx, defaultDate: '2026-11-13', defaultDateSource: 'weekday' });
    expect(weekday.ok && [weekday.value.date, weekday.value.dateSource]).toEqual(['2026-11-13', 'weekday']);
    const own = parseLogCommand('2h on QA monday', onDay);
    expect(own.ok && [own.value.date, own.value.dateSource]).toEqual(['2026-11-16', 'weekday']);
    const morning = parseLogCommand('2h in the morning on QA', onDay);
    expect(morning.ok && [morning.value.date, morning.value.dateSource]).toEqual(['2026-11-17', 'explicit']);
  });
});

describe('one entry reads as /cor log always did', () => {
  // Every row of the phrase table is one entry: the line parser gives exactly what parseLogCommand gives.
  for (const scene of [...scenes, ...heldOut]) {
    describe(scene.name, () => {
      const now = sceneNow(scene);
      it.each(scene.rows)('%s', (text, _expected, locale) => {
        const ctx = { now, tz: scene.tz, locale: locale ?? scene.locale };
        const one = parseLogCommand(text, ctx);
        expect(parseLogLine(text, ctx)).toEqual(one.ok ? { ok: true, entries: [one.value] } : { ok: false, error: one.error });
      });
    });
  }
});
