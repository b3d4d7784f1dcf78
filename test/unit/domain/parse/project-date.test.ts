import { describe, expect, it } from 'vitest';
import { parseProjectDate } from '../../../../src/domain/parse/project-date.ts';

const today = '2026-11-23'; // a Monday

describe('project dates in words', () => {
  it.each([
    ['next monday', '2026-11-30'],
    ['friday', '2026-11-27'],
    ['15/01', '2027-01-15'],
    ['2027-03-31', '2027-03-31'],
    ['end of march', '2027-03-31'],
    ['end of december', '2026-12-31'],
    ['end of november', '2026-11-30'],
    ['fin de febrero 2028', '2028-02-29'],
    ['fim de março', '2027-03-31'],
    ['tomorrow', '2026-11-24'],
  ])('%s → %s', (text, date) => {
    expect(parseProjectDate(text, today)).toBe(date);
  });

  it.each(['whenever', 'end of smarch', ''])('cannot read "%s"', (text) => {
    expect(parseProjectDate(text, today)).toBeUndefined();
  });
});
