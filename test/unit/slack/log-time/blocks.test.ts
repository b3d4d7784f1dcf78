import { describe, expect, it } from 'vitest';
import { type LogParseError } from '../../../../src/domain/parse/log-command.ts';
import { textsIn } from '../../../../src/i18n/texts.ts';
import { chooseMessage, confirmMessage, parseErrorMessage } from '../../../../src/slack/log-time/blocks.ts';

const en = textsIn('en');

const tz = 'America/Argentina/Buenos_Aires';
const task = { id: 1, title: 'Hero <!channel> *now*', status: 'nueva', priority: 1, deadline: undefined, projectId: 1, project: 'P', client: 'C' };
const span = { start: new Date('2026-11-17T12:00:00Z'), stop: new Date('2026-11-17T14:30:00Z') };
const pending = { u: 'U1', t: 'T:T1', k: 'trigger', s: span.start.toISOString(), e: span.stop.toISOString() };

describe('log-time messages', () => {
  it('questions carry a small button value and stay within Slack limits', () => {
    const confirm = confirmMessage(en, { task, ...span, date: '2026-11-17', note: undefined, guesses: ['task'] }, tz, { ...pending, task: 1 });
    const choose = chooseMessage(en, Array.from({ length: 9 }, (_, i) => ({ ...task, id: i + 1 })), span, tz, pending, 'hero');
    for (const m of [confirm, choose]) {
      expect(m.blocks.length).toBeLessThanOrEqual(50);
      const values = JSON.stringify(m.blocks).match(/"value":"((?:[^"\\\\]|\\\\.)*)"/g) ?? [];
      for (const v of values) expect(v.length).toBeLessThan(2000);
    }
    expect(choose.blocks.filter((b) => b.type === 'section' && 'accessory' in b)).toHaveLength(5);
  });

  const ERRORS: LogParseError[] = [
    { code: 'empty' },
    { code: 'no_duration' },
    { code: 'ambiguous_number', value: '2' },
    { code: 'zero' },
    { code: 'negative' },
    { code: 'too_long', minutes: 1500 },
    { code: 'future', date: '2026-12-07' },
    { code: 'no_such_date', words: '31 de noviembre' },
    { code: 'unclear_date', words: 'last week' },
    { code: 'range_in_future' },
    { code: 'since_in_future' },
    { code: 'too_many', count: 12 },
    { code: 'two_spans', words: '1h o 2h' },
    { code: 'reversed_range', words: '4pm-2pm' },
    { code: 'too_wordy' },
    { code: 'start_time', words: 'at 10am' },
  ];

  it('every parse error has words and a way forward, in each language', () => {
    const said = { en: new Set<string>(), es: new Set<string>(), pt: new Set<string>() };
    for (const language of ['en', 'es', 'pt'] as const) {
      for (const error of ERRORS) {
        const text = parseErrorMessage(textsIn(language), error).text;
        expect(text.length).toBeGreaterThan(20);
        said[language].add(text);
      }
      expect(said[language].size).toBe(ERRORS.length);
    }
    // Each language its own words (no English left in es/pt), with its formats.
    for (const text of said.es) expect(said.en.has(text)).toBe(false);
    for (const text of said.pt) expect(said.en.has(text)).toBe(false);
    const es = textsIn('es');
    expect(parseErrorMessage(es, { code: 'future', date: '2026-12-07' }).text).toContain('lun 7 dic');
    expect(parseErrorMessage(es, { code: 'too_long', minutes: 1500 }).text).toContain('25 h');
    expect(parseErrorMessage(es, { code: 'no_duration' }, '1,5 en QA').text).toMatch(/^En “1,5 en QA”: ¿Cuánto tiempo\? .*`1,5h`/);
    expect(parseErrorMessage(textsIn('pt'), { code: 'unclear_date', words: 'semana passada' }).text).toContain('Que dia é “semana passada”?');
    expect(parseErrorMessage(en, { code: 'ambiguous_number', value: '2' }, 'QA 2').text).toBe('In “QA 2”: Is `2` hours or minutes? Say `2h` or `2m`.');
  });
});

