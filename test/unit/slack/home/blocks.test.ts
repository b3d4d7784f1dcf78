import { describe, expect, it } from 'vitest';
import { textsIn } from '../../../../src/i18n/texts.ts';
import { welcomeHome } from '../../../../src/slack/home/blocks.ts';

describe('App Home views', () => {
  it('home view is a home view within the block limit', () => {
    const home = welcomeHome(textsIn('en'), { chosen: undefined, slack: 'en' });
    expect(home.type).toBe('home');
    expect(home.blocks.length).toBeLessThanOrEqual(100);
  });
});
