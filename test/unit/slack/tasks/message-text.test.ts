import { describe, expect, it } from 'vitest';
import { mentionedUsers, plainMessageText, titleFromMessage } from '../../../../src/slack/tasks/message-text.ts';

const NAMES = new Map([['U02JOHN', 'John Smith']]);

describe('a Slack message as plain words for COR', () => {
  it('names people, channels and groups, keeps links readable and drops emphasis and escapes', () => {
    const text = '<@U02JOHN> and <@U09X> see <#C1|design> <!here> <https://x.example/a|the *brief*> &amp; <https://y.example> *now* &lt;3';
    expect(mentionedUsers(text)).toEqual(['U02JOHN', 'U09X']);
    expect(plainMessageText(text, NAMES)).toBe('@John Smith and @U09X see #design @here the brief (https://x.example/a) & https://y.example now <3');
  });

  it('a title is the first line with words, links by their label, cut to the limit', () => {
    expect(titleFromMessage('\n  <@U02JOHN> fix the <https://x.example|hero>  please\nsecond line', NAMES, 200)).toBe('@John Smith fix the hero please');
    expect(titleFromMessage('x'.repeat(300), NAMES, 200)).toHaveLength(200);
    expect(titleFromMessage('   ', NAMES, 200)).toBe('');
  });
});
