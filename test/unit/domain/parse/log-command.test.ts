import { describe, expect, it } from 'vitest';
import { type LogParseResult, parseLogCommand } from '../../../../src/domain/parse/log-command.ts';
import { localParts, zonedTimeToInstant } from '../../../../src/lib/zoned.ts';
import { type Expect, heldOut, type Scene, scenes } from '../../../fixtures/log-phrases.ts';

function hm(instant: Date, tz: string): string {
  const p = localParts(instant, tz);
  return `${p.hour}:${String(p.minute).padStart(2, '0')}`;
}

function check(result: LogParseResult, expected: Expect, tz: string): void {
  if ('error' in expected) {
    expect(result.ok ? 'parsed' : result.error.code).toBe(expected.error);
    return;
  }
  if (!result.ok) throw new Error(`expected a parse, got ${JSON.stringify(result.error)}`);
  const v = result.value;
  expect(v.date).toBe(expected.date);
  if (expected.src) expect(v.dateSource).toBe(expected.src);
  if (expected.range) {
    expect(v.span.kind).toBe('range');
    if (v.span.kind === 'range') {
      expect(`${hm(v.span.start, tz)}-${hm(v.span.stop, tz)}`).toBe(expected.range);
      if (expected.min !== undefined) expect((v.span.stop.getTime() - v.span.start.getTime()) / 60_000).toBe(expected.min);
    }
  } else {
    expect(v.span).toEqual({ kind: 'duration', minutes: expected.min });
  }
  if (typeof expected.task === 'number') expect(v.task).toEqual({ kind: 'id', id: expected.task });
  else if (typeof expected.task === 'string') expect(v.task).toEqual({ kind: 'query', text: expected.task });
  else expect(v.task).toBeUndefined();
  expect(v.note).toBe(expected.note);
  expect(v.doubts).toEqual(expected.ask ?? []);
}

function table(list: Scene[]): void {
  for (const scene of list) {
    describe(scene.name, () => {
      const [date, time] = scene.now.split(' ') as [string, string];
      const [h, m] = time.split(':').map(Number) as [number, number];
      const now = zonedTimeToInstant(date, h, m, scene.tz);
      it.each(scene.rows)('%s', (text, expected, locale) => {
        check(parseLogCommand(text, { now, tz: scene.tz, locale: locale ?? scene.locale }), expected, scene.tz);
      });
    });
  }
}

describe('/cor log phrase table', () => {
  const total = scenes.reduce((n, s) => n + s.rows.length, 0);
  it(`has at least 150 phrasings (${total})`, () => {
    expect(total).toBeGreaterThanOrEqual(150);
  });
  table(scenes);
});

describe('/cor log held-out phrasings', () => {
  // Every row holds what the parser does; a row that expects a refusal or a question is safe but not exact.
  const rows = heldOut.flatMap((s) => s.rows);
  const exact = rows.filter(([, e]) => !('error' in e) && !e.ask?.length).length;
  it(`reads at least 99% of ${rows.length} exactly (${exact})`, () => {
    expect(rows.length).toBeGreaterThanOrEqual(100);
    expect(exact / rows.length).toBeGreaterThanOrEqual(0.99);
  });
  table(heldOut);
});
