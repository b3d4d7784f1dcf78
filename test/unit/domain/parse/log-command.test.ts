import { describe, expect, it } from 'vitest';
import { type LogParseResult, parseLogCommand } from '../../../../src/domain/parse/log-command.ts';
import { localParts, zonedTimeToInstant } from '../../../../src/lib/zoned.ts';
import { type Expect, scenes } from '../../../fixtures/log-phrases.ts';

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

describe('/cor log phrase table', () => {
  const total = scenes.reduce((n, s) => n + s.rows.length, 0);
  it(`has at least 150 phrasings (${total})`, () => {
    expect(total).toBeGreaterThanOrEqual(150);
  });

  for (const scene of scenes) {
    describe(scene.name, () => {
      const [date, time] = scene.now.split(' ') as [string, string];
      const [h, m] = time.split(':').map(Number) as [number, number];
      const now = zonedTimeToInstant(date, h, m, scene.tz);
      it.each(scene.rows)('%s', (text, expected, locale) => {
        check(parseLogCommand(text, { now, tz: scene.tz, locale: locale ?? scene.locale }), expected, scene.tz);
      });
    });
  }
});
