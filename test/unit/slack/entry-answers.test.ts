import { describe, expect, it } from 'vitest';
import { failedMessage, loggedMessage } from '../../../src/slack/entry-answers.ts';

const tz = 'America/Argentina/Buenos_Aires';
const task = { id: 1, title: 'Hero <!channel> *now*', status: 'nueva', priority: 1, deadline: undefined, projectId: 1, project: 'P', client: 'C' };
const span = { start: new Date('2026-11-17T12:00:00Z'), stop: new Date('2026-11-17T14:30:00Z') };

describe('answers about a time entry', () => {
  it('confirmation: what, where, when in local time, the day against target; user text neutralised', () => {
    const m = loggedMessage({ task, ...span, note: 'a <@U2> note' }, tz, { logged: 5.5, target: 8 }, 'https://cor/tasks/1');
    const text = JSON.stringify(m.blocks);
    expect(text).toContain('Tue 17 Nov · 09:00–11:30');
    expect(text).toContain('That day: 5h 30m of 8h');
    expect(text).not.toMatch(/<!channel>|<@U2>/);
    expect(text).toContain('open_in_cor');
  });

  it('a failed entry says how to log it again', () => {
    expect(failedMessage({ taskId: 7, ...span }, tz, '417 stop before start', false).text).toContain('/cor log 09:00-11:30 #7 2026-11-17');
  });
});
