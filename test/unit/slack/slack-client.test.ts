import { afterEach, describe, expect, it } from 'vitest';
import { slackFailureOf } from '../../../src/slack/slack-errors.ts';
import { DEFAULT_WORKSPACE } from '../../../tools/fake-slack/server.ts';
import { type ListenerHarness, listenerHarness } from '../../helpers/bolt.ts';

describe('every Slack client: one attempt, a timeout, a 429 handed back', () => {
  let h: ListenerHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('a 429 with a long Retry-After comes back to the caller at once, from the bot’s clients and Bolt’s, and other calls go on', async () => {
    const harness = await listenerHarness();
    h = harness;
    harness.slack.setRateLimit('chat.postMessage', 0, 30); // every post refused: "try again in 30 s"
    const client = await harness.services.clients.forTenant('T:T0DEMO');
    const ours = await client.chat.postMessage({ channel: 'C0GENERAL', text: 'ours' }).then(() => undefined, slackFailureOf);
    expect(ours).toEqual({ error: 'ratelimited', answered: true, retryAfterMs: 30_000 });
    // The listeners' `client` (Bolt's) is made the same way.
    const bolts = await harness.app.client.chat.postMessage({ token: DEFAULT_WORKSPACE.botToken, channel: 'C0GENERAL', text: 'Bolt’s' }).then(() => undefined, slackFailureOf);
    expect(bolts).toEqual({ error: 'ratelimited', answered: true, retryAfterMs: 30_000 });
    // Neither client is paused: another method goes through at once, and nothing was tried again.
    expect((await client.users.info({ user: 'U01JANE' })).ok).toBe(true);
    expect(harness.slack.rateLimited).toEqual(['chat.postMessage', 'chat.postMessage']);
    expect(harness.slack.callsTo('chat.postMessage')).toEqual([]);
  });
});
