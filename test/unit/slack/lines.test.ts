import { describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_SETTING } from '../../../src/store/reminders.ts';
import { textsIn } from '../../../src/i18n/texts.ts';
import { deadlineText, digestWhen, priorityName, settingsLines, statusName, taskActions, weekDayLines } from '../../../src/slack/lines.ts';

const en = textsIn('en');
const es = textsIn('es');
const pt = textsIn('pt');

const now = new Date('2026-11-23T15:00:00Z');

describe('lines several features show', () => {
  it('names COR statuses in English and a tenant’s own by their name; priorities by name', () => {
    expect(statusName(en, 'en_proceso')).toBe('In progress');
    expect(statusName(en, 'en_revision')).toBe('En revision');
    expect(statusName(en, undefined)).toBe('No status');
    expect(priorityName(en, 3)).toBe('Urgent');
    expect(priorityName(en, undefined)).toBe('No priority');
  });

  it('marks overdue deadlines, in the person’s zone', () => {
    expect(deadlineText(en, '2026-11-20T21:00:00.000Z', now, 'America/Argentina/Buenos_Aires')).toBe('⚠️ *Overdue* since Fri 20 Nov');
    expect(deadlineText(en, '2026-11-25T02:00:00.000Z', now, 'America/Argentina/Buenos_Aires')).toBe('Due Tue 24 Nov');
    expect(deadlineText(en, undefined, now, 'UTC')).toBeUndefined();
  });

  it('reminder settings in words, one line each', () => {
    expect(settingsLines(en, { linkId: 'l1', ...DEFAULT_REMINDER_SETTING, enabled: false }, 'UTC')).toEqual(['Reminders are *off*. `/cor remind on` turns them back on.']);
    const on = settingsLines(en, { linkId: 'l1', ...DEFAULT_REMINDER_SETTING, enabled: true, localTime: '18:00', weekdays: [1, 2, 3, 4], skipDates: ['2026-11-24'] }, 'Europe/Madrid');
    expect(on[0]).toContain('*18:00* (Europe/Madrid) on Mon–Thu');
    expect(on.at(-1)).toBe('Skipping: Tue 24 Nov.');
  });

  it('in Spanish and Portuguese: COR’s statuses and priorities, deadlines, settings, a week’s day, buttons', () => {
    expect([statusName(es, 'en_proceso'), statusName(pt, 'en_proceso'), statusName(es, 'en_revision')]).toEqual(['En proceso', 'Em andamento', 'En revision']);
    expect([priorityName(es, 3), priorityName(pt, undefined)]).toEqual(['Urgente', 'Sem prioridade']);
    expect(deadlineText(es, '2026-11-20T21:00:00.000Z', now, 'America/Argentina/Buenos_Aires')).toBe('⚠️ *Vencida* desde el vie 20 nov');
    expect(deadlineText(pt, '2026-11-25T02:00:00.000Z', now, 'America/Argentina/Buenos_Aires')).toBe('Vence em ter., 24 de nov.');
    const on = settingsLines(es, { linkId: 'l1', ...DEFAULT_REMINDER_SETTING, enabled: true, localTime: '18:00', weekdays: [1, 2, 3, 4], targetHours: 7.5, skipDates: ['2026-11-24'] }, 'Europe/Madrid');
    expect(on[0]).toBe('Recordatorio diario a las *18:00* (Europe/Madrid), días: lun–jue, cuando hayas registrado menos de *7 h 30 min*.');
    expect(on.at(-1)).toBe('Días omitidos: mar 24 nov.');
    expect(weekDayLines(pt, [{ date: '2026-12-07', logged: 1.5, target: 8, targetNote: undefined, entries: [] }])).toContain('seg., 7 de dez.');
    expect(digestWhen(pt, { schedule: 'weekly', localTime: '09:00' })).toBe('às segundas às 09:00');
    expect(JSON.stringify(taskActions(es, { id: 1, title: 'x', status: undefined, priority: undefined, deadline: undefined, projectId: 1, project: undefined, client: undefined }))).toContain('Registrar horas');
  });
});
