import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenCipher } from '../../src/lib/crypto.ts';
import { openStore } from '../../src/store/index.ts';
import { FakeCor } from '../../tools/fake-cor/server.ts';
import { FakeSlack } from '../../tools/fake-slack/server.ts';
import { SlackRequestSender } from '../../tools/fake-slack/signed-requests.ts';
import { chooseLanguage, linkUser, waitForResponse } from '../helpers/linking.ts';
import { viewSubmission } from '../helpers/payloads.ts';
import { isPng } from '../helpers/png.ts';
import type { TempStore } from '../helpers/store.ts';
import { twoBotsOnPostgres, type TwoBots } from '../helpers/bot.ts';

const KEY = Buffer.alloc(32, 3); // the key botEnv configures
const TENANT = 'T:T0DEMO';
const CHANNEL = 'C0HOME';

/** "YYYY-MM-DD HH:MM:SS" (UTC, as the fake COR keeps entries) `daysAgo` days before now. */
function corTime(daysAgo: number, hours = 0): string {
  return new Date(Date.now() - daysAgo * 86_400_000 + hours * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Issue 24 with the bot as two processes on one PostgreSQL, as behind a load balancer, both sweeping the budgets
 * every second: a project's channel gets each threshold once, and a task made from a message is made once.
 */
describe('a project’s channel with two instances on one PostgreSQL', () => {
  let two: TwoBots;
  let slack: FakeSlack;
  let cor: FakeCor;
  let db: TempStore;
  let toA: SlackRequestSender;
  let toB: SlackRequestSender;

  beforeAll(async () => {
    two = await twoBotsOnPostgres({ BUDGET_SWEEP_SECONDS: '1' });
    ({ slack, cor, db, toA, toB } = two);
    await linkUser(toA, 'U01JANE', 2);
    // Jane's Slack speaks es-LA; she reads the bot in English, as she chose, on both instances (each keeps what it
    // knew of her for 30 s). The alerts speak the language of whoever made the channel a project: her.
    await chooseLanguage(toA, slack, 'U01JANE', 'en');
    await chooseLanguage(toB, slack, 'U01JANE', 'en');
  }, 60_000);
  afterAll(() => two.close());

  const alerts = () => slack.callsTo('chat.postMessage').filter((c) => c.args.channel === CHANNEL && c.args.thread_ts === undefined).map((c) => String(c.args.text));
  const posted = () => (slack.messages.get(CHANNEL) ?? []).filter((m) => m.thread_ts === undefined);
  const log = async (to: SlackRequestSender, words: string) => {
    const sent = await to.slashCommand({ text: `log ${words}`, user_id: 'U01JANE', channel_id: CHANNEL, trigger_id: `${Date.now()}.${Math.random()}` });
    await waitForResponse(slack, sent.responseUrl, (m) => String(m.text).startsWith('✓ Logged'), 10_000);
  };

  it('78 % crosses 80 % after a /cor log through A: one alert and its chart; none on the next entry through B, nor from both sweeps; one at 100 %', async () => {
    // Homepage redesign (COR 100), 10 h estimated: 5 h seeded and 2 h 48 m two days ago, 78 %.
    const project = cor.data.projects.find((p) => p.id === 100);
    if (project) project.estimated_time = 10;
    cor.data.hours.push({ id: 9100, user_id: 4, task_log_id: 48212, start: corTime(2), stop: corTime(2, 2.8), comments: null, created_at: corTime(2, 3) });
    // Jane makes #website-home the project's channel (what `/cor project new` records).
    const store = openStore(db.databaseUrl, new TokenCipher(KEY));
    await store.channelProjects.save({ tenantKey: TENANT, channelId: CHANNEL, corProjectId: 100, externalId: CHANNEL, name: 'Homepage redesign', createdBy: 'U01JANE' });
    await store.close();

    // The sweeps of both instances find it past 50 %: said once.
    await slack.waitFor(() => alerts().length === 1, 10_000);
    await sleep(2_500); // more sweeps of both
    expect(alerts()).toEqual(['📊 *Homepage redesign* has reached 50% of its estimated hours: 7h 48m of 10h logged (78%).']);

    await log(toA, '30m #48211 today');
    await slack.waitFor(() => alerts().length === 2, 10_000);
    expect(alerts()[1]).toBe('📊 *Homepage redesign* has reached 80% of its estimated hours: 8h 18m of 10h logged (83%).');

    await log(toB, '30m #48211 yesterday');
    await sleep(3_000); // a few sweeps of both, and B's check after its entry
    expect(alerts()).toHaveLength(2);

    await log(toB, '1h30m #48211 today');
    await slack.waitFor(() => alerts().length === 3, 10_000);
    expect(alerts()[2]).toBe('📊 *Homepage redesign* has reached 100% of its estimated hours: 10h 18m of 10h logged (103%).');
    await sleep(2_500);
    expect(alerts()).toHaveLength(3);

    // Each alert's burn chart once, in its own thread.
    await slack.waitFor(() => slack.files.filter((f) => f.completed).length === 3, 10_000);
    expect(slack.files).toHaveLength(3);
    expect(slack.files.map((f) => f.threadTs)).toEqual(posted().map((m) => m.ts));
    expect(slack.files.every((f) => f.channel === CHANNEL && f.filename === 'budget-100.png' && isPng(f.bytes ?? Buffer.alloc(0)))).toBe(true);
  }, 60_000);

  it('"Create COR task" from a message: the form submitted to A and again to B (the same view) makes one task as Jane, one thread reply with the task’s card', async () => {
    const ts = `${Math.floor(Date.now() / 1000)}.000424`;
    const shortcut = await toA.interaction({
      type: 'message_action',
      callback_id: 'task_create_message',
      trigger_id: `${Date.now()}.shortcut`,
      team: { id: 'T0DEMO', domain: 'demo' },
      user: { id: 'U01JANE', team_id: 'T0DEMO', username: 'jane', name: 'jane' },
      channel: { id: CHANNEL, name: 'website-home' },
      message: { type: 'message', user: 'U02JOHN', ts, text: '<@U02JOHN> can you change the hero copy by Friday?\nThe new text is in the brief.' },
      message_ts: ts,
      response_url: slack.newResponseUrl(),
      api_app_id: 'A0COR',
      token: 'x',
      action_ts: '1',
    });
    expect(shortcut.status).toBe(200);
    const opened = await slack.waitFor(() => slack.callsTo('views.open').find((c) => (c.args.view as { callback_id?: string }).callback_id === 'task_create_modal'), 10_000);
    const view = opened.args.view as { private_metadata: string; blocks: { block_id?: string; text?: { text: string }; element?: { initial_value?: string; initial_date?: string } }[] };
    const block = (id: string) => view.blocks.find((x) => x.block_id === id);
    expect(block('project')?.text?.text).toContain('Homepage redesign');
    const title = block('title')?.element?.initial_value ?? '';
    expect(title).toBe('@John Smith can you change the hero copy by Friday?');

    const submit = viewSubmission('task_create_modal', {
      meta: view.private_metadata,
      viewId: 'V0E2E24',
      values: {
        title: { title_value: { type: 'plain_text_input', value: title } },
        description: { description_value: { type: 'plain_text_input', value: block('description')?.element?.initial_value ?? null } },
        due: { due_value: { type: 'datepicker', selected_date: block('due')?.element?.initial_date ?? null } },
      },
    });
    const [first, second] = await Promise.all([toA.interaction(submit), toB.interaction(submit)]);
    expect([first.status, second.status]).toEqual([200, 200]);

    const replies = () => (slack.messages.get(CHANNEL) ?? []).filter((m) => m.thread_ts === ts);
    await slack.waitFor(() => replies().length === 1, 15_000);
    await sleep(2_000); // the other instance's run, had it made one
    const created = cor.requestsTo('POST', '/tasks');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ userId: 2, status: 200, body: { title, project_id: 100 } });
    const task = cor.data.tasks.find((x) => x.title === title);
    expect(task?.description).toContain(`/archives/${CHANNEL}/p${ts.replace('.', '')}`);
    expect(replies()).toHaveLength(1);
    const reply = replies()[0];
    expect(String(reply?.text)).toContain(`<@U01JANE> made a COR task of this message`);
    expect(String(reply?.text)).toContain(`/tasks/${task?.id}|${title}>`);
    expect(JSON.stringify(reply?.blocks)).toContain('task_change_status'); // the task's card, as its link unfurls
  }, 40_000);
});
