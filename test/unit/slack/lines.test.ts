import { describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_SETTING } from '../../../src/store/reminders.ts';
import { deadlineText, priorityName, settingsLines, statusName } from '../../../src/slack/lines.ts';

const now = new Date('2026-11-23T15:00:00Z');

describe('lines several features show', () => {
  it('names COR statuses in English and a tenant’s own by their name; priorities by name', () => {
    expect(statusName('en_proceso')).toBe('In progress');
    expect(statusName('en_revision')).toBe('En revision');
    expect(statusName(undefined)).toBe('No status');
    expect(priorityName(3)).toBe('Urgent');
    expect(priorityName(undefined)).toBe('No priority');
  });

  it('marks overdue deadlines, in the person’s zone', () => {
    expect(deadlineText('2026-11-20T21:00:00.000Z', now, 'America/Argentina/Buenos_Aires')).toBe('⚠️ *Overdue* since Fri 20 Nov');
    expect(deadlineText('2026-11-25T02:00:00.000Z', now, 'America/Argentina/Buenos_Aires')).toBe('Due Tue 24 Nov');
    expect(deadlineText(undefined, now, 'UTC')).toBeUndefined();
  });

  it('reminder settings in words, one line each', () => {
    expect(settingsLines({ linkId: 'l1', ...DEFAULT_REMINDER_SETTING, enabled: false }, 'UTC')).toEqual(['Reminders are *off*. `/cor remind on` turns them back on.']);
    const on = settingsLines({ linkId: 'l1', ...DEFAULT_REMINDER_SETTING, enabled: true, localTime: '18:00', weekdays: [1, 2, 3, 4], skipDates: ['2026-11-24'] }, 'Europe/Madrid');
    expect(on[0]).toContain('*18:00* (Europe/Madrid) on Mon–Thu');
    expect(on.at(-1)).toBe('Skipping: Tue 24 Nov.');
  });
});
