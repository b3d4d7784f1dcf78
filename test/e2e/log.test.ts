import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localParts, weekdayOf, zonedTimeToInstant } from '../../src/lib/zoned.ts';
import { type BotProcess, startBot } from '../../tools/bot-process.ts';
import { type BotWithFakes, botWithFakes } from '../helpers/bot.ts';
import type { FakeCor } from '../../tools/fake-cor/server.ts';
import type { FakeSlack } from '../../tools/fake-slack/server.ts';
import type { SlackRequestSender } from '../../tools/fake-slack/signed-requests.ts';
import { responsesTo, waitForResponse } from '../helpers/linking.ts';
import { buttonValue } from '../helpers/payloads.ts';

const TZ = 'America/Argentina/Buenos_Aires'; // Jane's Slack zone
const JANE = 2;

function yesterdayAt(hour: number): Date {
  const today = localParts(new Date(), TZ).date;
  return zonedTimeToInstant(addDays(today, -1), hour, 0, TZ);
}

function click(sender: SlackRequestSender, slack: FakeSlack, actionId: string, value: string, userId = 'U01JANE') {
  const responseUrl = slack.newResponseUrl();
  return {
    responseUrl,
    sent: sender.interaction({
      type: 'block_actions',
      team: { id: 'T0DEMO', domain: 'demo' },
      user: { id: userId, team_id: 'T0DEMO', username: 'x', name: 'x' },
      api_app_id: 'A0COR',
      token: 'x',
      trigger_id: `${Date.now()}.trigger`,
      response_url: responseUrl,
      container: { type: 'message', message_ts: '1.1', is_ephemeral: true },
      actions: [{ type: 'button', action_id: actionId, block_id: 'b', value, action_ts: `${Date.now() / 1000}` }],
    }),
  };
}

