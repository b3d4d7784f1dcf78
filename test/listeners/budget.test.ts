import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BudgetService } from '../../src/domain/budget.ts';
import { SlackBudgetMessenger } from '../../src/slack/projects/budget-messenger.ts';
import { type ListenerHarness, listenerHarness, slashCommandBody } from '../helpers/bolt.ts';
import { waitForResponse } from '../helpers/linking.ts';
import { isPng, pngSize } from '../helpers/png.ts';
import { CorTimes } from '../../src/domain/time-entries/cor-times.ts';

const TENANT = 'T:T0DEMO';
const CHANNEL = 'C0HOME';
const BA = 'America/Argentina/Buenos_Aires';

/** "YYYY-MM-DD HH:MM:SS" (UTC, as the fake COR keeps entries) `daysAgo` days before now. */
function corTime(daysAgo: number, hours = 0): string {
  return new Date(Date.now() - daysAgo * 86_400_000 + hours * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

describe('budget alerts in a project’s channel through a real Bolt app', () => {
  let h: ListenerHarness;
  beforeEach(async () => {
    h = await listenerHarness();
    await h.linkStored('U01JANE', 2, 'Jane Doe', BA);
    await h.linkStored('U02JOHN', 3, 'John Smith', 'America/New_York');
    // Homepage redesign (project 100) is #website-home; John (its PM) made it one.
    await h.db.store.channelProjects.save({ tenantKey: TENANT, channelId: CHANNEL, corProjectId: 100, externalId: CHANNEL, name: 'Homepage redesign', createdBy: 'U02JOHN' });
    // 5 h seeded on it (3 h hero section, 2 h SEO audit, in November) and 2 h 48 m two days ago: 7.8 of 10 h, 78 %.
    const project = h.cor.data.projects.find((p) => p.id === 100);
    if (project) project.estimated_time = 10;
    h.cor.data.hours.push({ id: 9100, user_id: 4, task_log_id: 48212, start: corTime(2), stop: corTime(2, 2.8), comments: null, created_at: corTime(2, 3) });
  });
  afterEach(() => h.close());

  const alerts = (channel = CHANNEL) => h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);
  const log = (words: string, user = 'U01JANE') => h.send(slashCommandBody(`log ${words}`, h.slack, { user_id: user, channel_id: CHANNEL, channel_name: 'website-home', trigger_id: `t${Math.random()}` }));
  const command = async (words: string, user: string) => {
    const body = slashCommandBody(words, h.slack, { user_id: user, channel_id: CHANNEL, channel_name: 'website-home', trigger_id: `t${Math.random()}` });
    await h.send(body);
    const answer = await waitForResponse(h.slack, String(body.response_url), (b) => !String(b.text).startsWith('⏳'));
    return `${String(answer.text)}\n${JSON.stringify(answer.blocks ?? [])}`;
  };
  /** Another instance: its own service over the same store, COR and Slack. */
  const secondInstance = () =>
    new BudgetService({ channels: h.db.store.channelProjects, budget: h.db.store.budget, links: h.db.store.links, appCor: h.appCor, slack: new SlackBudgetMessenger(h.services.clients, h.services.languages), times: new CorTimes(), clock: h.services.clock, logger: h.services.logger });

  it('78 % crosses 80 % after a /cor log: one alert; none on the next entry, nor from sweeps of two instances; one at 100 %', async () => {
    await log('30m #48211 today');
    expect(h.cor.requestsTo('POST', '/hours')).toHaveLength(1);
    expect(alerts()).toHaveLength(1);
    const alert = alerts()[0]?.args;
    expect(String(alert?.text)).toBe('📊 *Homepage redesign* has reached 80% of its estimated hours: 8h 18m of 10h logged (83%).');
    const details = JSON.stringify(alert?.blocks);
    expect(details).toContain('Last 7 days: 3h 18m.');
    expect(details).toContain('At this rate the estimate is reached on');
    expect(details).toContain('*Top tasks, last 7 days:* Homepage redesign - footer (2h 48m) and Homepage redesign - hero section (30m)');
    expect(details).toContain('*Top people, last 7 days:* Ana Souza (2h 48m) and Jane Doe (30m)');
    expect(details).not.toMatch(/cost|\$/);
    // One filtered GET /hours of the project (its last 28 days: the week's numbers and the chart's).
    const reads = h.cor.requestsTo('GET', '/hours').filter((r) => JSON.parse(r.query.filters ?? '{}').projects?.[0] === 100);
    expect(reads).toHaveLength(1);

    await log('30m #48211 yesterday');
    expect(h.cor.requestsTo('POST', '/hours')).toHaveLength(2);
    expect(alerts()).toHaveLength(1);
    const sweeps = await Promise.all([h.services.budget.sweep(), secondInstance().sweep()]);
    expect(sweeps.map((s) => s.posted)).toEqual([0, 0]);
    expect(alerts()).toHaveLength(1);

    await log('1h30m #48211 today');
    expect(alerts()).toHaveLength(2);
    expect(String(alerts()[1]?.args.text)).toBe('📊 *Homepage redesign* has reached 100% of its estimated hours: 10h 18m of 10h logged (103%).');
    expect(JSON.stringify(alerts()[1]?.args.blocks)).toContain('The estimate is used up.');
    expect((await Promise.all([h.services.budget.sweep(), secondInstance().sweep()])).map((s) => s.posted)).toEqual([0, 0]);
    expect(alerts()).toHaveLength(2);
  });

  it('the 80 % alert comes with its burn chart: one PNG in the alert’s thread, its alt text carrying the hours', async () => {
    await log('30m #48211 today');
    expect(alerts()).toHaveLength(1);
    const [posted] = h.slack.messages.get(CHANNEL) ?? [];
    // The alert first, then the chart's upload.
    expect(h.slack.calls.map((c) => c.method).filter((m) => m === 'chat.postMessage' || m.startsWith('files.'))).toEqual(['chat.postMessage', 'files.getUploadURLExternal', 'files.completeUploadExternal']);
    expect(h.slack.files).toHaveLength(1);
    const [file] = h.slack.files;
    expect(file).toMatchObject({ completed: true, channel: CHANNEL, threadTs: posted?.ts, filename: 'budget-100.png', title: 'Homepage redesign: hours logged, last 28 days' });
    const bytes = file?.bytes ?? Buffer.alloc(0);
    expect(isPng(bytes)).toBe(true);
    expect(pngSize(bytes)).toEqual({ width: 1000, height: 500 });
    expect(file?.altText).toBe('Homepage redesign: hours logged, last 28 days. Hours logged: 8.3 h, Estimate: 10 h and Hours left: 1.7 h');
    // Still one filtered GET /hours of the project: the chart's 28 days are the alert's read.
    const reads = h.cor.requestsTo('GET', '/hours').filter((r) => JSON.parse(r.query.filters ?? '{}').projects?.[0] === 100);
    expect(reads).toHaveLength(1);
    expect(h.logText()).toContain('budget chart shared');

    // Drawn once per alert: the next entry and the sweeps share no other chart.
    await log('30m #48211 yesterday');
    await h.services.budget.sweep();
    expect(h.slack.files).toHaveLength(1);
  });

  it('an alert Slack refuses for good (the bot is not in the channel) is never lost in silence: its owner is told, once', async () => {
    h.slack.failNext('chat.postMessage', 'not_in_channel', { channel: CHANNEL });
    await log('30m #48211 today');
    expect(alerts()).toHaveLength(1); // asked once, refused
    expect(h.slack.messages.get(CHANNEL) ?? []).toHaveLength(0);
    const told = () => h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U02JOHN' && String(c.args.text).includes('budget alert'));
    expect(told()).toHaveLength(1);
    expect(String(told()[0]?.args.text)).toContain('Slack said `not_in_channel`');
    await h.services.budget.sweep();
    await secondInstance().sweep();
    expect(told()).toHaveLength(1);
    expect(alerts()).toHaveLength(1); // refused for good: not asked again
  });

  it('a chart Slack refuses leaves the alert posted once, and the log says why', async () => {
    h.slack.failNext('files.completeUploadExternal', 'not_in_channel');
    await log('30m #48211 today');
    expect(alerts()).toHaveLength(1);
    expect(h.slack.files.map((f) => f.completed)).toEqual([false]);
    const warning = h.logText().split('\n').find((l) => l.includes('budget chart not shared'));
    expect(warning).toContain('not_in_channel');
    expect(h.logText()).toContain('budget alert posted');
    // Neither the alert nor the chart is tried again.
    await h.services.budget.sweep();
    await secondInstance().sweep();
    expect(alerts()).toHaveLength(1);
    expect(h.slack.calls.filter((c) => c.method === 'files.getUploadURLExternal')).toHaveLength(1);
  });

  it('the chart speaks the alert’s language: Spanish words and numbers', async () => {
    await h.services.languages.choose(TENANT, 'U02JOHN', 'es');
    await log('30m #48211 today');
    expect(alerts()).toHaveLength(1);
    const [file] = h.slack.files;
    expect(file?.title).toBe('Homepage redesign: horas registradas, últimos 28 días');
    expect(file?.altText).toBe('Homepage redesign: horas registradas, últimos 28 días. Horas registradas: 8,3 h, Estimación: 10 h y Horas restantes: 1,7 h');
    expect(isPng(file?.bytes ?? Buffer.alloc(0))).toBe(true);
  });

  it('two instances sweeping at once post a crossed threshold once; a new estimate alerts again', async () => {
    const project = h.cor.data.projects.find((p) => p.id === 100);
    if (project) project.estimated_time = 9; // 7.8 of 9: 86 % (rounded down)
    const sweeps = await Promise.all([h.services.budget.sweep(), secondInstance().sweep(), h.services.budget.sweep()]);
    expect(sweeps.reduce((n, s) => n + s.posted, 0)).toBe(1);
    expect(alerts().map((c) => String(c.args.text))).toEqual(['📊 *Homepage redesign* has reached 80% of its estimated hours: 7h 48m of 9h logged (86%).']);
    // One paged read of COR's projects per sweep, not one request per channel project.
    expect(h.cor.requestsTo('GET', '/projects')).toHaveLength(3);
    expect(h.cor.requestsTo('GET', '/projects/{project_id}')).toHaveLength(0);
    if (project) project.estimated_time = 12; // 65 %: crosses 50 % of the new estimate
    await h.services.budget.sweep();
    expect(alerts().map((c) => String(c.args.text).slice(0, 60))).toEqual(['📊 *Homepage redesign* has reached 80% of its estimated hour', '📊 *Homepage redesign* has reached 50% of its estimated hour']);
  });

  it('a project without an estimate never alerts, and /cor project status says so', async () => {
    const project = h.cor.data.projects.find((p) => p.id === 100);
    if (project) project.estimated_time = null;
    await log('3h #48211 today');
    await h.services.budget.sweep();
    expect(alerts()).toHaveLength(0);
    expect(await command('project status', 'U01JANE')).toContain('*Homepage redesign* has no estimated hours in COR, so it has no budget alerts. 10h 48m logged so far.');
  });

  it('/cor project status: the same numbers on demand, ephemeral, with the channel’s thresholds', async () => {
    const text = await command('project status', 'U01JANE');
    expect(text).toContain('📊 *Homepage redesign*: 7h 48m of 10h logged (78%).');
    expect(text).toContain('*Top people, last 7 days:* Ana Souza (2h 48m)');
    expect(text).toContain('Alerts in this channel at 50%, 80% and 100% of the estimate.');
    expect(alerts()).toHaveLength(0);
    // the alert's burn chart too: uploaded to no conversation, shown by its file id
    expect(h.slack.files).toHaveLength(1);
    const [file] = h.slack.files;
    expect(isPng(file?.bytes as Buffer)).toBe(true);
    expect(text).toContain(`"slack_file":{"id":"${String(file?.id)}"}`);
    const elsewhere = slashCommandBody('project status', h.slack, { channel_id: 'C0RANDOM' });
    await h.send(elsewhere);
    expect(String((await waitForResponse(h.slack, String(elsewhere.response_url), (b) => !String(b.text).startsWith('⏳'))).text)).toBe('This channel is not a COR project: `/cor project new` makes it one.');
  });

  it('thresholds: changed by the project’s own Project Manager, refused to a collaborator; off means no alert', async () => {
    expect(await command('project alerts 90', 'U01JANE')).toContain('Only the project’s own Project Manager in COR, C-Level or Directors can change this channel’s budget alerts.');
    expect(await h.services.budget.thresholdsOf(TENANT, CHANNEL)).toEqual([50, 80, 100]);
    expect(await command('project alerts 75%, 90', 'U02JOHN')).toContain('✓ Budget alerts in this channel at 75% and 90% of the estimated hours.');
    expect(await h.services.budget.thresholdsOf(TENANT, CHANNEL)).toEqual([75, 90]);
    await h.services.budget.sweep();
    expect(alerts().map((c) => String(c.args.text))).toEqual(['📊 *Homepage redesign* has reached 75% of its estimated hours: 7h 48m of 10h logged (78%).']);

    expect(await command('project alerts off', 'U02JOHN')).toContain('✓ Budget alerts are off in this channel.');
    await log('2h #48211 today');
    await h.services.budget.sweep();
    expect(alerts()).toHaveLength(1);
    expect(await command('project status', 'U02JOHN')).toContain('Budget alerts are off in this channel.');

    const wrong = slashCommandBody('project alerts lots', h.slack, { user_id: 'U02JOHN', channel_id: CHANNEL });
    expect((await h.send(wrong)).body).toEqual({ response_type: 'ephemeral', text: 'Write the alert percents, like `/cor project alerts 50,80,100` (up to 5, from 1 to 500), or `/cor project alerts off`.' });
  });

  it('thresholds: a Project Manager of another project is refused; C-Level may; a PM handed the project is let in', async () => {
    await h.linkStored('U05CARLA', 1, 'Carla Admin', BA);
    const project = h.cor.data.projects.find((p) => p.id === 100);
    if (project) project.pm_id = 1; // Carla manages it now: John is a PM, but not of this project
    expect(await command('project alerts 90', 'U02JOHN')).toContain('Only the project’s own Project Manager in COR, C-Level or Directors can change this channel’s budget alerts.');
    expect(await h.services.budget.thresholdsOf(TENANT, CHANNEL)).toEqual([50, 80, 100]);
    expect(await command('project alerts 60,90', 'U05CARLA')).toContain('✓ Budget alerts in this channel at 60% and 90% of the estimated hours.');
    if (project) project.pm_id = 3; // handed back to John: read from COR at once, not remembered
    expect(await command('project alerts 70', 'U02JOHN')).toContain('✓ Budget alerts in this channel at 70% of the estimated hours.');
    expect(await h.services.budget.thresholdsOf(TENANT, CHANNEL)).toEqual([70]);
  });
});
