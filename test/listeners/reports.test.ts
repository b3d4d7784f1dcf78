import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.ts';
import type { FakeFile } from '../../tools/fake-slack/server.ts';
import { buttonClick, type ListenerHarness, listenerHarness, slashCommandBody, viewSubmission } from '../helpers/bolt.ts';
import { buttonValue } from '../helpers/payloads.ts';
import { isPng, pngSize } from '../helpers/png.ts';

const BA = 'America/Argentina/Buenos_Aires';
type Block = { type: string; slack_file?: { id?: string }; alt_text?: string; text?: { text?: string }; elements?: { action_id?: string; text?: { text?: string } | string }[]; fields?: { text: string }[] };

describe('/cor report through a real Bolt app', () => {
  let h: ListenerHarness;
  let clock: ManualClock;
  let seq = 0;

  beforeEach(async () => {
    // Friday 20 Nov 2026, 18:00 in Buenos Aires: the week is Monday 16 to today.
    clock = new ManualClock('2026-11-20T21:00:00Z');
    h = await listenerHarness({ clock });
    await h.linkStored('U01JANE', 2, 'Jane Doe', BA);
    await h.linkStored('U02JOHN', 3, 'John Smith', BA);
  });
  afterEach(() => h.close());

  /** The last answer posted to a response_url (the command's, in place of its "⏳"). */
  const lastResponse = () => h.slack.responses.at(-1)?.body as { text: string; blocks?: Block[] } | undefined;
  const text = (m: { text?: string; blocks?: Block[] } | undefined) => JSON.stringify(m?.blocks ?? m?.text ?? '');
  const images = (m: { blocks?: Block[] } | undefined) => (m?.blocks ?? []).filter((b) => b.type === 'image');
  const pngs = (): FakeFile[] => h.slack.files.filter((f) => f.filename.endsWith('.png'));
  const report = (words: string, user = 'U01JANE') => h.send(slashCommandBody(`report ${words}`, h.slack, { user_id: user }));
  const hour = (user_id: number, task_log_id: number, start: string, stop: string) => h.cor.data.hours.push({ id: 30_000 + ++seq, user_id, task_log_id, start, stop, comments: null, created_at: stop });

  it('"my week": acked at once, then the totals against the target, a real PNG uploaded in no channel and shown by its file id, the table and the buttons', async () => {
    const ack = await report('my week');
    expect(ack.body).toMatchObject({ response_type: 'ephemeral', text: '⏳ Reading the hours…' });
    const answer = lastResponse();
    expect(text(answer)).toContain('*Your hours* · Mon 16 Nov – Fri 20 Nov');
    expect(text(answer)).toContain('Total: *9h 30m* of 40h');
    expect(pngs()).toHaveLength(1);
    const [file] = pngs() as [FakeFile];
    expect(file.completed).toBe(true);
    expect(file.channel).toBeUndefined();
    expect(isPng(file.bytes as Buffer)).toBe(true);
    expect(pngSize(file.bytes as Buffer)).toEqual({ width: 1000, height: 500 });
    const [image] = images(answer);
    expect(image?.slack_file?.id).toBe(file.id);
    expect(image?.alt_text).toContain('In all: 9.5 h');
    expect(image?.alt_text).toContain('Target: 40 h');
    expect(text(answer)).toContain('Mobile app');
    expect(buttonValue(answer as Record<string, unknown>, 'report_csv')).toContain('"kind":"me"');
    // Share carries the same ask, nothing of where to post or which file: the click says where, the chart is drawn anew.
    expect(buttonValue(answer as Record<string, unknown>, 'report_share')).toBe(buttonValue(answer as Record<string, unknown>, 'report_csv'));
  });

  it('Download CSV runs the project or client the answer matched (by id), not its words again', async () => {
    hour(2, 48211, '2026-10-05 12:00:00', '2026-10-05 15:00:00'); // Jane 3 h on Homepage redesign (Acme Foods)
    await report('everyone on Acme last month', 'U02JOHN');
    const answer = lastResponse() as Record<string, unknown>;
    expect(text(answer)).toContain('on Acme Foods');
    // Since: a second client whose name "Acme" matches as well.
    h.cor.data.clients.push({ id: 99, externalId: 'acme-labs', name: 'Acme Labs' });
    clock.advance(6 * 60_000); // past the minutes the domain keeps the projects and clients
    await report('everyone on Acme last month', 'U02JOHN');
    expect(text(lastResponse())).toContain('Several projects or clients match “Acme”');
    await h.send(buttonClick('report_csv', buttonValue(answer, 'report_csv'), { user: 'U02JOHN', responseUrl: h.slack.newResponseUrl() }));
    const csv = h.slack.files.find((f) => f.filename.endsWith('.csv'));
    expect((csv?.bytes as Buffer).toString('utf8')).toContain('Acme Foods');
    expect(text(lastResponse())).toContain('The CSV is in our DM.');
  });

  it("a PM's everyone on Acme last month by person: by person; Download CSV posts a CSV to their DM whose rows sum to the total", async () => {
    hour(2, 48211, '2026-10-05 12:00:00', '2026-10-05 15:00:00'); // Jane 3 h on Homepage redesign (Acme Foods)
    hour(4, 48216, '2026-10-06 12:00:00', '2026-10-06 13:30:00'); // Ana 1.5 h on Internal (Acme Foods)
    hour(2, 48213, '2026-10-07 12:00:00', '2026-10-07 14:00:00'); // Jane 2 h on Mobile app (Bolt Motors): not Acme
    await report('everyone on Acme last month by person', 'U02JOHN');
    const answer = lastResponse();
    expect(text(answer)).toContain("*Everyone's hours* on Acme Foods · Thu 1 Oct – Sat 31 Oct");
    expect(text(answer)).toContain('Total: *4h 30m*');
    expect(text(answer)).toContain('*People*');
    expect(images(answer)[0]?.alt_text).toMatch(/Jane Doe: 3 h.*Ana Souza: 1.5 h/);

    await h.send(buttonClick('report_csv', buttonValue(answer as Record<string, unknown>, 'report_csv'), { user: 'U02JOHN', responseUrl: h.slack.newResponseUrl() }));
    const csv = h.slack.files.find((f) => f.filename.endsWith('.csv'));
    expect(csv?.completed).toBe(true);
    expect(csv?.channel).toBe('D02JOHN');
    expect(csv?.filename).toBe('hours-2026-10-01-2026-10-31.csv');
    expect(csv?.title).toBe('Hours, Thu 1 Oct – Sat 31 Oct');
    const content = (csv?.bytes as Buffer).toString('utf8');
    expect(content.startsWith('\uFEFF')).toBe(true);
    // No quoted fields in these names: the CSV's lines split on commas.
    const rows = content.slice(1).trim().split('\n').map((line) => line.split(','));
    expect(rows[0]).toEqual(['Date', 'Person', 'Project', 'Client', 'Task', 'Start', 'Stop', 'Hours']);
    expect(rows.slice(1).map((r) => r[1])).toEqual(['Jane Doe', 'Ana Souza']);
    expect(rows.slice(1).reduce((n, r) => n + Number(r[7]), 0)).toBe(4.5);
    expect(rows[1]?.[0]).toBe('2026-10-05');
    expect(text(lastResponse())).toContain('The CSV is in our DM.');
  });

  it('a collaborator asking for the team is refused, saying why', async () => {
    await report('team hours last week');
    expect(text(lastResponse())).toContain('Only people whose COR role is C-Level, Director or Project Manager');
    expect(pngs()).toHaveLength(0);
  });

  it('a question in Spanish is answered in Spanish: its numbers and days', async () => {
    await h.linkStored('U01JANE', 2, 'Jane Doe', BA, 'es-LA');
    await report('¿cuántas horas llevo esta semana?');
    const answer = lastResponse();
    expect(text(answer)).toContain('*Tus horas* · lun 16 nov – vie 20 nov');
    expect(text(answer)).toContain('Total: *9 h 30 min* de 40 h');
    expect(images(answer)[0]?.alt_text).toContain('En total: 9,5 h');
    expect(JSON.stringify(answer)).toContain('Descargar CSV');
  });

  it('words that name no period it can read: a question with examples, never a guess', async () => {
    await report('my hours recently');
    expect(text(lastResponse())).toContain('I can');
    expect(text(lastResponse())).toContain('/cor report last month on Acme');
    expect(pngs()).toHaveLength(0);
  });

  it('a mentioned person not linked is named', async () => {
    await report('<@U04MIKE> last week', 'U02JOHN');
    expect(text(lastResponse())).toContain("Mike Brown hasn't linked a COR account yet");
  });

  it('a user group by its handle: its linked members; those not linked counted and said, their profiles not read', async () => {
    await report('@design this week', 'U02JOHN');
    expect(text(lastResponse())).toContain('*Hours of Design team*');
    expect(text(lastResponse())).toContain('Total: *9h 30m*');
    // Ana and Mike are in the group with no link.
    expect(text(lastResponse())).toContain('2 members have no linked COR account: not counted.');
    expect(h.slack.callsTo('users.info').filter((c) => c.args.user === 'U03ANA' || c.args.user === 'U04MIKE')).toHaveLength(0);
  });

  it('several user groups matching as well: which one, asked with a button each that runs the report with it', async () => {
    h.slack.usergroups.set('T0DEMO/S0WEB', { id: 'S0WEB', team_id: 'T0DEMO', name: 'Web studio', handle: 'web-studio', users: ['U01JANE'] });
    h.slack.usergroups.set('T0DEMO/S0BRAND', { id: 'S0BRAND', team_id: 'T0DEMO', name: 'Brand studio', handle: 'brand-studio', users: ['U02JOHN'] });
    await report('@studio this week', 'U02JOHN');
    const question = lastResponse() as Record<string, unknown>;
    expect(text(question)).toContain('Several Slack user groups match “studio”');
    expect(text(question)).toContain('Web studio (user group)');
    expect(text(question)).toContain('Brand studio (user group)');
    expect(pngs()).toHaveLength(0);
    await h.send(buttonClick('report_pick', buttonValue(question, 'report_pick'), { user: 'U02JOHN', responseUrl: h.slack.newResponseUrl() }));
    expect(text(lastResponse())).toMatch(/\*Hours of (Web|Brand) studio\*/);
    expect(text(lastResponse())).toContain('Total:');
  });

  it('a user group too large for its people to fit a button: the buttons carry the group, read again on the click as the clicker', async () => {
    const many = Array.from({ length: 450 }, (_, i) => 1000 + i);
    for (const id of many) {
      h.cor.data.users.push({ id, first_name: 'Demo', last_name: `Person ${id}`, email: `p${id}@acme.example`, role_id: 4, daily_hours: 8, gmt: '-03:00', hidden: false, password: 'demo' });
      await h.linkStored(`U${id}`, id, `Demo Person ${id}`, BA);
    }
    h.slack.usergroups.set('T0DEMO/S0ALL', { id: 'S0ALL', team_id: 'T0DEMO', name: 'Everybody', handle: 'everybody', users: ['U01JANE', ...many.map((id) => `U${id}`)] });
    await report('@everybody this week', 'U02JOHN');
    const answer = lastResponse() as Record<string, unknown>;
    expect(text(answer)).toContain('*Hours of Everybody*');
    const csv = buttonValue(answer, 'report_csv');
    expect(csv.length).toBeLessThanOrEqual(2000);
    expect(JSON.parse(csv)).toMatchObject({ a: { people: { kind: 'group', id: 'S0ALL', name: 'Everybody' } } });
    await h.send(buttonClick('report_csv', csv, { user: 'U02JOHN', responseUrl: h.slack.newResponseUrl() }));
    const file = h.slack.files.find((f) => f.filename.endsWith('.csv'));
    const rows = (file?.bytes as Buffer).toString('utf8').trim().split('\n');
    expect(rows.slice(1).reduce((n, r) => n + Number(r.split(',')[7]), 0)).toBe(9.5);
  });

  describe('written to the bot in its DM', () => {
    const deliver = (words: string) => {
      const ts = `1763930000.${String(++seq).padStart(6, '0')}`;
      return h.send({ type: 'event_callback', team_id: 'T0DEMO', api_app_id: 'A0COR', token: 'x', event_id: `EvR${seq}`, event_time: 1, event: { type: 'message', channel: 'D01JANE', channel_type: 'im', user: 'U01JANE', text: words, ts, event_ts: ts } });
    };
    const dmPosts = () => h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'D01JANE');

    it('"my week" is answered with the report in the DM (no Share), and "2h on X" still logs', async () => {
      await deliver('my week');
      expect(dmPosts()).toHaveLength(1);
      const answer = dmPosts()[0]?.args as { blocks?: Block[] };
      expect(text(answer)).toContain('Total: *9h 30m* of 40h');
      expect(images(answer)[0]?.slack_file?.id).toBe(pngs()[0]?.id);
      expect(JSON.stringify(answer)).not.toContain('report_share');
      expect(h.cor.requestsTo('POST', '/hours')).toHaveLength(0);

      await deliver('2h #48211 today');
      expect(h.cor.requestsTo('POST', '/hours')).toHaveLength(1);
      expect(String(dmPosts().at(-1)?.args.text)).toMatch(/^✓ Logged 2h/);
      expect(pngs()).toHaveLength(1);
    });
  });

  it('/cor report alone opens the form; its submission answers in the DM', async () => {
    const ack = await report('');
    expect(ack.acked).toBe(true);
    const opened = h.slack.callsTo('views.open').at(-1)?.args.view as { callback_id: string; title: { text: string }; private_metadata: string };
    expect(opened.callback_id).toBe('report_modal');
    expect(opened.title.text).toBe('Hours report');
    const values = {
      who: { who_value: { type: 'radio_buttons', selected_option: { value: 'me' } } },
      people: { people_value: { type: 'multi_users_select', selected_users: [] } },
      group: { report_group: { type: 'external_select', selected_option: null } },
      scope: { report_scope: { type: 'external_select', selected_option: null } },
      period: { period_value: { type: 'static_select', selected_option: { value: 'thisWeek' } } },
      from: { from_value: { type: 'datepicker', selected_date: null } },
      to: { to_value: { type: 'datepicker', selected_date: null } },
      group_by: { group_by_value: { type: 'static_select', selected_option: { value: 'task' } } },
    };
    const sent = await h.send(viewSubmission('report_modal', { meta: opened.private_metadata, values }));
    expect(sent.body).toBeUndefined();
    const posted = h.slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'U01JANE')?.args as { blocks?: Block[] };
    expect(text(posted)).toContain('Total: *9h 30m* of 40h');
    expect(images(posted)).toHaveLength(1);
    // In the DM with the bot: nothing to share to.
    expect(JSON.stringify(posted)).toContain('report_csv');
    expect(JSON.stringify(posted)).not.toContain('report_share');

    const missing = await h.send(viewSubmission('report_modal', { meta: opened.private_metadata, values: { ...values, who: { who_value: { type: 'radio_buttons', selected_option: { value: 'people' } } } } }));
    expect(missing.body).toEqual({ response_action: 'errors', errors: { people: 'Pick at least one person.' } });
  });

  /** A click on the ephemeral answer in a channel, as Slack sends it: the channel in `channel` and `container`. */
  const clickIn = (actionId: string, value: string, channel: string, user = 'U01JANE') => ({
    ...buttonClick(actionId, value, { user, responseUrl: h.slack.newResponseUrl(), container: { type: 'message', message_ts: '1.1', channel_id: channel, is_ephemeral: true } }),
    channel: { id: channel, name: 'general' },
  });

  it('Share posts the answer in the channel the click came from, as the bot, with its chart drawn anew and who shared it, no buttons; refused in words where the bot may not post', async () => {
    await report('my week');
    const answer = lastResponse() as Record<string, unknown>;
    const share = buttonValue(answer, 'report_share');
    // An entry logged since: the shared numbers and the chart agree (both from the report run again).
    hour(2, 48211, '2026-11-20 12:00:00', '2026-11-20 13:00:00');
    clock.advance(61_000); // past the minute the domain keeps the hours
    await h.send(clickIn('report_share', share, 'C0GENERAL'));
    const posted = h.slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'C0GENERAL')?.args as { blocks?: Block[] };
    expect(text(posted)).toContain('Total: *10h 30m* of 40h');
    expect(text(posted)).toContain('Shared by <@U01JANE>');
    expect(pngs()).toHaveLength(2);
    expect(images(posted)[0]?.slack_file?.id).toBe(pngs()[1]?.id);
    expect(images(posted)[0]?.alt_text).toContain('In all: 10.5 h');
    expect((posted.blocks ?? []).some((b) => b.type === 'actions')).toBe(false);

    h.slack.failNext('chat.postMessage', 'not_in_channel', { channel: 'C0GENERAL' });
    await h.send(clickIn('report_share', share, 'C0GENERAL'));
    expect(text(lastResponse())).toContain("I can't post in that channel");
  });

  it('Share posts where the click came from, never where a value says: a value carrying a channel reads as out of date', async () => {
    await report('my week');
    const share = buttonValue(lastResponse() as Record<string, unknown>, 'report_share');
    await h.send(clickIn('report_share', share, 'C0RANDOM'));
    expect(h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0GENERAL')).toHaveLength(0);
    expect(h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0RANDOM')).toHaveLength(1);

    // An older button's value (the channel and file in it, the project as words): said, never dropped or obeyed.
    const old = JSON.stringify({ a: { people: { kind: 'me' }, scope: { kind: 'named', words: 'acme' }, period: { from: '2026-11-16', to: '2026-11-20', unit: 'week' }, tz: BA }, c: 'C0GENERAL', f: 'F1' });
    await h.send(clickIn('report_share', old, 'C0RANDOM'));
    expect(text(lastResponse())).toContain('This report is out of date: ask again');
    expect(h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0RANDOM')).toHaveLength(1);
  });
});
