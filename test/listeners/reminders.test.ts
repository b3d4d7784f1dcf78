import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.ts';
import { SlackReminderMessenger } from '../../src/slack/reminders/messenger.ts';
import type { UserLinkRecord } from '../../src/store/links.ts';
import { buttonClick, type ListenerHarness, listenerHarness, slashCommandBody, viewSubmission } from '../helpers/bolt.ts';

const BA = 'America/Argentina/Buenos_Aires';
/** Monday 23 Nov 2026, 17:31 in Buenos Aires (just past the default 17:30 reminder). */
const MONDAY_1731 = '2026-11-23T20:31:00Z';
const MINUTE = 60_000;

describe('daily reminder DMs through a real Bolt app', () => {
  let h: ListenerHarness;
  let clock: ManualClock;
  let jane: UserLinkRecord;

  const link = (slackUserId: string, corUserId: number, corName: string, tz: string) => h.linkStored(slackUserId, corUserId, corName, tz);

  beforeEach(async () => {
    clock = new ManualClock(MONDAY_1731);
    h = await listenerHarness({ clock });
    jane = await link('U01JANE', 2, 'Jane Doe', BA);
  });
  afterEach(() => h.close());

  const dmsTo = (user: string) => h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === user);
  const sweep = async () => {
    const report = await h.services.reminders.sweep(clock.now(), { explain: true });
    await h.services.work.drain(5_000);
    return report;
  };

  function click(actionId: string, value: string | undefined, user = 'U01JANE') {
    return h.send(buttonClick(actionId, value, { user, responseUrl: h.slack.newResponseUrl(), container: { type: 'message', channel_id: 'D01JANE', message_ts: '1.1', is_ephemeral: false } }));
  }

  function buttonValue(dm: { args: Record<string, unknown> } | undefined, actionId: string): string {
    const blocks = (dm?.args.blocks ?? []) as { accessory?: { action_id: string; value: string }; elements?: { action_id: string; value?: string }[] }[];
    for (const b of blocks) {
      if (b.accessory?.action_id === actionId) return b.accessory.value;
      const el = b.elements?.find((e) => e.action_id === actionId);
      if (el) return el.value ?? '';
    }
    throw new Error(`no ${actionId} button`);
  }

  it('a link stored without a zone: the sweep asks Slack, keeps the answer and reminds in that zone; unknown, no DM at all', async () => {
    clock.set('2026-11-23T17:31:00Z'); // 17:31 in UTC, 14:31 in São Paulo
    await h.linkStored('U03ANA', 4, 'Ana Souza', null); // Slack's profile says America/Sao_Paulo
    await h.linkStored('U09GHOST', 6, 'Nobody Known', null); // Slack knows no such user: no zone to be had
    const early = await sweep();
    expect(dmsTo('U03ANA')).toHaveLength(0); // not the 17:30 UTC a guessed zone would give
    expect(early.decisions.find((d) => d.link.slackUserId === 'U09GHOST')?.reason).toMatch(/time zone unknown/);
    expect((await h.db.store.links.find('T:T0DEMO', 'U03ANA'))?.tz).toBe('America/Sao_Paulo');
    clock.set('2026-11-23T20:31:00Z'); // 17:31 in São Paulo
    await sweep();
    expect(dmsTo('U03ANA')).toHaveLength(1);
    expect(dmsTo('U09GHOST')).toHaveLength(0);
  });

  it('a zone the runtime does not know is no zone: Slack is asked again, and everyone else is reminded all the same', async () => {
    await link('U03ANA', 4, 'Ana Souza', 'Etc/Unknown_Zone'); // Slack's profile now says America/Sao_Paulo
    // Slack's own profile says a zone nobody knows: no DM for him (no guessed zone), and he holds up no one.
    h.slack.addUser({ id: 'U05LUIS', team_id: 'T0DEMO', name: 'luis', real_name: 'Luis Unknown', tz: 'Etc/Unknown_Zone' });
    await link('U05LUIS', 6, 'Luis Unknown', 'Etc/Unknown_Zone');
    const report = await sweep();
    expect(dmsTo('U01JANE')).toHaveLength(1);
    expect(dmsTo('U03ANA')).toHaveLength(1);
    expect(dmsTo('U05LUIS')).toHaveLength(0);
    expect(report.decisions.find((d) => d.link.slackUserId === 'U05LUIS')?.reason).toMatch(/time zone unknown/);
    expect((await h.db.store.links.find('T:T0DEMO', 'U03ANA'))?.tz).toBe('America/Sao_Paulo');
    expect((await h.db.store.links.find('T:T0DEMO', 'U05LUIS'))?.tz).toBeNull();
    // A profile change to a zone nobody knows leaves the link's zone as it was.
    await h.send({
      type: 'event_callback',
      team_id: 'T0DEMO',
      api_app_id: 'A0COR',
      token: 'x',
      event_id: 'Ev2',
      event_time: 1,
      event: { type: 'user_change', user: { id: 'U01JANE', team_id: 'T0DEMO', tz: 'Mars/Olympus_Mons' }, event_ts: '1.2' },
    });
    expect((await h.db.store.links.findById(jane.id))?.tz).toBe(BA);
  });

  it('DMs exactly the people who are short on their workday, once, with the shortfall and recent tasks', async () => {
    await link('U03ANA', 4, 'Ana Souza', 'America/Sao_Paulo');
    await link('U04MIKE', 5, 'Mike Brown', 'Europe/London'); // COR working time: Tuesday and Thursday only
    const report = await sweep();
    expect(report.sent).toBe(2);
    expect(dmsTo('U04MIKE')).toHaveLength(0);
    expect(report.decisions.find((d) => d.link.slackUserId === 'U04MIKE')?.reason).toBe('not a workday in COR');

    const [dm] = dmsTo('U01JANE');
    expect(String(dm?.args.text)).toBe('⏰ Time to log your hours. You logged 0m of 8h today (Mon 23 Nov): 8h missing.');
    expect(JSON.stringify(dm?.args.blocks)).toContain('Campaña verano - copy'); // logged on Friday: a one-click button
    expect(String(dmsTo('U03ANA')[0]?.args.text)).toContain('0m of 6h'); // Ana's COR working day is 6h
    // Every batch of people is one GET /hours, not one per person.
    expect(h.cor.requestsTo('GET', '/hours')).toHaveLength(1);

    const again = await sweep();
    expect(again.sent).toBe(0);
    expect(dmsTo('U01JANE')).toHaveLength(1);
    expect(await h.db.store.reminders.findDelivery(jane.id, '2026-11-23')).toMatchObject({ state: 'sent', targetHours: 8, loggedHours: 0 });
  });

  it('is quiet before the reminder time, on a full-day leave, and halves the target on a half-day leave', async () => {
    clock.set('2026-11-23T20:29:00Z'); // 17:29 in Buenos Aires
    expect((await sweep()).sent).toBe(0);
    clock.set('2026-11-27T20:31:00Z'); // Friday: Jane has a flexday
    const friday = await sweep();
    expect(friday.decisions.find((d) => d.link.slackUserId === 'U01JANE')?.reason).toBe('on leave (flexday)');
    expect(dmsTo('U01JANE')).toHaveLength(0);

    await link('U03ANA', 4, 'Ana Souza', 'America/Sao_Paulo');
    clock.set('2026-11-25T20:31:00Z'); // Wednesday: Ana is away 09:00-13:00 local (medical)
    await sweep();
    expect(String(dmsTo('U03ANA')[0]?.args.text)).toContain('0m of 3h');
  });

  it('"Log 1h" writes one entry on that day and the DM redraws itself until the day is full', async () => {
    await sweep();
    const value = buttonValue(dmsTo('U01JANE')[0], 'reminder_log_task');
    await click('reminder_log_task', value);
    await click('reminder_log_task', value); // a second click on the same button writes nothing more
    const posts = h.cor.requestsTo('POST', '/hours');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toEqual({ task_log_id: JSON.parse(value).t, start: '2026-11-23T12:00:00.000Z', stop: '2026-11-23T13:00:00.000Z' });
    const updates = h.slack.callsTo('chat.update');
    expect(String(updates.at(-1)?.args.text)).toContain('1h of 8h');

    // The rest of the day, logged with a command: the DM turns into a thank-you.
    await h.send(slashCommandBody('log 7h #48211 today', h.slack));
    await h.services.work.drain(5_000);
    expect(String(h.slack.callsTo('chat.update').at(-1)?.args.text)).toBe('✓ 8h logged today (Mon 23 Nov). Thanks!');
    expect(await h.db.store.reminders.findDelivery(jane.id, '2026-11-23')).toMatchObject({ state: 'done', loggedHours: 8 });
  });

  it('"Log 1h" that could only be placed over the day\'s entries (the day is logged up to now) writes nothing and says why', async () => {
    await sweep();
    const value = buttonValue(dmsTo('U01JANE')[0], 'reminder_log_task');
    await h.send(slashCommandBody('log 9:00-17:00 #48211 today', h.slack));
    await h.services.work.drain(5_000);
    const posts = h.cor.requestsTo('POST', '/hours').length;
    await click('reminder_log_task', value);
    await h.services.work.drain(5_000);
    expect(h.cor.requestsTo('POST', '/hours')).toHaveLength(posts);
    expect(String(h.slack.responses.at(-1)?.body.text)).toMatch(/overlaps time already logged|ends later than now/);
    expect(String(h.slack.responses.at(-1)?.body.text)).toContain('Nothing was logged');
  });

  it('a DM works the moment it is out, while the paced sweep still sends the others: Snooze takes, and stays', async () => {
    await h.close();
    h = await listenerHarness({ clock, reminderSendsPerSecond: 1 }); // one DM a second per workspace: the second waits
    jane = await link('U01JANE', 2, 'Jane Doe', BA);
    await link('U03ANA', 4, 'Ana Souza', 'America/Sao_Paulo');
    const sweeping = sweep();
    const first = await h.slack.waitFor(() => h.slack.callsTo('chat.postMessage')[0]);
    const user = String(first.args.channel);
    const linkId = user === 'U01JANE' ? jane.id : ((await h.db.store.links.find('T:T0DEMO', 'U03ANA'))?.id ?? '');
    const stateOfFirst = async () => (await h.db.store.reminders.findDelivery(linkId, '2026-11-23'))?.state;
    for (let tries = 0; (await stateOfFirst()) !== 'sent' && tries < 200; tries++) await new Promise((r) => setTimeout(r, 5));
    // Recorded as sent while the paced sweep still waits to send the other DM.
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1);
    await click('reminder_snooze', buttonValue(first, 'reminder_snooze'), user);
    expect(h.slack.responses.at(-1)?.body).toMatchObject({ text: expect.stringContaining('Snoozed') });
    expect((await sweeping).sent).toBe(2);
    expect(await stateOfFirst()).toBe('snoozed'); // the end of the batch did not turn it back into "sent"
  });

  it('snooze sends the reminder again an hour later; skip stops it for the day', async () => {
    await sweep();
    const value = buttonValue(dmsTo('U01JANE')[0], 'reminder_snooze');
    await click('reminder_snooze', value);
    expect(h.slack.responses.at(-1)?.body).toMatchObject({ replace_original: true, text: '😴 Snoozed: I will remind you again at 18:31.' });
    clock.advance(30 * MINUTE);
    expect((await sweep()).sent).toBe(0);
    clock.advance(31 * MINUTE);
    expect((await sweep()).sent).toBe(1);
    expect(dmsTo('U01JANE')).toHaveLength(2);

    await click('reminder_skip', buttonValue(dmsTo('U01JANE')[1], 'reminder_skip'));
    expect(String(h.slack.responses.at(-1)?.body.text)).toContain('no more reminders for Mon 23 Nov');
    clock.advance(120 * MINUTE);
    expect((await sweep()).sent).toBe(0);
    expect((await h.services.reminders.settings(jane)).skipDates).toEqual(['2026-11-23']);
  });

  it('refuses a button naming someone else’s reminder', async () => {
    await link('U03ANA', 4, 'Ana Souza', 'America/Sao_Paulo');
    await sweep();
    const janes = buttonValue(dmsTo('U01JANE')[0], 'reminder_log_task');
    const responses = h.slack.responses.length;
    await click('reminder_log_task', janes, 'U03ANA');
    await click('reminder_snooze', janes, 'U03ANA');
    await click('reminder_log_task', '{"d":"not-json', 'U03ANA');
    expect(h.cor.requestsTo('POST', '/hours')).toHaveLength(0);
    expect(h.slack.responses.length).toBe(responses);
    expect((await h.db.store.reminders.findDelivery(jane.id, '2026-11-23'))?.state).toBe('sent');
    expect(h.logText()).toContain('refused a reminder button');
  });

  it('COR down during a sweep delays the DM, then sends it once', async () => {
    h.cor.addFault({ method: 'GET', path: '/hours', status: 503, times: 100 });
    const down = await sweep();
    expect(down.delayed).toBe(1);
    expect(dmsTo('U01JANE')).toHaveLength(0);
    h.cor.clearFaults();
    clock.advance(2 * MINUTE);
    expect((await sweep()).sent).toBe(0); // not before the retry time
    clock.advance(4 * MINUTE);
    expect((await sweep()).sent).toBe(1);
    clock.advance(MINUTE);
    expect((await sweep()).sent).toBe(0);
    expect(dmsTo('U01JANE')).toHaveLength(1);
  });

  it('a DM sent by an attempt that died before recording it is found, not sent again', async () => {
    const delivery = await h.db.store.reminders.claimDelivery(jane.id, '2026-11-23', 'day', clock.now(), 5 * MINUTE);
    if (!delivery) throw new Error('no claim');
    // The crashed attempt got as far as posting the DM.
    const sent = await new SlackReminderMessenger(h.services.clients, clock, h.services.languages).send(jane, delivery, { kind: 'day', aboutDate: '2026-11-23', logged: 0, target: 8, recentTasks: [], targetNote: undefined });
    expect(sent.ok).toBe(true);
    clock.advance(6 * MINUTE); // the lease runs out
    const report = await sweep();
    expect(report.sent).toBe(1);
    expect(dmsTo('U01JANE')).toHaveLength(1);
    expect(await h.db.store.reminders.findDelivery(jane.id, '2026-11-23')).toMatchObject({ state: 'sent', attempts: 2, messageTs: sent.ok ? sent.messageTs : '' });
  });

  it.each([
    ['the connection closes', 'reset'],
    ['no answer comes in time', 'silence'],
  ] as const)('a DM whose answer is lost (%s) is one DM: the next attempt finds it by its metadata', async (_, how) => {
    h.slack.dropAnswers('chat.postMessage', { channel: 'U01JANE', how });
    expect(await sweep()).toMatchObject({ sent: 0, delayed: 1 });
    clock.advance(6 * MINUTE); // its retry time
    expect((await sweep()).sent).toBe(1);
    expect(dmsTo('U01JANE')).toHaveLength(1);
    const posted = h.slack.messages.get('D01JANE')?.[0];
    expect(await h.db.store.reminders.findDelivery(jane.id, '2026-11-23')).toMatchObject({ state: 'sent', attempts: 2, messageTs: posted?.ts });
  });

  it('respects the Slack away status when asked to', async () => {
    await h.services.reminders.saveSettings(jane, { ...(await h.services.reminders.settings(jane)), respectAway: true });
    const user = h.slack.users.get('T0DEMO/U01JANE');
    if (user) user.status_emoji = ':palm_tree:';
    const report = await sweep();
    expect(report.decisions.find((d) => d.link.slackUserId === 'U01JANE')?.reason).toBe('away (Slack status)');
    expect(dmsTo('U01JANE')).toHaveLength(0);
  });

  it('/cor remind shows and changes the settings in words', async () => {
    const answer = async (text: string) => {
      const body = slashCommandBody(`remind ${text}`.trim(), h.slack);
      await h.send(body);
      return h.slack.responses.filter((r) => r.body && String(body.response_url).endsWith(r.id)).at(-1)?.body;
    };
    expect(String((await answer(''))?.text)).toContain('Daily reminder at *17:30*');
    expect(String((await answer('at 6pm weekdays mon-thu target 6h skip tomorrow'))?.text)).toContain('✓ Saved.');
    expect(await h.services.reminders.settings(jane)).toMatchObject({ localTime: '18:00', weekdays: [1, 2, 3, 4], targetHours: 6, skipDates: ['2026-11-24'] });
    expect(String((await answer('banana'))?.text)).toContain('I did not understand "banana"');
    expect(String((await answer('off'))?.text)).toContain('Reminders are *off*');
  });

  it('the Settings button opens the form; the form saves, with mistakes shown on their field', async () => {
    await click('reminder_settings', undefined);
    const view = h.slack.callsTo('views.open')[0]?.args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('reminder_settings_modal');
    const submit = (target: string | null, user = 'U01JANE') =>
      h.send(
        viewSubmission('reminder_settings_modal', {
          meta: view.private_metadata,
          user,
          viewId: 'VSET',
          values: {
            enabled: { enabled_value: { type: 'checkboxes', selected_options: [{ value: 'on' }] } },
            time: { time_value: { type: 'timepicker', selected_time: '18:15' } },
            weekdays: { weekdays_value: { type: 'checkboxes', selected_options: [{ value: '1' }, { value: '3' }] } },
            target: { target_value: { type: 'plain_text_input', value: target } },
            morning: { morning_value: { type: 'checkboxes', selected_options: [] } },
            morning_time: { morning_time_value: { type: 'timepicker', selected_time: '09:30' } },
            away: { away_value: { type: 'checkboxes', selected_options: [{ value: 'on' }] } },
          },
        }),
      );
    expect((await submit('30h')).body).toMatchObject({ response_action: 'errors', errors: { target: expect.stringContaining('at most 24h') } });
    expect((await submit('7h30', 'U02JOHN')).body).toMatchObject({ response_action: 'errors' });
    expect((await submit('7h30')).body).toBeUndefined();
    expect(await h.services.reminders.settings(jane)).toMatchObject({ enabled: true, localTime: '18:15', weekdays: [1, 3], targetHours: 7.5, respectAway: true, morningRecap: false });
  });

  it('a profile change moves the person’s reminders to their new time zone', async () => {
    await h.send({
      type: 'event_callback',
      team_id: 'T0DEMO',
      api_app_id: 'A0COR',
      token: 'x',
      event_id: 'Ev1',
      event_time: 1,
      event: { type: 'user_change', user: { id: 'U01JANE', team_id: 'T0DEMO', tz: 'Europe/Madrid', locale: 'es-ES' }, event_ts: '1.1' },
    });
    expect(await h.db.store.links.findById(jane.id)).toMatchObject({ tz: 'Europe/Madrid', locale: 'es-ES' });
  });

  it('Slack 429s during a sweep: every due DM goes out once, after the Retry-After', async () => {
    for (let id = 6; id <= 15; id++) await link(`U0${id}`, id, `Demo Person ${id}`, BA);
    h.slack.setRateLimit('chat.postMessage', 4);
    const report = await sweep();
    expect(report.sent).toBe(11);
    const posted = [...h.slack.messages.entries()].map(([channel, messages]) => [channel, messages.length]);
    expect(posted).toHaveLength(11);
    expect(posted.every(([, n]) => n === 1)).toBe(true);
    expect(h.slack.callsTo('chat.postMessage').length).toBe(11);
  }, 30_000);

  it('hours logged in COR itself show up: the catch-up redraws open DMs', async () => {
    await sweep();
    h.cor.data.hours.push({ id: 99001, user_id: 2, task_log_id: 48211, start: '2026-11-23 12:00:00', stop: '2026-11-23 20:00:00', comments: null, created_at: '2026-11-23 20:00:00' });
    expect(await h.services.reminders.catchUp(clock.now())).toBe(1);
    expect(String(h.slack.callsTo('chat.update').at(-1)?.args.text)).toBe('✓ 8h logged today (Mon 23 Nov). Thanks!');
    expect(await h.services.reminders.catchUp(clock.now())).toBe(0);
  });

  it('the morning recap is about the previous workday (Friday, on a Monday morning)', async () => {
    await h.services.reminders.saveSettings(jane, { ...(await h.services.reminders.settings(jane)), morningRecap: true });
    clock.set('2026-11-23T12:31:00Z'); // 09:31 in Buenos Aires
    expect((await sweep()).sent).toBe(1);
    expect(String(dmsTo('U01JANE')[0]?.args.text)).toBe('☀️ Before you start: your last workday. You logged 2h of 8h on Fri 20 Nov: 6h missing.');
  });

  it('a write before the DM is sent does not keep the DM from redrawing after later writes', async () => {
    await h.send(slashCommandBody('log 1h #48211 today', h.slack, { trigger_id: 'before-dm' })); // no DM yet: nothing to redraw
    await h.services.work.drain(5_000);
    expect((await sweep()).sent).toBe(1);
    expect(String(dmsTo('U01JANE')[0]?.args.text)).toContain('1h of 8h');
    await h.send(slashCommandBody('log 2h #48211 today', h.slack, { trigger_id: 'after-dm' }));
    await h.services.work.drain(5_000);
    expect(String(h.slack.callsTo('chat.update').at(-1)?.args.text)).toContain('3h of 8h');
  });
});

