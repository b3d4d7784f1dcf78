import { describe, expect, it } from 'vitest';
import { messageToBotOf } from '../../../src/slack/payloads.ts';

describe('a message to the bot: one reading for the log and report listeners', () => {
  const message = { type: 'message', channel_type: 'im', channel: 'D01JANE', user: 'U01JANE', text: 'my week', ts: '1.1' };

  it("is a person's plain message in the bot's DM", () => {
    expect(messageToBotOf(message, 'U0BOT')).toEqual(message);
    expect(messageToBotOf({ ...message, thread_ts: '0.9' }, 'U0BOT')?.thread_ts).toBe('0.9');
  });

  it('is not an edit, a bot message, the bot itself, or a message in a channel', () => {
    expect(messageToBotOf({ ...message, subtype: 'message_changed' }, 'U0BOT')).toBeUndefined();
    expect(messageToBotOf({ ...message, bot_id: 'B1' }, 'U0BOT')).toBeUndefined();
    expect(messageToBotOf(message, 'U01JANE')).toBeUndefined();
    expect(messageToBotOf({ ...message, channel_type: 'channel' }, 'U0BOT')).toBeUndefined();
  });
});
