import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localParts } from '../../src/lib/zoned.ts';
import type { FakeCor } from '../../tools/fake-cor/server.ts';
import type { FakeSlack } from '../../tools/fake-slack/server.ts';
import type { SlackRequestSender } from '../../tools/fake-slack/signed-requests.ts';
import { type BotWithFakes, botWithFakes } from '../helpers/bot.ts';
import { waitForResponse } from '../helpers/linking.ts';
import { logFormSubmission } from '../helpers/payloads.ts';

const TZ = 'America/Argentina/Buenos_Aires'; // Jane's Slack zone
const JANE = 2;


// Acknowledged first, then the work in the same listener: the entry, the answer, and the outbox after COR trouble.
describe('work after acks (bot process)', () => {
  let slack: FakeSlack;
  let cor: FakeCor;
  let sender: SlackRequestSender;
  let e2e: BotWithFakes;

  beforeAll(async () => {
    e2e = await botWithFakes({ linkJane: true });
    ({ slack, cor, sender } = e2e);
  });
  afterAll(() => e2e.close());

  it('/cor log writes one entry and answers in place', async () => {
    const before = cor.hoursOf(JANE).length;
    const res = await sender.slashCommand({ text: 'log 1h #48211 yesterday' });
    expect(res.json).toMatchObject({ text: '⏳ Logging…' });
    await waitForResponse(slack, res.responseUrl, (b) => String(b.text).startsWith('✓ Logged 1h'));
    expect(cor.hoursOf(JANE).length).toBe(before + 1);
  });

  it('a burst of /cor log is acknowledged before COR has answered any of its work, then each entry is written once', async () => {
    const before = cor.hoursOf(JANE).length;
    const answeredBefore = cor.exchanges.length;
    let release = () => {};
    cor.addFault({ until: new Promise<void>((resolve) => (release = resolve)) }); // COR holds every answer until released
    const today = localParts(new Date(), TZ).date;
    const days = Array.from({ length: 12 }, (_, i) => addDays(today, -(i + 10)));
    const acks = await Promise.all(days.map((day, i) => sender.slashCommand({ text: `log 10m #48211 ${day}`, trigger_id: `burst.${i}` })));
    // Every ack was out while COR still held each request the work after it had made.
    expect(cor.exchanges.length).toBe(answeredBefore);
    expect(acks.map((a) => a.json)).toEqual(days.map(() => expect.objectContaining({ text: '⏳ Logging…' })));
    cor.clearFaults();
    release();
    await Promise.all(acks.map((a) => waitForResponse(slack, a.responseUrl, (b) => String(b.text).startsWith('✓ Logged 10m'), 20_000)));
    expect(cor.hoursOf(JANE).length).toBe(before + days.length);
  }, 30_000);

  it('a log form sent twice closes at once, writes one entry and says "logged" once', async () => {
    const before = cor.hoursOf(JANE).length;
    const date = addDays(localParts(new Date(), TZ).date, -2);
    const form = logFormSubmission({ viewId: `V${Date.now()}`, tz: TZ, taskId: '48211', date, duration: '20m' });
    const [a, b] = await Promise.all([sender.interaction(form), sender.interaction(form)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.text, b.text]).toEqual(['', '']);
    await slack.waitFor(() => slack.callsTo('chat.postMessage').some((c) => String(c.args.text).startsWith('✓ Logged 20m')), 10_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(cor.hoursOf(JANE).length).toBe(before + 1);
    expect(slack.callsTo('chat.postMessage').filter((c) => String(c.args.text).startsWith('✓ Logged 20m'))).toHaveLength(1);
  });

  it('COR down: queued, then written once by the outbox worker', async () => {
    const before = cor.hoursOf(JANE).length;
    cor.addFault({ method: 'POST', path: '/hours', status: 503, times: 1 });
    const res = await sender.slashCommand({ text: 'log 30m #48212 yesterday' });
    await waitForResponse(slack, res.responseUrl, (b) => String(b.text).includes('COR is not answering'));
    await waitForResponse(slack, res.responseUrl, (b) => String(b.text).startsWith('✓ COR is back'), 15_000);
    expect(cor.hoursOf(JANE).length).toBe(before + 1);
  }, 30_000);
});
