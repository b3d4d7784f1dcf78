import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.ts';
import { buttonClick, type ListenerHarness, listenerHarness, slashCommandBody } from '../helpers/bolt.ts';
import { responsesTo, waitForResponse } from '../helpers/linking.ts';

const BA = 'America/Argentina/Buenos_Aires';
/** Wednesday 18 Nov 2026, 18:00 in Buenos Aires */
const WEDNESDAY_1800 = '2026-11-18T21:00:00Z';

type Block = { type: string; block_id?: string; text?: { text: string }; elements?: { action_id?: string; value?: string; text?: unknown }[] };

describe('several entries in one /cor log line through a real Bolt app', () => {
  let h: ListenerHarness;
  let clock: ManualClock;

  beforeEach(async () => {
    clock = new ManualClock(WEDNESDAY_1800);
    h = await listenerHarness({ clock });
    await h.linkStored('U01JANE', 2, 'Jane Doe', BA);
  });
  afterEach(() => h.close());

  const posts = () => h.cor.requestsTo('POST', '/hours').map((r) => r.body);
  const blocksOf = (m: Record<string, unknown>) => (m.blocks ?? []) as Block[];
  const rowBlock = (card: Record<string, unknown>, row: number) => blocksOf(card).filter((b) => b.type === 'actions' && b.block_id?.endsWith(`:${row}`))[0];
  const buttonIn = (card: Record<string, unknown>, actionId: string) => blocksOf(card).flatMap((b) => b.elements ?? []).find((e) => e.action_id === actionId);

  async function command(text: string, trigger = '1.trigger'): Promise<{ url: string; answer: Record<string, unknown> }> {
    const body = slashCommandBody(text, h.slack, { trigger_id: trigger });
    await h.send(body);
    const url = String(body.response_url);
    return { url, answer: await waitForResponse(h.slack, url, (m) => !String(m.text).startsWith('⏳')) };
  }

  /** A pick on the card, as Slack sends it: the select's action with its block and the option chosen. */
  async function pick(card: Record<string, unknown>, row: number, actionId: string, value: string): Promise<Record<string, unknown>> {
    const url = h.slack.newResponseUrl();
    const block = rowBlock(card, row);
    const body = buttonClick(actionId, undefined, { responseUrl: url });
    const action = { type: 'static_select', action_id: actionId, block_id: block?.block_id, selected_option: { text: { type: 'plain_text', text: value }, value }, action_ts: '1.1' };
    await h.send({ ...body, actions: [action] });
    return responsesTo(h.slack, url).at(-1) ?? {};
  }

  it('a 3-entry line with one guessed task: the card, a row fixed, Log all writes the three exact entries once each', async () => {
    const { answer: card } = await command('log 3h #48211, 2h #48212 y 1h login flwo ayer');
    expect(posts()).toHaveLength(0);
    const text = String(card.text);
    expect(text).toContain('Log these 3 entries?');
    expect(text).toContain('*1.* *3h* on *Homepage redesign - hero section* (Homepage redesign · Acme Foods) · Tue 17 Nov · 09:00–12:00');
    expect(text).toContain('*2.* *2h*');
    expect(text).toMatch(/\*3\.\* \*1h\* on \*Mobile app login flow\* \(Mobile app · Bolt Motors\) · Tue 17 Nov · 14:00–15:00 ❓ _task guessed_/);
    expect(JSON.stringify(card.blocks)).toContain('Tue 17 Nov: ');

    // The first row was 2h, not 3h: the rows after it that day move up.
    const fixed = await pick(card, 0, 'line_duration', '120');
    expect(String(fixed.text)).toContain('*1.* *2h* on *Homepage redesign - hero section* (Homepage redesign · Acme Foods) · Tue 17 Nov · 09:00–11:00');
    expect(String(fixed.text)).toMatch(/\*3\.\* \*1h\* .* 13:00–14:00/);
    // And row 3's task, picked: no longer a guess.
    const picked = await pick(fixed, 2, 'line_task_search', '48213');
    expect(String(picked.text)).not.toContain('❓');
    expect(posts()).toHaveLength(0);

    const logAll = buttonIn(picked, 'line_log_all');
    const clickUrl = h.slack.newResponseUrl();
    await h.send(buttonClick('line_log_all', logAll?.value, { responseUrl: clickUrl }));
    await h.send(buttonClick('line_log_all', logAll?.value, { responseUrl: h.slack.newResponseUrl() })); // a second click writes nothing more
    expect(posts()).toEqual([
      { task_log_id: 48211, start: '2026-11-17T12:00:00.000Z', stop: '2026-11-17T14:00:00.000Z' },
      { task_log_id: 48212, start: '2026-11-17T14:00:00.000Z', stop: '2026-11-17T16:00:00.000Z' },
      { task_log_id: 48213, start: '2026-11-17T16:00:00.000Z', stop: '2026-11-17T17:00:00.000Z' },
    ]);
    const done = responsesTo(h.slack, clickUrl).at(-1) ?? {};
    expect(String(done.text).split('\n').map((l) => l.slice(0, 12))).toEqual(['✓ 1. Logged ', '✓ 2. Logged ', '✓ 3. Logged ']);
    expect(done).toMatchObject({ replace_original: true });
  });

  it('nothing guessed: the entries are logged at once, one after another, and the answer lists each', async () => {
    const { answer } = await command('log 9-11 #48211; 11:30-13 #48212\n1h #48213');
    expect(posts()).toEqual([
      { task_log_id: 48211, start: '2026-11-18T12:00:00.000Z', stop: '2026-11-18T14:00:00.000Z' },
      { task_log_id: 48212, start: '2026-11-18T14:30:00.000Z', stop: '2026-11-18T16:00:00.000Z' },
      { task_log_id: 48213, start: '2026-11-18T16:00:00.000Z', stop: '2026-11-18T17:00:00.000Z' },
    ]);
    expect(String(answer.text).split('\n')).toHaveLength(3);
    expect(JSON.stringify(answer.blocks)).toMatch(/Wed 18 Nov: 4h 30m of 8h/);
  });

  it('a task to pick keeps Log all off until it is picked; Cancel writes nothing', async () => {
    const { answer: card } = await command('log 2h #48211 and 1h zzzz nothing matches');
    expect(String(card.text)).toContain('no open task of yours matches “zzzz nothing matches”');
    expect(buttonIn(card, 'line_log_all')).toBeUndefined();
    const url = h.slack.newResponseUrl();
    await h.send(buttonClick('line_cancel', buttonIn(card, 'line_cancel')?.value, { responseUrl: url }));
    expect(String(responsesTo(h.slack, url).at(-1)?.text)).toBe('Cancelled; none of these entries was logged.');
    expect(posts()).toHaveLength(0);
  });

  it('more than 10 entries get a clear answer; a part that cannot be read is named', async () => {
    const eleven = Array.from({ length: 11 }, () => '30m #48211').join(', ');
    expect(String((await command(`log ${eleven}`)).answer.text)).toContain('That is 11 entries; I log up to 10 at a time');
    expect(String((await command('log 2h #48211, 3 #48212', '2.trigger')).answer.text)).toMatch(/^In “3 #48212”: /);
    expect(posts()).toHaveLength(0);
  });

  it('resolving ten entries costs COR no more requests than resolving one', async () => {
    const reads = () => h.cor.exchanges.filter((e) => e.method === 'GET').length;
    // (COR reads for one entry: its task or the person's tasks, the day's hours, working time, their profile)
    await command('log 1h login flow');
    const one = reads(); // a guessed task: the question, after reading the person's tasks and day
    const other = await listenerHarness({ clock: new ManualClock(WEDNESDAY_1800) });
    try {
      await other.linkStored('U01JANE', 2, 'Jane Doe', BA);
      // Ten entries over three days, by words and by id: one read of their tasks, one of their hours.
      const days = ['yesterday', '2 days ago', '3 days ago'];
      const body = slashCommandBody(`log ${Array.from({ length: 10 }, (_, i) => `${i + 1}0m ${i % 2 ? 'login flow' : '#48212'} ${days[i % 3]}`).join(', ')}`, other.slack);
      await other.send(body);
      const card = await waitForResponse(other.slack, String(body.response_url), (m) => !String(m.text).startsWith('⏳'));
      expect(String(card.text)).toContain('Log these 10 entries?');
      expect(other.cor.exchanges.filter((e) => e.method === 'GET').length).toBeLessThanOrEqual(one);
    } finally {
      await other.close();
    }
  });

  it('a message to the bot with several entries: the same card in the conversation', async () => {
    const ts = '1763930000.000100';
    await h.send({ type: 'event_callback', team_id: 'T0DEMO', api_app_id: 'A0COR', token: 'x', event_id: 'Ev9', event_time: 1, event: { type: 'message', channel: 'D01JANE', channel_type: 'im', user: 'U01JANE', text: '2h #48211, 1h login flwo', ts, event_ts: ts } });
    const card = h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'D01JANE').at(-1);
    expect(String(card?.args.text)).toContain('Log these 2 entries?');
    expect(posts()).toHaveLength(0);
  });

  it('ranges and durations mixed: the durations go after the day’s ranges, never on top of them', async () => {
    await command('log 2h #48211, 9-11 #48212 yesterday');
    expect(posts()).toEqual([
      { task_log_id: 48211, start: '2026-11-17T14:00:00.000Z', stop: '2026-11-17T16:00:00.000Z' },
      { task_log_id: 48212, start: '2026-11-17T12:00:00.000Z', stop: '2026-11-17T14:00:00.000Z' },
    ]);
  });

  it('today, near the end of the block: the durations end by now, one after another, without overlapping', async () => {
    // 18:00 in Buenos Aires; 7h and 3h from 09:00 would end at 19:00: the block is moved to end at 18:00.
    await command('log 7h #48211, 3h #48212');
    expect(posts()).toEqual([
      { task_log_id: 48211, start: '2026-11-18T11:00:00.000Z', stop: '2026-11-18T18:00:00.000Z' },
      { task_log_id: 48212, start: '2026-11-18T18:00:00.000Z', stop: '2026-11-18T21:00:00.000Z' },
    ]);
  });

  it('COR cannot say what the day already has: the placed entries are asked about, not written blind', async () => {
    h.cor.addFault({ method: 'GET', path: '/hours', status: 503, times: 100 });
    const { answer } = await command('log 2h #48211, 1h #48212 yesterday');
    expect(String(answer.text)).toContain('❓ _check the time_');
    expect(posts()).toHaveLength(0);
  });

  it('at 01:00, durations that could only end by now by starting yesterday are asked about, as a single entry is', async () => {
    clock.set('2026-11-18T04:00:00Z'); // 01:00 in Buenos Aires
    const { answer } = await command('log 2h #48211, 1h #48212');
    expect(String(answer.text)).toMatch(/\*1\.\* \*2h\* .* Tue 17 Nov · 22:00–00:00 ❓ _check the time_/);
    expect(posts()).toHaveLength(0);
  });

  it('Log all closes the line first: a row edit or Cancel that comes after it changes nothing written', async () => {
    const { answer: card } = await command('log 1h #48211 and 1h login flwo');
    const logAll = buttonIn(card, 'line_log_all');
    await h.send(buttonClick('line_log_all', logAll?.value, { responseUrl: h.slack.newResponseUrl() }));
    // Late clicks on the old card change nothing, and leave Log all's answer where it is.
    expect(await pick(card, 0, 'line_duration', '240')).toEqual({});
    const url = h.slack.newResponseUrl();
    await h.send(buttonClick('line_cancel', buttonIn(card, 'line_cancel')?.value, { responseUrl: url }));
    expect(responsesTo(h.slack, url)).toHaveLength(0);
    expect(posts().map((p) => (p as { stop: string; start: string }).stop !== undefined)).toEqual([true, true]);
    expect(posts()[0]).toMatchObject({ task_log_id: 48211, start: '2026-11-18T12:00:00.000Z', stop: '2026-11-18T13:00:00.000Z' });
  });

  it('a range made longer on the card moves the day’s durations after it', async () => {
    const { answer: card } = await command('log 9-10 #48211, 2h login flwo yesterday');
    const longer = await pick(card, 0, 'line_duration', '120');
    expect(String(longer.text)).toContain('*1.* *2h* on *Homepage redesign - hero section* (Homepage redesign · Acme Foods) · Tue 17 Nov · 09:00–11:00');
    expect(String(longer.text)).toMatch(/\*2\.\* \*2h\* .* 11:00–13:00/);
  });

  it('pushed back to end by now over what the day has: asked, not written', async () => {
    // Today at 18:00 with 9-17 in the line: 3h more can only end by now by overlapping it.
    const { answer } = await command('log 9-17 #48211, 3h #48212');
    expect(posts()).toHaveLength(0);
    expect(String(answer.text)).toMatch(/\*2\.\* \*3h\* .* 15:00–18:00 ❓ _check the time_/);
  });

  it('an overlong line is refused at once, without reading it', async () => {
    const { answer } = await command(`log ${'qa, '.repeat(1_000)}`);
    expect(String(answer.text)).toBe('That is too long for me to read: up to 10 entries in one message (about 2,000 characters).');
  });
});
