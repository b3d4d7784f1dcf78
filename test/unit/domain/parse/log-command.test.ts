import { describe, expect, it } from 'vitest';
import { type LogParseResult, parseLogCommand } from '../../../../src/domain/parse/log-command.ts';
import { expectEntry, sceneNow } from '../../../helpers/parse-expect.ts';
import { type Expect, heldOut, type Scene, scenes } from '../../../fixtures/log-phrases.ts';

function check(result: LogParseResult, expected: Expect, tz: string): void {
  if ('error' in expected) {
    expect(result.ok ? 'parsed' : result.error.code).toBe(expected.error);
    return;
  }
  if (!result.ok) throw new Error(`expected a parse, got ${JSON.stringify(result.error)}`);
  expectEntry(result.value, expected, tz);
}

function table(list: Scene[]): void {
  for (const scene of list) {
    describe(scene.name, () => {
      const now = sceneNow(scene);
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
