import { describe, expect, it } from 'vitest';
import { plain, progressBar } from '../../../src/slack/blocks.ts';

describe('Block Kit helpers', () => {
  it('draws bars of logged against target', () => {
    expect(progressBar(4, 8)).toBe('▓▓▓▓░░░░');
    expect(progressBar(12, 8)).toBe('▓▓▓▓▓▓▓▓');
  });

  it('plain() neutralises mentions, links and formatting', () => {
    expect(plain('<@U1> <!here> <https://x|y> *b* _i_ ~s~ `c` &amp;')).not.toMatch(/[<>*_~`&]/);
  });
});
