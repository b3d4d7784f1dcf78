/** Parse time per line of the /cor log grammar over the phrase table (every scene, its own zone and clock). */
import { parseLogCommand } from '../src/domain/parse/log-command.ts';
import { zonedTimeToInstant } from '../src/lib/zoned.ts';
import { scenes } from '../test/fixtures/log-phrases.ts';
import { percentile } from './stats.ts';

export interface ParseResult {
  name: string;
  lines: number;
  samples: number;
  p50us: number;
  p99us: number;
}

export function parseBench(iterations: number): ParseResult {
  const cases = scenes.flatMap((scene) => {
    const [date, time] = scene.now.split(' ') as [string, string];
    const [h, m] = time.split(':').map(Number) as [number, number];
    const now = zonedTimeToInstant(date, h, m, scene.tz);
    return scene.rows.map(([text, , locale]) => ({ text, ctx: { now, tz: scene.tz, locale: locale ?? scene.locale } }));
  });
  for (const c of cases) parseLogCommand(c.text, c.ctx); // warm-up (JIT, chrono's patterns)
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    for (const c of cases) {
      const started = process.hrtime.bigint();
      parseLogCommand(c.text, c.ctx);
      samples.push(Number(process.hrtime.bigint() - started) / 1_000);
    }
  }
  return { name: '/cor log parse, per line', lines: cases.length, samples: samples.length, p50us: percentile(samples, 50), p99us: percentile(samples, 99) };
}
