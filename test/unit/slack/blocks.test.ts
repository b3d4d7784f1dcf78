import { describe, expect, it } from 'vitest';
import { formatDate, formatMinutes, plain, progressBar } from '../../../src/slack/blocks.ts';

describe('Block Kit helpers', () => {
  it('formats durations, dates and bars', () => {
    expect([formatMinutes(150), formatMinutes(45), formatMinutes(480)]).toEqual(['2h 30m', '45m', '8h']);
    expect(formatDate('2026-11-17')).toBe('Tue 17 Nov');
    expect(progressBar(4, 8)).toBe('▓▓▓▓░░░░');
    expect(progressBar(12, 8)).toBe('▓▓▓▓▓▓▓▓');
  });

  it('plain() neutralises mentions, links and formatting', () => {
    expect(plain('<@U1> <!here> <https://x|y> *b* _i_ ~s~ `c` &amp;')).not.toMatch(/[<>*_~`&]/);
  });
});
