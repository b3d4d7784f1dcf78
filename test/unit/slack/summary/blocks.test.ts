import { describe, expect, it } from 'vitest';
import type { Summary } from '../../../../src/domain/time-entries/model.ts';
import { textsIn } from '../../../../src/i18n/texts.ts';
import { todayMessage, weekMessage } from '../../../../src/slack/summary/blocks.ts';

const tz = 'America/Argentina/Buenos_Aires';
const span = { start: new Date('2026-11-17T12:00:00Z'), stop: new Date('2026-11-17T14:30:00Z') };

describe('summary messages', () => {
  it('today and week cards stay under the block limit with a busy week', () => {
    const entries = Array.from({ length: 40 }, (_, i) => ({ start: new Date(span.start.getTime() + i * 600_000), stop: undefined, hours: 0.1, taskId: i, title: `Task ${i}`, project: 'P', client: 'C' }));
    const summary: Summary = {
      days: Array.from({ length: 7 }, (_, i) => ({ date: `2026-11-${16 + i}`, target: 8, targetNote: undefined, logged: 4, entries })),
      tasks: entries.map((e) => ({ taskId: e.taskId, title: e.title, project: 'P', client: 'C', hours: 1 })),
      logged: 28,
      target: 40,
    };
    const t = textsIn('en');
    for (const m of [todayMessage(t, summary, tz), weekMessage(t, summary)]) {
      expect(m.blocks.length).toBeLessThanOrEqual(50);
      for (const b of m.blocks) if (b.type === 'section') expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
    }
  });
});
