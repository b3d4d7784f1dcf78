import { describe, expect, it } from 'vitest';
import type { CorHour } from '../../../../src/cor/schemas.ts';
import { CorTimes, entryHours, zoneOfEntry } from '../../../../src/domain/time-entries/cor-times.ts';

const hour = (start: string, timezone?: string): CorHour => ({ id: 1, start, stop: null, ...(timezone ? { user: { timezone } } : {}) });

describe('CorTimes.learn: how a workspace’s COR writes its zone-less times', () => {
  it('learns nothing from a person whose zone is UTC’s at that moment (both readings agree), then learns from the next', () => {
    const times = new CorTimes();
    const sent = new Date('2026-12-01T10:00:00Z');
    // London in winter is UTC+0: "10:00" is both the UTC time and the wall time.
    times.learn('T:T1', hour('2026-12-01 10:00:00', 'Europe/London'), sent, 'Europe/London');
    expect(times.reading('T:T1')).toBeUndefined();
    // Buenos Aires (UTC-3): COR answering "07:00" wrote the wall time.
    times.learn('T:T1', hour('2026-12-01 07:00:00', 'America/Argentina/Buenos_Aires'), sent, 'America/Argentina/Buenos_Aires');
    expect(times.reading('T:T1')).toBe('zone');
  });

  it('learns UTC when only the UTC reading fits', () => {
    const times = new CorTimes();
    times.learn('T:T2', hour('2026-12-01 10:00:00', 'America/Argentina/Buenos_Aires'), new Date('2026-12-01T10:00:00Z'), 'America/Argentina/Buenos_Aires');
    expect(times.reading('T:T2')).toBe('utc');
  });

  it('a zone COR gives that the runtime does not know is the person’s zone instead (never a throw)', () => {
    expect(zoneOfEntry(hour('2026-12-01 07:00:00', 'Etc/Unknown_Zone'), 'America/Sao_Paulo')).toBe('America/Sao_Paulo');
    const times = new CorTimes();
    times.learn('T:T3', hour('2026-12-01 07:00:00', 'Etc/Unknown_Zone'), new Date('2026-12-01T10:00:00Z'), 'America/Sao_Paulo');
    expect(times.reading('T:T3')).toBe('zone');
  });
});

describe('entryHours: the one reading of an entry’s length', () => {
  it('its duration when COR gives one, else stop − start, else 0', () => {
    expect(entryHours({ id: 1, start: '2026-11-20 12:00:00', stop: '2026-11-20 15:00:00', duration: 2.5 })).toBe(2.5);
    expect(entryHours({ id: 1, start: '2026-11-20 12:00:00', stop: '2026-11-20 13:30:00' })).toBe(1.5);
    expect(entryHours({ id: 1, start: '2026-11-20 12:00:00', stop: '2026-11-20 13:20:00', duration: null })).toBeCloseTo(4 / 3, 12);
    expect(entryHours({ id: 1, start: '2026-11-20 12:00:00', stop: null })).toBe(0);
  });
});
