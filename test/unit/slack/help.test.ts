import { describe, expect, it } from 'vitest';
import { textsIn } from '../../../src/i18n/texts.ts';
import { usageCard } from '../../../src/slack/help.ts';

describe('the /cor usage card', () => {
  it('usage card: a lead, every command, within Slack limits', () => {
    const card = usageCard(textsIn('en'));
    expect(card.blocks.length).toBeLessThanOrEqual(50);
    for (const block of card.blocks) {
      if (block.type === 'section') expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
    }
    for (const sub of ['log', 'tasks', 'start', 'today', 'remind', 'link', 'help']) expect(card.text).toContain(`/cor ${sub}`);
  });

  it('echoes an unknown subcommand back harmlessly and briefly', () => {
    const card = usageCard(textsIn('en'), { unknown: '<!channel>*bold*`x`'.repeat(10) });
    expect(card.text).not.toMatch(/<!channel>|\*bold\*/);
    expect(card.text.split('\n')[0]?.length).toBeLessThan(100);
  });
});
