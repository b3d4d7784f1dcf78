import { describe, expect, it } from 'vitest';
import { textsIn } from '../../../src/i18n/texts.ts';
import { failedMessage, loggedMessage } from '../../../src/slack/entry-answers.ts';

const en = textsIn('en');

const tz = 'America/Argentina/Buenos_Aires';
const task = { id: 1, title: 'Hero <!channel> *now*', status: 'nueva', priority: 1, deadline: undefined, projectId: 1, project: 'P', client: 'C' };
const span = { start: new Date('2026-11-17T12:00:00Z'), stop: new Date('2026-11-17T14:30:00Z') };

describe('answers about a time entry', () => {
  it('confirmation: what, where, when in local time, the day against target; user text neutralised', () => {
    const m = loggedMessage(en, { task, ...span, note: 'a <@U2> note' }, tz, { logged: 5.5, target: 8 }, 'https://cor/tasks/1');
    const text = JSON.stringify(m.blocks);
    expect(text).toContain('Tue 17 Nov · 09:00–11:30');
    expect(text).toContain('That day: 5h 30m of 8h');
    expect(text).not.toMatch(/<!channel>|<@U2>/);
    expect(text).toContain('open_in_cor');
  });

  it('a failed entry says how to log it again', () => {
    expect(failedMessage(en, { taskId: 7, ...span }, tz, '417 stop before start', false).text).toContain('/cor log 09:00-11:30 #7 2026-11-17');
  });

  it('in Spanish and Portuguese: their words, days and durations', () => {
    const es = loggedMessage(textsIn('es'), { task, ...span, note: undefined }, tz, { logged: 5.5, target: 8 }, undefined);
    expect(es.text).toBe('✓ Registré 2 h 30 min en Hero ‹!channel› ∗now∗');
    expect(JSON.stringify(es.blocks)).toContain('mar 17 nov · 09:00–11:30\\nEse día: 5 h 30 min de 8 h');
    const pt = failedMessage(textsIn('pt'), { taskId: 7, ...span }, tz, 'stop before start', false).text;
    expect(pt).toBe('O COR recusou o registro (stop before start). Corrija e registre de novo com:\n`/cor log 09:00-11:30 #7 2026-11-17`');
  });

  it('a failure kept as a COR code is said in the person’s language; COR’s own words as COR wrote them', () => {
    const es = textsIn('es');
    expect(failedMessage(es, { taskId: 1, ...span }, tz, 'forbidden', false).text).toContain('COR dice que no tienes permiso para hacer eso.');
    expect(failedMessage(es, { taskId: 1, ...span }, tz, 'forbidden', false).text).not.toContain('forbidden');
    expect(failedMessage(textsIn('pt'), { taskId: 1, ...span }, tz, 'El proyecto está cerrado', false).text).toContain('El proyecto está cerrado');
  });
});