describe('/cor log, end to end (bot process, fake Slack, fake COR)', () => {
  let slack: FakeSlack;
  let cor: FakeCor;
  let bot: BotProcess;
  let sender: SlackRequestSender;
  let env: Record<string, string>;
  let e2e: BotWithFakes;

  beforeAll(async () => {
    e2e = await botWithFakes({ linkJane: true });
    ({ slack, cor, bot, sender, env } = e2e);
  });
  afterAll(() => e2e.close());

  const posts = () => cor.requestsTo('POST', '/hours').filter((x) => x.status === 200);

  it('acks at once, writes the exact entry, and confirms with the day total and an Open in COR link', async () => {
    const res = await sender.slashCommand({ text: 'log 2h #48211 yesterday -- hero copy' });
    expect(res.json).toMatchObject({ text: '⏳ Logging…' });
    const done = await waitForResponse(slack, res.responseUrl, (b) => String(b.text).startsWith('✓ Logged'));
    expect(done).toMatchObject({ replace_original: true, text: '✓ Logged 2h on Homepage redesign - hero section' });
    const card = JSON.stringify(done.blocks);
    expect(card).toContain('(Homepage redesign · Acme Foods)');
    expect(card).toContain('09:00–11:00');
    // Against Jane's 8h on a workday; a weekend day has no target, and the card shows only the hours.
    const yesterday = addDays(localParts(new Date(), 'America/Argentina/Buenos_Aires').date, -1);
    expect(card).toMatch(weekdayOf(yesterday) <= 5 ? /That day: 2h of 8h/ : /That day: 2h"/);
    expect(card).toContain('hero copy');
    expect(card).toContain('open_in_cor');
    expect(posts().at(-1)?.body).toEqual({ task_log_id: 48211, start: yesterdayAt(9).toISOString(), stop: yesterdayAt(11).toISOString() });
    expect(posts().at(-1)?.userId).toBe(JANE);
  });

  it('a resent command (same trigger) writes nothing more', async () => {
    const before = posts().length;
    const trigger = `${Date.now()}.resent`;
    const first = await sender.slashCommand({ text: 'log 30m #48212 yesterday', trigger_id: trigger });
    await waitForResponse(slack, first.responseUrl, (b) => String(b.text).startsWith('✓ Logged'));
    const again = await sender.slashCommand({ text: 'log 30m #48212 yesterday', trigger_id: trigger });
    const answer = await waitForResponse(slack, again.responseUrl, (b) => String(b.text) !== '⏳ Logging…');
    expect(String(answer.text)).toContain('already logged');
    expect(posts().length).toBe(before + 1);
    // It started where yesterday's last entry ended.
    expect(posts().at(-1)?.body).toMatchObject({ start: yesterdayAt(11).toISOString() });
  });

  it('asks first when it had to guess; Log it writes once even when clicked twice; a forged click does nothing', async () => {
    const res = await sender.slashCommand({ text: 'log 1h on login flwo yesterday' });
    const question = await waitForResponse(slack, res.responseUrl, (b) => String(b.text).startsWith('I guessed'));
    expect(String(question.text)).toContain('*Mobile app login flow*');
    const value = buttonValue(question, 'log_confirm');
    const before = posts().length;

    const forged = click(sender, slack, 'log_confirm', value, 'U02JOHN');
    expect((await forged.sent).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(posts().length).toBe(before);
    expect(responsesTo(slack, forged.responseUrl)).toEqual([]);

    const a = click(sender, slack, 'log_confirm', value);
    const b = click(sender, slack, 'log_confirm', value);
    await Promise.all([a.sent, b.sent]);
    const answers = await Promise.all([a, b].map((c) => waitForResponse(slack, c.responseUrl, () => true)));
    expect(answers.map((x) => String(x.text)).sort()).toEqual([expect.stringContaining('already'), expect.stringContaining('✓ Logged 1h on Mobile app login flow')].sort());
    expect(posts().length).toBe(before + 1);
    expect(posts().at(-1)?.body).toMatchObject({ task_log_id: 48213 });
  });

  it('offers a choice when several tasks fit, and Cancel writes nothing', async () => {
    const res = await sender.slashCommand({ text: 'log 1h on Homepage redesign yesterday' });
    const question = await waitForResponse(slack, res.responseUrl, (b) => String(b.text).startsWith('Which task'));
    const options = ((question.blocks ?? []) as { accessory?: { action_id?: string } }[]).filter((blk) => blk.accessory?.action_id === 'log_pick_task');
    expect(options.length).toBeGreaterThanOrEqual(2);
    const before = posts().length;
    const cancel = click(sender, slack, 'log_cancel', buttonValue(question, 'log_cancel'));
    expect(String((await waitForResponse(slack, cancel.responseUrl, () => true)).text)).toContain('Cancelled');
    expect(posts().length).toBe(before);
  });

  it('answers bad input with a clear, fixable message', async () => {
    const cases: [string, string][] = [
      ['log 2 on QA', 'hours or minutes'],
      ['log 2h tomorrow #48211', 'in the future'],
      ['log 30h #48211', 'more than a day'],
      ['log 2h on kubernetes', 'could not find an open task'],
      ['log 2h #999999', 'does not exist in COR'],
    ];
    for (const [text, expected] of cases) {
      const res = await sender.slashCommand({ text });
      const answer = await waitForResponse(slack, res.responseUrl, (b) => String(b.text) !== '⏳ Logging…');
      expect(String(answer.text)).toContain(expected);
    }
  });

  it('/cor today and /cor week show what was logged against the target', async () => {
    const logged = await sender.slashCommand({ text: 'log 20m #48219' });
    await waitForResponse(slack, logged.responseUrl, (b) => String(b.text).startsWith('✓ Logged'));
    const today = await sender.slashCommand({ text: 'today' });
    const todayCard = await waitForResponse(slack, today.responseUrl, (b) => String(b.text).startsWith('Today'));
    expect(JSON.stringify(todayCard.blocks)).toContain('QA regression pass (Mobile app · Bolt Motors)');
    expect(String(todayCard.text)).toMatch(/^Today: \d/);
    const week = await sender.slashCommand({ text: 'week' });
    const weekCard = await waitForResponse(slack, week.responseUrl, (b) => String(b.text).startsWith('This week'));
    expect(JSON.stringify(weekCard.blocks)).toContain('By task');
    expect(JSON.stringify(weekCard.blocks)).toContain('QA regression pass');
  });

  it('/cor start, /cor status and /cor stop keep a timer and write it as one entry', async () => {
    const started = await sender.slashCommand({ text: 'start #48219' });
    expect(String((await waitForResponse(slack, started.responseUrl, (b) => String(b.text).includes('Timer started'))).text)).toContain('QA regression pass');
    const status = await sender.slashCommand({ text: 'status' });
    expect(String((await waitForResponse(slack, status.responseUrl, (b) => String(b.text).includes('Running'))).text)).toContain('QA regression pass');
    const stopped = await sender.slashCommand({ text: 'stop' });
    // Started and stopped within a minute: nothing is written, and it says so.
    expect(String((await waitForResponse(slack, stopped.responseUrl, (b) => String(b.text) !== '⏳ …')).text)).toContain('less than a minute');
    const again = await sender.slashCommand({ text: 'stop' });
    expect(String((await waitForResponse(slack, again.responseUrl, (b) => String(b.text) !== '⏳ …')).text)).toContain('No timer is running');
  });

  it('COR down: the entry is queued, the user is told, and the worker writes it exactly once', async () => {
    const before = cor.hoursOf(JANE).length;
    cor.addFault({ method: 'POST', path: '/hours', status: 503, times: 1 });
    const res = await sender.slashCommand({ text: 'log 45m #48218 yesterday' });
    const queued = await waitForResponse(slack, res.responseUrl, (b) => String(b.text).includes('COR is not answering'));
    expect(queued.replace_original).toBe(true);
    const back = await waitForResponse(slack, res.responseUrl, (b) => String(b.text).startsWith('✓ COR is back'), 15_000);
    expect(String(back.text)).toContain('45m on *Campaña verano - copy*');
    expect(cor.hoursOf(JANE).length).toBe(before + 1);
  }, 30_000);

  it('a restart with a pending entry loses nothing', async () => {
    const before = cor.hoursOf(JANE).length;
    cor.addFault({ method: 'POST', path: '/hours', status: 500, times: 1 });
    const res = await sender.slashCommand({ text: 'log 15m #48216 yesterday' });
    await waitForResponse(slack, res.responseUrl, (b) => String(b.text).includes('COR is not answering'));
    const databaseUrl = `file:${bot.databaseFile}`;
    expect(await bot.stop('SIGTERM', true)).toBe(0);
    bot = e2e.bot = await startBot({ ...env, DATABASE_URL: databaseUrl });
    await slack.waitFor(() => cor.hoursOf(JANE).length === before + 1, 15_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(cor.hoursOf(JANE).length).toBe(before + 1);
  }, 40_000);
});
