import { expect } from 'vitest';
import type { ParsedLog } from '../../src/domain/parse/log-command.ts';
import { localParts, zonedTimeToInstant } from '../../src/lib/zoned.ts';

/** What one read entry must be (the phrase tables' rows): local date, duration or local range, task, note, doubts. */
export interface EntryShape {
  date: string;
  min?: number | undefined;
  range?: string | undefined;
  task?: string | number | undefined;
  note?: string | undefined;
  src?: 'explicit' | 'weekday' | 'default' | undefined;
  ask?: ('date' | 'span')[] | undefined;
}

function hm(instant: Date, tz: string): string {
  const p = localParts(instant, tz);
  return `${p.hour}:${String(p.minute).padStart(2, '0')}`;
}

/** A scene's "YYYY-MM-DD HH:MM" local clock, as an instant. */
export function sceneNow(scene: { now: string; tz: string }): Date {
  const [date, time] = scene.now.split(' ') as [string, string];
  const [h, m] = time.split(':').map(Number) as [number, number];
  return zonedTimeToInstant(date, h, m, scene.tz);
}

export function expectEntry(v: ParsedLog, expected: EntryShape, tz: string): void {
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
