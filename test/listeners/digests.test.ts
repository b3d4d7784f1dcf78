import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CompanyFacts } from '../../src/domain/company-facts.ts';
import { DigestService } from '../../src/domain/digests/service.ts';
import { CorTimes } from '../../src/domain/time-entries/cor-times.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { SlackDigestMessenger } from '../../src/slack/digests/messenger.ts';
import { SlackProfileDirectory } from '../../src/slack/directory.ts';
import { buttonClick, type ListenerHarness, listenerHarness, slashCommandBody, viewSubmission } from '../helpers/bolt.ts';
import { isPng, pngSize } from '../helpers/png.ts';
import { memoryLogger } from '../helpers/logger.ts';
import { responsesTo, waitForResponse } from '../helpers/linking.ts';
import { buttonValue } from '../helpers/payloads.ts';

const NY = 'America/New_York';
const BA = 'America/Argentina/Buenos_Aires';
/** Monday 30 Nov 2026, 08:59 in New York (the PM's zone): a minute before the digest's 09:00. */
const MONDAY_0859_NY = '2026-11-30T13:59:00Z';

describe('leads’ digests through a real Bolt app', () => {
  let h: ListenerHarness;
  let clock: ManualClock;

  beforeEach(async () => {
    clock = new ManualClock(MONDAY_0859_NY);
    h = await listenerHarness({ clock });
    await h.linkStored('U02JOHN', 3, 'John Smith', NY); // Project Manager in COR
    await h.linkStored('U08CARLA', 1, 'Carla Admin', BA); // C-Level
    await h.linkStored('U01JANE', 2, 'Jane Doe', BA); // Collaborator; a flexday on Friday 27 Nov
    await h.linkStored('U03ANA', 4, 'Ana Souza', 'America/Sao_Paulo'); // 6h a day
    await h.linkStored('U06PAT', 6, 'Demo Person 6', BA);
    await h.linkStored('U07SAM', 7, 'Demo Person 7', BA);
    await h.linkStored('U08LEE', 8, 'Demo Person 8', BA);
    // U04MIKE is in the group but not linked to COR.
    h.slack.usergroups.set('T0DEMO/S0DESIGN', { id: 'S0DESIGN', team_id: 'T0DEMO', name: 'Design team', handle: 'design', users: ['U01JANE', 'U03ANA', 'U04MIKE', 'U06PAT', 'U07SAM', 'U08LEE'] });
    // Friday 27 Nov: Ana 2h (she works Monday to Thursday), Pat 9h of 8h, Sam 5h of 8h, Lee 2h of 8h.
    const hour = (id: number, user: number, start: string, stop: string) => h.cor.data.hours.push({ id, user_id: user, task_log_id: 48211, start, stop, comments: null, created_at: stop });
    hour(99001, 4, '2026-11-27 12:00:00', '2026-11-27 14:00:00');
    hour(99002, 6, '2026-11-27 11:00:00', '2026-11-27 20:00:00');
    hour(99003, 7, '2026-11-27 12:00:00', '2026-11-27 17:00:00');
    hour(99004, 8, '2026-11-27 12:00:00', '2026-11-27 14:00:00');
  });
  afterEach(() => h.close());

  const channelPosts = () => h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0LEADS');
  const dmsTo = (user: string) => h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === user);

  /** The digest form sent as Slack sends it: `meta` from the opened form; fields left out are empty. */
  function digestForm(meta: string, f: { people?: string[]; group?: string; project?: string; channel?: string; schedule?: string; time?: string; short?: string; chart?: boolean }) {
    return viewSubmission('digest_modal', {
      meta,
      user: 'U02JOHN',
      values: {
        ...(f.project ? { project: { project_value: { type: 'checkboxes', selected_options: [{ value: f.project }] } } } : {}),
        people: { people_value: { type: 'multi_users_select', selected_users: f.people ?? [] } },
        usergroup: { usergroup_value: { type: 'external_select', selected_option: f.group ? { value: f.group } : null } },
        channel: { channel_value: { type: 'conversations_select', selected_conversation: f.channel ?? null } },
        schedule: { schedule_value: { type: 'static_select', selected_option: { value: f.schedule ?? 'daily' } } },
        time: { time_value: { type: 'timepicker', selected_time: f.time ?? '09:00' } },
        short: { short_value: { type: 'plain_text_input', value: f.short ?? null } },
        ...(f.chart === undefined ? {} : { chart: { chart_value: { type: 'checkboxes', selected_options: f.chart ? [{ value: 'on' }] : [] } } }),
      },
    });
  }

  async function command(text: string, user: string): Promise<Record<string, unknown>> {
    const body = slashCommandBody(text, h.slack, { user_id: user, trigger_id: `${user}.${text}` });
    await h.send(body);
    return waitForResponse(h.slack, String(body.response_url), (m) => !String(m.text).startsWith('⏳'));
  }

  async function setUpDailyDigest(chart?: boolean): Promise<void> {
    const card = await command('digest', 'U02JOHN');
    expect(String(card.text)).toContain('You have no digests yet');
    await h.send(buttonClick('digest_new', 'new', { user: 'U02JOHN', responseUrl: h.slack.newResponseUrl() }));
    const opened = h.slack.callsTo('views.update').at(-1)?.args.view as { private_metadata: string };
    const ack = await h.send(
      digestForm(opened.private_metadata, { group: 'S0DESIGN', channel: 'C0LEADS', ...(chart === undefined ? {} : { chart }) }),
    );
    expect(ack.body).toBeUndefined();
    const [saved] = await h.db.store.digests.ofOwner('T:T0DEMO', 'U02JOHN');
    expect(saved).toMatchObject({ audience: { kind: 'usergroup', usergroupId: 'S0DESIGN' }, channelId: 'C0LEADS', schedule: 'daily', localTime: '09:00', tz: NY, shortUnderHours: null });
  }

  it('a PM sets up a daily digest for a user group; at its time one message: on leave, unlinked, over target, two short', async () => {
    await setUpDailyDigest();
    await h.services.digests.sweep(clock.now());
    expect(channelPosts()).toHaveLength(0); // 08:59: not yet
    clock.set('2026-11-30T14:01:00Z'); // 09:01 in New York
    await h.services.digests.sweep(clock.now());
    await h.services.digests.sweep(clock.now());
    expect(channelPosts()).toHaveLength(1);
    const text = JSON.stringify(channelPosts()[0]?.args.blocks);
    expect(String(channelPosts()[0]?.args.text)).toBe('Hours for Fri 27 Nov: 2 of 6 people are short.');
    // Short first, by how much they miss; then the others; then on leave; then not linked. Names, never mentions.
    const order = ['Demo Person 8', 'Demo Person 7', 'Demo Person 6', 'Ana Souza', 'Jane Doe', 'Mike Brown'].map((n) => text.indexOf(n));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > (order[i - 1] as number)))).toBe(true);
    expect(text).toContain('*Demo Person 8* — 2h of 8h — *6h short*');
    expect(text).toContain('*Demo Person 7* — 5h of 8h — *3h short*');
    expect(text).toContain('*Ana Souza* — 2h (no hours expected)');
    expect(text).toContain('*Demo Person 6* — 9h of 8h ✓');
    expect(text).toContain('*Jane Doe* — on leave');
    expect(text).toContain('*Mike Brown* — not linked to COR');
    expect(text).not.toMatch(/<@U/);
  });

  it('a digest carries its chart in its thread: a PNG of each person’s hours against their own target, once', async () => {
    await setUpDailyDigest(true);
    clock.set('2026-11-30T14:01:00Z'); // 09:01 in New York
    await h.services.digests.sweep(clock.now());
    await h.services.digests.sweep(clock.now());
    expect(channelPosts()).toHaveLength(1);
    expect(h.slack.files).toHaveLength(1);
    const [file] = h.slack.files;
    expect(file).toMatchObject({ completed: true, channel: 'C0LEADS', threadTs: h.slack.messages.get('C0LEADS')?.[0]?.ts, title: 'Hours for Fri 27 Nov against each person’s target' });
    expect(isPng(file?.bytes as Buffer)).toBe(true);
    expect(pngSize(file?.bytes as Buffer)).toEqual({ width: 1000, height: 500 });
    // The people of the digest in its order (short first); who is on leave or not linked is not drawn.
    expect(file?.altText).toBe('Hours for Fri 27 Nov against each person’s target. Demo Person 8: 2h of 8h, Demo Person 7: 5h of 8h, Demo Person 6: 9h of 8h and Ana Souza: 2h (no hours expected).');
  });

  it('a digest whose chart is turned off in the form posts none; a refused chart leaves the digest posted once, logged', async () => {
    await setUpDailyDigest(false);
    expect((await h.db.store.digests.ofOwner('T:T0DEMO', 'U02JOHN'))[0]?.withChart).toBe(false);
    // Edit shows it off.
    const [saved] = await h.db.store.digests.ofOwner('T:T0DEMO', 'U02JOHN');
    await h.send(buttonClick('digest_edit', saved?.id, { user: 'U02JOHN', responseUrl: h.slack.newResponseUrl() }));
    const edit = h.slack.callsTo('views.update').at(-1)?.args.view as { blocks: { block_id?: string; element?: { initial_options?: unknown[] } }[] };
    expect(edit.blocks.find((b) => b.block_id === 'chart')?.element?.initial_options).toBeUndefined();
    clock.set('2026-11-30T14:01:00Z');
    await h.services.digests.sweep(clock.now());
    expect(channelPosts()).toHaveLength(1);
    expect(h.slack.files).toHaveLength(0);

    // Turned on again (Edit), the next day's digest has one; Slack refusing it leaves the digest as it is.
    await h.db.store.digests.update(saved?.id as string, { ...(saved as NonNullable<typeof saved>), withChart: true });
    h.slack.failNext('files.getUploadURLExternal', 'internal_error');
    clock.set('2026-12-01T14:01:00Z');
    expect((await h.services.digests.sweep(clock.now())).sent).toBe(1);
    await h.services.digests.sweep(clock.now());
    expect(channelPosts()).toHaveLength(2);
    expect(h.slack.callsTo('files.getUploadURLExternal')).toHaveLength(1);
    expect(h.logText()).toContain('digest chart not shared');
  });

  it('Nudge sends the person one DM once, even clicked twice and by two leads; the lead hears who was nudged', async () => {
    await setUpDailyDigest();
    clock.set('2026-11-30T14:01:00Z');
    await h.services.digests.sweep(clock.now());
    const digest = channelPosts()[0]?.args ?? {};
    const leeLink = await h.db.store.links.find('T:T0DEMO', 'U08LEE');
    await h.db.store.reminders.saveSetting({ ...(await h.db.store.reminders.getSetting(leeLink?.id ?? '')), morningRecap: true });
    const leeValue = ((digest.blocks ?? []) as { text?: { text: string }; accessory?: { action_id: string; value: string } }[]).find((b) => b.text?.text.startsWith('*Demo Person 8*'))?.accessory?.value ?? '';
    const answers: string[] = [];
    for (const lead of ['U02JOHN', 'U02JOHN', 'U08CARLA']) {
      const url = h.slack.newResponseUrl();
      await h.send(buttonClick('digest_nudge', leeValue, { user: lead, responseUrl: url }));
      answers.push(String(responsesTo(h.slack, url).at(-1)?.text));
    }
    expect(answers).toEqual(['✓ Nudged <@U08LEE>.', 'Already nudged today: <@U08LEE>.', 'Already nudged today: <@U08LEE>.']);
    const nudges = dmsTo('U08LEE');
    expect(nudges).toHaveLength(1);
    // Lee uses the morning recap: her nudge is that day's recap, with its one-click Log 1h (and a reply in its thread
    // logs on that day).
    expect(String(nudges[0]?.args.text)).toBe('☀️ Before you start: your last workday. You logged 2h of 8h on Fri 27 Nov: 6h missing.');
    expect(JSON.stringify(nudges[0]?.args.blocks)).toContain('reminder_log_task');
    const lee = await h.db.store.links.find('T:T0DEMO', 'U08LEE');
    expect(await h.db.store.reminders.findDelivery(lee?.id ?? '', '2026-11-30', 'morning')).toMatchObject({ state: 'sent', aboutDate: '2026-11-27' });

    // Nudge everyone short: Sam now; Lee already had hers.
    const url = h.slack.newResponseUrl();
    await h.send(buttonClick('digest_nudge_all', buttonValue(digest, 'digest_nudge_all'), { user: 'U02JOHN', responseUrl: url }));
    expect(String(responsesTo(h.slack, url).at(-1)?.text)).toBe('✓ Nudged <@U07SAM>. Already nudged today: <@U08LEE>.');
    expect(dmsTo('U08LEE')).toHaveLength(1);
    expect(String(dmsTo('U07SAM')[0]?.args.text)).toBe('⏰ <@U02JOHN> asked me to remind you: you logged 5h of 8h for Fri 27 Nov.');
    expect(dmsTo('U03ANA')).toHaveLength(0);
    expect(dmsTo('U07SAM')).toHaveLength(1);
    expect(dmsTo('U06PAT')).toHaveLength(0);

    // Send link beside someone not linked: the link card, by DM.
    const mike = ((digest.blocks ?? []) as { text?: { text: string }; accessory?: { action_id: string; value: string } }[]).find((b) => b.text?.text.startsWith('*Mike Brown*'))?.accessory;
    expect(mike?.action_id).toBe('digest_send_link');
    await h.send(buttonClick('digest_send_link', mike?.value, { user: 'U02JOHN', responseUrl: h.slack.newResponseUrl() }));
    expect(String(dmsTo('U04MIKE').at(-1)?.args.text)).toContain('First, link your COR account');
  });

  it('a collaborator is refused, by the command and by the buttons (a digest’s Nudge and Send link included)', async () => {
    const refused = await command('digest', 'U01JANE');
    expect(String(refused.text)).toBe('Digests are for leads: only people with the C-Level, Director or Project Manager role in COR can set them up.');
    await h.send(buttonClick('digest_new', 'new', { user: 'U01JANE', responseUrl: h.slack.newResponseUrl() }));
    // The form opens at once (the trigger lasts 3 s) and, COR having said no, says so instead of the form.
    const shown = h.slack.callsTo('views.update').at(-1)?.args.view as { submit?: unknown; blocks: unknown[] };
    expect(shown.submit).toBeUndefined();
    expect(JSON.stringify(shown.blocks)).toContain('Digests are for leads');

    await setUpDailyDigest();
    clock.set('2026-11-30T14:01:00Z');
    await h.services.digests.sweep(clock.now());
    const digest = channelPosts()[0]?.args ?? {};
    const blocks = (digest.blocks ?? []) as { text?: { text: string }; accessory?: { action_id: string; value: string } }[];
    const lee = blocks.find((b) => b.text?.text.startsWith('*Demo Person 8*'))?.accessory?.value ?? '';
    const mike = blocks.find((b) => b.text?.text.startsWith('*Mike Brown*'))?.accessory?.value ?? '';
    // Sam, in the digest's channel, clicks Nudge on Lee, Nudge everyone short, and Send link on Mike.
    await h.send(buttonClick('digest_nudge', lee, { user: 'U07SAM', responseUrl: h.slack.newResponseUrl() }));
    await h.send(buttonClick('digest_nudge_all', buttonValue(digest, 'digest_nudge_all'), { user: 'U07SAM', responseUrl: h.slack.newResponseUrl() }));
    await h.send(buttonClick('digest_send_link', mike, { user: 'U07SAM', responseUrl: h.slack.newResponseUrl() }));
    expect(dmsTo('U08LEE')).toHaveLength(0);
    expect(dmsTo('U04MIKE')).toHaveLength(0);
    expect(await h.db.store.digests.nudgedOn('T:T0DEMO', '2026-11-30')).toEqual(new Set());
  });

  it('a digest left by a stopped instance is sent by another once its lease runs out; a lead who unlinks has no more digests', async () => {
    await setUpDailyDigest();
    clock.set('2026-11-30T14:01:00Z');
    const [digest] = await h.db.store.digests.ofOwner('T:T0DEMO', 'U02JOHN');
    // An instance claimed it and stopped before posting.
    expect(await h.db.store.digests.claim(digest?.id ?? '', 'daily:2026-11-27', clock.now(), 60_000)).toBeDefined();
    expect((await h.services.digests.sweep(clock.now())).due).toBe(0);
    clock.advance(61_000);
    expect((await h.services.digests.sweep(clock.now())).sent).toBe(1);
    expect(channelPosts()).toHaveLength(1);
    // Tuesday: an instance stops while handing the digest to Slack. It may be out: never posted again, the lead is told.
    clock.set('2026-12-01T14:01:00Z');
    const tuesday = await h.db.store.digests.claim(digest?.id ?? '', 'daily:2026-11-30', clock.now(), 60_000);
    await h.db.store.digests.markPosting(tuesday?.id ?? '');
    clock.advance(61_000);
    await h.services.digests.sweep(clock.now());
    await h.services.digests.sweep(clock.now());
    expect(channelPosts()).toHaveLength(1);
    expect(dmsTo('U02JOHN').map((c) => String(c.args.text))).toEqual([
      'I cannot tell whether your digest about Mon 30 Nov went out in <#C0LEADS> (I was stopped, or Slack did not answer, while posting it). Look there; I did not post it again, so it cannot show twice.',
    ]);
    // John unlinks: his digests go with his link.
    await h.send(slashCommandBody('unlink', h.slack, { user_id: 'U02JOHN', trigger_id: 'unlink.1' }));
    expect(await h.db.store.digests.ofOwner('T:T0DEMO', 'U02JOHN')).toHaveLength(0);
  });

  it('a digest whose zone the runtime does not know (stored before zones were checked) is skipped and logged; the others go out', async () => {
    await h.db.store.digests.create({
      tenantKey: 'T:T0DEMO',
      ownerSlackUserId: 'U08CARLA',
      audience: { kind: 'people', slackUserIds: ['U01JANE'] },
      channelId: 'U08CARLA',
      schedule: 'daily',
      localTime: '09:00',
      tz: 'Etc/Unknown_Zone',
      shortUnderHours: null,
      language: null,
    });
    await setUpDailyDigest();
    clock.set('2026-11-30T14:01:00Z');
    const report = await h.services.digests.sweep(clock.now());
    expect(report.sent).toBe(1);
    expect(channelPosts()).toHaveLength(1);
    expect(h.logText()).toContain('could not be worked out');
  });

  it('two instances sweeping at once send the digest once', async () => {
    await setUpDailyDigest();
    clock.set('2026-11-30T14:01:00Z');
    const other = new DigestService({
      digests: h.db.store.digests,
      links: h.db.store.links,
      settings: h.db.store.reminders,
      company: new CompanyFacts(h.appCor, clock),
      appCor: h.appCor,
      slack: new SlackDigestMessenger(h.services.clients, new SlackProfileDirectory(h.services.clients, clock), clock, h.services.languages),
      times: new CorTimes(),
      clock,
      logger: memoryLogger().logger,
    });
    const reports = await Promise.all([h.services.digests.sweep(clock.now()), other.sweep(clock.now())]);
    expect(reports.map((r) => r.sent).sort()).toEqual([0, 1]);
    expect(channelPosts()).toHaveLength(1);
  });

  it('App Home: a person in a digest sees who receives it; the lead sees it with its buttons, and pauses it there', async () => {
    await setUpDailyDigest();
    const open = (user: string) =>
      h.send({ type: 'event_callback', team_id: 'T0DEMO', api_app_id: 'A0COR', token: 'x', event_id: `Ev${user}${Math.random()}`, event_time: 1, event: { type: 'app_home_opened', user, channel: 'D1', tab: 'home', event_ts: '1.1' } });
    const home = (user: string) => JSON.stringify(h.slack.callsTo('views.publish').filter((c) => c.args.user_id === user).at(-1)?.args.view);
    await open('U07SAM');
    expect(home('U07SAM')).toContain('*Summaries that include you* (your hours against your target; never rates or notes)\\n• <@U02JOHN> gets one each workday at 09:00, posted in <#C0LEADS>');
    await open('U08CARLA');
    expect(home('U08CARLA')).toContain('*Summaries that include you*: none.');
    await open('U02JOHN');
    expect(home('U02JOHN')).toContain('*Your digests*');
    const [digest] = await h.db.store.digests.ofOwner('T:T0DEMO', 'U02JOHN');
    await h.send({ ...buttonClick('digest_pause', digest?.id, { user: 'U02JOHN', container: { type: 'view', view_id: 'VHOME' } }), view: { id: 'VHOME', type: 'home' } });
    expect((await h.db.store.digests.get(digest?.id ?? ''))?.paused).toBe(true);
    expect(home('U02JOHN')).toContain('⏸ each workday at 09:00');
    clock.set('2026-11-30T14:01:00Z');
    expect((await h.services.digests.sweep(clock.now())).due).toBe(0); // paused: not sent
  });

  it('App Home reads who a digest includes from the list kept when it was saved and sent: no user group or COR read on open', async () => {
    const open = (user: string) =>
      h.send({ type: 'event_callback', team_id: 'T0DEMO', api_app_id: 'A0COR', token: 'x', event_id: `Ev${user}${Math.random()}`, event_time: 1, event: { type: 'app_home_opened', user, channel: 'D1', tab: 'home', event_ts: '1.1' } });
    const home = (user: string) => JSON.stringify(h.slack.callsTo('views.publish').filter((c) => c.args.user_id === user).at(-1)?.args.view);
    const groupReads = () => h.slack.callsTo('usergroups.users.list').length;
    await setUpDailyDigest();
    // Three more digests of user groups, each saved through the form.
    for (const [i, id] of ['S0QA', 'S0OPS', 'S0DATA'].entries()) {
      h.slack.usergroups.set(`T0DEMO/${id}`, { id, team_id: 'T0DEMO', name: id, handle: id.toLowerCase(), users: i === 0 ? ['U07SAM'] : ['U08LEE'] });
      await h.send(buttonClick('digest_new', 'new', { user: 'U02JOHN', responseUrl: h.slack.newResponseUrl() }));
      const opened = h.slack.callsTo('views.update').at(-1)?.args.view as { private_metadata: string };
      await h.send(digestForm(opened.private_metadata, { group: id, channel: 'C0LEADS', time: '10:00' }));
    }
    expect(await h.db.store.digests.ofOwner('T:T0DEMO', 'U02JOHN')).toHaveLength(4);
    clock.advance(10 * 60_000); // past every cache of Slack's user groups and COR's answers
    const reads = groupReads();
    const corReads = h.cor.exchanges.length;
    await open('U07SAM');
    await open('U08CARLA');
    await open('U02JOHN');
    expect(groupReads()).toBe(reads);
    expect(h.cor.exchanges.slice(corReads).filter((e) => e.route.endsWith('/collaborators'))).toHaveLength(0);
    expect(home('U07SAM').match(/<@U02JOHN> gets one/g)).toHaveLength(2); // the design team's and QA's
    expect(home('U08CARLA')).toContain('*Summaries that include you*: none.');

    // The group changes: Carla joins design, Sam leaves it. Home follows once the digest is sent (its people read again).
    h.slack.usergroups.set('T0DEMO/S0DESIGN', { id: 'S0DESIGN', team_id: 'T0DEMO', name: 'Design team', handle: 'design', users: ['U01JANE', 'U08CARLA'] });
    clock.set('2026-11-30T14:20:00Z'); // 09:20 in New York: the design team's digest is due (the group read then)
    expect((await h.services.digests.sweep(clock.now())).sent).toBe(1);
    const afterSweep = groupReads();
    await open('U07SAM');
    await open('U08CARLA');
    expect(groupReads()).toBe(afterSweep);
    expect(home('U07SAM').match(/<@U02JOHN> gets one/g)).toHaveLength(1); // QA's only
    expect(home('U08CARLA')).toContain('• <@U02JOHN> gets one each workday at 09:00, posted in <#C0LEADS>');
  });

  it('a weekly digest of people picked by hand: Mondays, about last week; Delete removes it', async () => {
    await command('digest', 'U02JOHN');
    await h.send(buttonClick('digest_new', 'new', { user: 'U02JOHN', responseUrl: h.slack.newResponseUrl() }));
    const opened = h.slack.callsTo('views.update').at(-1)?.args.view as { private_metadata: string };
    await h.send(
      digestForm(opened.private_metadata, { people: ['U07SAM', 'U08LEE'], schedule: 'weekly', time: '08:30', short: '6' }),
    );
    const [digest] = await h.db.store.digests.ofOwner('T:T0DEMO', 'U02JOHN');
    expect(digest).toMatchObject({ audience: { kind: 'people', slackUserIds: ['U07SAM', 'U08LEE'] }, channelId: 'U02JOHN', schedule: 'weekly', localTime: '08:30', shortUnderHours: 6 });
    clock.set('2026-11-30T13:31:00Z'); // Monday 08:31 in New York
    await h.services.digests.sweep(clock.now());
    const dm = dmsTo('U02JOHN').at(-1);
    expect(String(dm?.args.text)).toBe('Hours for the week of Mon 23 Nov: 2 of 2 people are short.');
    const url = h.slack.newResponseUrl();
    await h.send(buttonClick('digest_delete', digest?.id, { user: 'U02JOHN', responseUrl: url }));
    expect(String(responsesTo(h.slack, url).at(-1)?.text)).toContain('You have no digests yet');
    expect(await h.db.store.digests.ofOwner('T:T0DEMO', 'U02JOHN')).toHaveLength(0);
  });

  it('the form says what is wrong: both people and a group, or a short line that is not hours', async () => {
    await command('digest', 'U02JOHN');
    await h.send(buttonClick('digest_new', 'new', { user: 'U02JOHN', responseUrl: h.slack.newResponseUrl() }));
    const opened = h.slack.callsTo('views.update').at(-1)?.args.view as { private_metadata: string };
    const ack = await h.send(
      digestForm(opened.private_metadata, { people: ['U07SAM'], group: 'S0DESIGN', short: 'lots' }),
    );
    expect(ack.body).toEqual({ response_action: 'errors', errors: { people: 'Pick people, or a user group (one of the two).', short: 'Write hours like 6 or 7h30, or leave it empty for their own target.' } });
  });

  it('in a channel that is a COR project: a digest of that project’s people, the unlinked ones named from COR', async () => {
    await h.db.store.channelProjects.save({ tenantKey: 'T:T0DEMO', channelId: 'C0PROJ', corProjectId: 100, externalId: 'slack-C0PROJ', name: 'Homepage redesign', createdBy: 'U02JOHN' });
    const task = h.cor.data.tasks.find((t) => t.id === 48212);
    if (task) task.collaborators.push(9); // Demo Person 9 works on it and has not linked Slack to COR
    const body = slashCommandBody('digest', h.slack, { user_id: 'U02JOHN', channel_id: 'C0PROJ', trigger_id: 'proj.1' });
    await h.send(body);
    const list = await waitForResponse(h.slack, String(body.response_url), (m) => !String(m.text).startsWith('⏳'));
    await h.send(buttonClick('digest_new', buttonValue(list, 'digest_new'), { user: 'U02JOHN', responseUrl: h.slack.newResponseUrl() }));
    const opened = h.slack.callsTo('views.update').at(-1)?.args.view as { private_metadata: string; blocks: { block_id?: string }[] };
    expect(JSON.stringify(opened)).toContain('Everyone on this channel’s COR project, Homepage redesign');
    await h.send(
      digestForm(opened.private_metadata, { project: '100', channel: 'C0PROJ' }),
    );
    const [digest] = await h.db.store.digests.ofOwner('T:T0DEMO', 'U02JOHN');
    expect(digest?.audience).toEqual({ kind: 'project', corProjectId: 100 });
    // Jane works on the project: her App Home names the digest, from the collaborators read when it was saved.
    clock.advance(10 * 60_000);
    const corReads = h.cor.exchanges.length;
    await h.send({ type: 'event_callback', team_id: 'T0DEMO', api_app_id: 'A0COR', token: 'x', event_id: 'EvJaneHome', event_time: 1, event: { type: 'app_home_opened', user: 'U01JANE', channel: 'D1', tab: 'home', event_ts: '1.1' } });
    expect(JSON.stringify(h.slack.callsTo('views.publish').at(-1)?.args.view)).toContain('• <@U02JOHN> gets one each workday at 09:00, posted in <#C0PROJ>');
    expect(h.cor.exchanges.slice(corReads).filter((e) => e.route.endsWith('/collaborators'))).toHaveLength(0);
    clock.set('2026-11-30T14:01:00Z');
    await h.services.digests.sweep(clock.now());
    const posted = h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0PROJ');
    expect(posted).toHaveLength(1);
    const text = JSON.stringify(posted[0]?.args.blocks);
    expect(text).toContain('*John Smith* — 0m of 8h — *8h short*');
    expect(text).toContain('*Jane Doe* — on leave');
    expect(text).toContain('*Demo Person 9* — not linked to COR');
    expect(text).not.toContain('digest_send_link');
  });

  // The answer of a posted message lost on the way back: Slack has it, the bot does not know. One attempt, never two.
  const LOST = [
    ['the connection closes', 'reset'],
    ['no answer comes in time', 'silence'],
  ] as const;

  it.each(LOST)('a digest whose answer is lost (%s) is in the channel once, ends unknown, and its lead is told to look', async (_, how) => {
    await setUpDailyDigest();
    clock.set('2026-11-30T14:01:00Z');
    h.slack.dropAnswers('chat.postMessage', { channel: 'C0LEADS', how });
    expect(await h.services.digests.sweep(clock.now())).toMatchObject({ sent: 0, failed: 1 });
    clock.advance(10 * 60_000);
    await h.services.digests.sweep(clock.now());
    expect(h.slack.messages.get('C0LEADS')).toHaveLength(1);
    const [digest] = await h.db.store.digests.ofOwner('T:T0DEMO', 'U02JOHN');
    expect(await h.db.store.digests.deliveriesOf([digest?.id ?? ''], ['daily:2026-11-27'])).toMatchObject([{ state: 'unknown' }]);
    expect(dmsTo('U02JOHN').map((c) => String(c.args.text))).toEqual([
      'I cannot tell whether your digest about Fri 27 Nov went out in <#C0LEADS> (I was stopped, or Slack did not answer, while posting it). Look there; I did not post it again, so it cannot show twice.',
    ]);
  });

  it.each(LOST)('a nudge whose answer is lost (%s) is one DM, the recap one too, whoever clicks again; the lead hears it may be there', async (_, how) => {
    await setUpDailyDigest();
    clock.set('2026-11-30T14:01:00Z');
    await h.services.digests.sweep(clock.now());
    const digest = channelPosts()[0]?.args ?? {};
    const valueOf = (name: string) => ((digest.blocks ?? []) as { text?: { text: string }; accessory?: { value: string } }[]).find((b) => b.text?.text.startsWith(`*${name}*`))?.accessory?.value ?? '';
    // Sam gets the nudge DM; Lee, who uses the morning recap, gets that recap.
    const lee = await h.db.store.links.find('T:T0DEMO', 'U08LEE');
    await h.db.store.reminders.saveSetting({ ...(await h.db.store.reminders.getSetting(lee?.id ?? '')), morningRecap: true });
    for (const [name, user] of [['Demo Person 7', 'U07SAM'], ['Demo Person 8', 'U08LEE']] as const) {
      h.slack.dropAnswers('chat.postMessage', { channel: user, how });
      const answers: string[] = [];
      for (const lead of ['U02JOHN', 'U08CARLA']) {
        const url = h.slack.newResponseUrl();
        await h.send(buttonClick('digest_nudge', valueOf(name), { user: lead, responseUrl: url }));
        answers.push(String(responsesTo(h.slack, url).at(-1)?.text));
      }
      expect(answers).toEqual([`Slack did not answer while I nudged <@${user}>: the DM may be there. I will not send it again today.`, `Already nudged today: <@${user}>.`]);
      expect(dmsTo(user)).toHaveLength(1);
    }
    expect(String(dmsTo('U08LEE')[0]?.args.text)).toContain('Before you start: your last workday.');
  });

  it('Slack busy: the digest is posted on a later sweep; a lead who lost the role gets none, and is told', async () => {
    await setUpDailyDigest();
    const posted = () => h.slack.messages.get('C0LEADS') ?? []; // what Slack took (a refused call is not there)
    clock.set('2026-11-30T14:01:00Z');
    h.slack.failNext('chat.postMessage', 'service_unavailable', { channel: 'C0LEADS' });
    expect((await h.services.digests.sweep(clock.now())).delayed).toBe(1);
    expect(posted()).toHaveLength(0);
    clock.advance(6 * 60_000);
    expect((await h.services.digests.sweep(clock.now())).sent).toBe(1);
    expect(posted()).toHaveLength(1);
    expect(dmsTo('U02JOHN')).toHaveLength(0);

    // Tuesday: COR now says John is a Collaborator.
    const john = h.cor.data.users.find((u) => u.id === 3);
    if (john) john.role_id = 4;
    clock.set('2026-12-01T14:01:00Z');
    clock.advance(20 * 60_000); // the company's users are read again (kept 15 minutes)
    await h.services.digests.sweep(clock.now());
    expect(posted()).toHaveLength(1);
    expect(String(dmsTo('U02JOHN').at(-1)?.args.text)).toContain('Your digest was not sent: COR no longer gives you');
  });
});
