import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot } from '../../tools/bot-process.ts';
import { type BotWithFakes, botWithFakes } from '../helpers/bot.ts';
import { waitForResponse } from '../helpers/linking.ts';

const JANE = 2;

/** The undo window lives in the outbox: it survives the bot stopping in the middle of it. */
describe('the undo window, end to end (bot process, fake Slack, fake COR)', () => {
  let e2e: BotWithFakes;

  beforeAll(async () => {
    e2e = await botWithFakes({ linkJane: true, env: { UNDO_SECONDS: '3' } });
  });
  afterAll(() => e2e.close());

  it('a restart in the middle of the window: the entry is written once, after the window, and the answer turns into ✓ Logged', async () => {
    const { slack, cor } = e2e;
    const before = cor.hoursOf(JANE).length;
    const res = await e2e.sender.slashCommand({ text: 'log 25m #48216 yesterday' });
    await waitForResponse(slack, res.responseUrl, (b) => String(b.text).startsWith('⏳ Logging 25m'));
    const databaseUrl = `file:${e2e.bot.databaseFile}`;
    expect(await e2e.bot.stop('SIGTERM', true)).toBe(0);
    expect(cor.requestsTo('POST', '/hours')).toHaveLength(0); // the window had not ended: nothing went to COR
    e2e.bot = await startBot({ ...e2e.env, DATABASE_URL: databaseUrl });
    const logged = await waitForResponse(slack, res.responseUrl, (b) => String(b.text).startsWith('✓ Logged 25m'), 15_000);
    expect(logged.replace_original).toBe(true);
    expect(cor.requestsTo('POST', '/hours')).toHaveLength(1);
    expect(cor.hoursOf(JANE).length).toBe(before + 1);
  }, 40_000);
});
