import { describe, expect, it } from 'vitest';
import { chooseMessage, confirmMessage, parseErrorMessage } from '../../../../src/slack/log-time/blocks.ts';

const tz = 'America/Argentina/Buenos_Aires';
const task = { id: 1, title: 'Hero <!channel> *now*', status: 'nueva', priority: 1, deadline: undefined, projectId: 1, project: 'P', client: 'C' };
const span = { start: new Date('2026-11-17T12:00:00Z'), stop: new Date('2026-11-17T14:30:00Z') };
const pending = { u: 'U1', t: 'T:T1', k: 'trigger', s: span.start.toISOString(), e: span.stop.toISOString() };

describe('log-time messages', () => {
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
    for (const error of [{ code: 'empty' }, { code: 'no_duration' }, { code: 'ambiguous_number', value: '2' }, { code: 'zero' }, { code: 'negative' }, { code: 'too_long', minutes: 1500 }, { code: 'future', date: '2026-11-19' }, { code: 'range_in_future' }, { code: 'since_in_future' }, { code: 'no_such_date', words: '31 de noviembre' }, { code: 'unclear_date', words: 'last week' }] as const) {
      expect(parseErrorMessage(error).text.length).toBeGreaterThan(20);
    }
  });
});

