import { describe, expect, it } from 'vitest';
import { plain, usageCard } from '../../../src/slack/views/help.ts';
import { welcomeHome } from '../../../src/slack/views/home.ts';

describe('Block Kit views', () => {
  it('usage card: a lead, every command, within Slack limits', () => {
    const card = usageCard();
    expect(card.blocks.length).toBeLessThanOrEqual(50);
    for (const block of card.blocks) {
      if (block.type === 'section') expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
    }
    for (const sub of ['log', 'tasks', 'start', 'today', 'remind', 'link', 'help']) expect(card.text).toContain(`/cor ${sub}`);
  });

  it('echoes an unknown subcommand back harmlessly and briefly', () => {
    const card = usageCard({ unknown: '<!channel>*bold*`x`'.repeat(10) });
    expect(card.text).not.toMatch(/<!channel>|\*bold\*/);
    expect(card.text.split('\n')[0]?.length).toBeLessThan(100);
  });

  it('plain() neutralises mentions, links and formatting', () => {
    expect(plain('<@U1> <!here> <https://x|y> *b* _i_ ~s~ `c` &amp;')).not.toMatch(/[<>*_~`&]/);
  });

  it('home view is a home view within the block limit', () => {
    const home = welcomeHome();
    expect(home.type).toBe('home');
    expect(home.blocks.length).toBeLessThanOrEqual(100);
  });
});
