import { describe, expect, it } from 'vitest';
import type { Summary } from '../../../src/domain/time-entries.ts';
import { formatDate, formatMinutes, progressBar } from '../../../src/slack/views/format.ts';
import { chooseMessage, confirmMessage, failedMessage, loggedMessage, parseErrorMessage } from '../../../src/slack/views/log.ts';
import { todayMessage, weekMessage } from '../../../src/slack/views/summary.ts';

const tz = 'America/Argentina/Buenos_Aires';
const task = { id: 1, title: 'Hero <!channel> *now*', status: 'nueva', priority: 1, deadline: undefined, projectId: 1, project: 'P', client: 'C' };
const span = { start: new Date('2026-11-17T12:00:00Z'), stop: new Date('2026-11-17T14:30:00Z') };
const pending = { u: 'U1', t: 'T:T1', k: 'trigger', s: span.start.toISOString(), e: span.stop.toISOString() };

describe('log views', () => {
  it('formats durations, dates and bars', () => {
    expect([formatMinutes(150), formatMinutes(45), formatMinutes(480)]).toEqual(['2h 30m', '45m', '8h']);
    expect(formatDate('2026-11-17')).toBe('Tue 17 Nov');
    expect(progressBar(4, 8)).toBe('▓▓▓▓░░░░');
    expect(progressBar(12, 8)).toBe('▓▓▓▓▓▓▓▓');
  });

  it('confirmation: what, where, when in local time, the day against target; user text neutralised', () => {
    const m = loggedMessage({ task, ...span, note: 'a <@U2> note' }, tz, { logged: 5.5, target: 8 }, 'https://cor/tasks/1');
    const text = JSON.stringify(m.blocks);
    expect(text).toContain('Tue 17 Nov · 09:00–11:30');
    expect(text).toContain('That day: 5h 30m of 8h');
    expect(text).not.toMatch(/<!channel>|<@U2>/);
    expect(text).toContain('open_in_cor');
  });

  it('questions carry a small button value and stay within Slack limits', () => {
    const confirm = confirmMessage({ task, ...span, date: '2026-11-17', note: undefined, guesses: ['task'] }, tz, { ...pending, task: 1 });
    const choose = chooseMessage(Array.from({ length: 9 }, (_, i) => ({ ...task, id: i + 1 })), span, tz, pending, 'hero');
    for (const m of [confirm, choose]) {
      expect(m.blocks.length).toBeLessThanOrEqual(50);
      const values = JSON.stringify(m.blocks).match(/"value":"((?:[^"\\\\]|\\\\.)*)"/g) ?? [];
      for (const v of values) expect(v.length).toBeLessThan(2000);
    }
    expect(choose.blocks.filter((b) => b.type === 'section' && 'accessory' in b)).toHaveLength(5);
  });

  it('every parse error has words and a way forward', () => {
    for (const error of [{ code: 'empty' }, { code: 'no_duration' }, { code: 'ambiguous_number', value: '2' }, { code: 'zero' }, { code: 'negative' }, { code: 'too_long', minutes: 1500 }, { code: 'future', date: '2026-11-19' }, { code: 'range_in_future' }, { code: 'since_in_future' }] as const) {
      expect(parseErrorMessage(error).text.length).toBeGreaterThan(20);
    }
    expect(failedMessage({ taskId: 7, ...span }, tz, '417 stop before start', false).text).toContain('/cor log 09:00-11:30 #7 2026-11-17');
  });

  it('today and week cards stay under the block limit with a busy week', () => {
    const entries = Array.from({ length: 40 }, (_, i) => ({ start: new Date(span.start.getTime() + i * 600_000), stop: undefined, hours: 0.1, taskId: i, title: `Task ${i}`, project: 'P', client: 'C' }));
    const summary: Summary = {
      days: Array.from({ length: 7 }, (_, i) => ({ date: `2026-11-${16 + i}`, target: 8, logged: 4, entries })),
      tasks: entries.map((e) => ({ taskId: e.taskId, title: e.title, project: 'P', client: 'C', hours: 1 })),
      logged: 28,
      target: 40,
    };
    for (const m of [todayMessage(summary, tz), weekMessage(summary)]) {
      expect(m.blocks.length).toBeLessThanOrEqual(50);
      for (const b of m.blocks) if (b.type === 'section') expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
    }
  });
});
