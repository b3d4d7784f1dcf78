import { describe, expect, it } from 'vitest';
import { welcomeHome } from '../../../../src/slack/home/blocks.ts';

describe('App Home views', () => {
  it('home view is a home view within the block limit', () => {
    const home = welcomeHome();
    expect(home.type).toBe('home');
    expect(home.blocks.length).toBeLessThanOrEqual(100);
  });
});
