import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localParts, weekdayOf, zonedTimeToInstant } from '../../src/lib/zoned.ts';
import type { FakeCor } from '../../tools/fake-cor/server.ts';
import type { FakeSlack } from '../../tools/fake-slack/server.ts';
import type { SlackRequestSender } from '../../tools/fake-slack/signed-requests.ts';
import { type BotWithFakes, botWithFakes } from '../helpers/bot.ts';
import { linkUser, waitForResponse } from '../helpers/linking.ts';
import { buttonValue } from '../helpers/payloads.ts';
import { isPng, pngSize } from '../helpers/png.ts';

const JOHN_TZ = 'America/New_York'; // John's Slack zone (a Project Manager in COR, user 3)
const JANE_TZ = 'America/Argentina/Buenos_Aires'; // Jane's Slack zone (a Collaborator, user 2; her Slack speaks es-LA)
const HOMEPAGE = 100; // COR project "Homepage redesign" (Acme Foods), John its PM

type Block = { type: string; slack_file?: { id?: string }; alt_text?: string };
type Answer = { text?: string; blocks?: Block[] } & Record<string, unknown>;

/** "YYYY-MM-DD HH:MM:SS" in UTC, as the fake COR keeps entries (and the bot reads them until a write shows otherwise). */
const corTime = (instant: Date) => instant.toISOString().slice(0, 19).replace('T', ' ');
const utc = (corValue: string) => new Date(`${corValue.replace(' ', 'T')}Z`);

/** "9h 30m" · "9 h 30 min", as the answer writes a duration (rounded to the minute). */
function duration(minutes: number, lang: 'en' | 'es'): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (lang === 'en') return h === 0 ? `${m}m` : m === 0 ? `${h}h` : `${h}h ${m}m`;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/**
 * Issue 23 with the bot as a process: `/cor report` signed as Slack sends it, answered on its response_url with
 * the totals, a PNG chart uploaded through Slack's three-step upload and shown by its file id, and Download CSV
 * posting the entries to the asker's DM; COR read once for an answer and its CSV.
 */
describe('/cor report, end to end (bot process, fake Slack, fake COR)', () => {
  let e2e: BotWithFakes;
  let slack: FakeSlack;
  let cor: FakeCor;
  let sender: SlackRequestSender;
  let seq = 0;

  beforeAll(async () => {
    e2e = await botWithFakes();
    ({ slack, cor, sender } = e2e);
    // Jane chooses no language: she is read in her Slack's (es-LA).
    await Promise.all([linkUser(sender, 'U02JOHN', 3), linkUser(sender, 'U01JANE', 2)]);
  });
  afterAll(() => e2e.close());

  /** An entry in the fake COR: `minutes` long from `start`. */
  const addHour = (userId: number, taskId: number, start: Date, minutes: number) => {
    const stop = new Date(start.getTime() + minutes * 60_000);
    cor.data.hours.push({ id: 31_000 + ++seq, user_id: userId, task_log_id: taskId, start: corTime(start), stop: corTime(stop), comments: null, created_at: corTime(stop) });
  };

  /** The minutes of the fake COR's entries that `keep` takes, each counted on the day it starts in `tz`, from `from` to `to`. */
  const minutesIn = (tz: string, from: string, to: string, keep: (h: { user_id: number; task_log_id: number }) => boolean) =>
    cor.data.hours
      .filter((h) => keep(h) && h.stop)
      .filter((h) => {
        const date = localParts(utc(h.start), tz).date;
        return date >= from && date <= to;
      })
      .reduce((n, h) => n + Math.round((utc(h.stop ?? h.start).getTime() - utc(h.start).getTime()) / 60_000), 0);

  const images = (m: Answer) => (m.blocks ?? []).filter((b) => b.type === 'image');

  const click = (userId: string, actionId: string, value: string) => {
    const responseUrl = slack.newResponseUrl();
    const sent = sender.interaction({
      type: 'block_actions',
      team: { id: 'T0DEMO', domain: 'demo' },
      user: { id: userId, team_id: 'T0DEMO', username: 'x', name: 'x' },
      api_app_id: 'A0COR',
      token: 'x',
      trigger_id: `${Date.now()}.trigger`,
      response_url: responseUrl,
      container: { type: 'message', message_ts: '1.1', is_ephemeral: true },
      actions: [{ type: 'button', action_id: actionId, block_id: 'b', value, action_ts: `${Date.now() / 1000}` }],
    });
    return { responseUrl, sent };
  };

  it('"my week": acked within 3 s with "⏳", then the week’s total in the asker’s zone and a real PNG shown by the id of a file uploaded in three steps', async () => {
    const today = localParts(new Date(), JOHN_TZ).date;
    const monday = addDays(today, 1 - weekdayOf(today));
    // Today 20:30 in New York: tomorrow in UTC, today for John.
    addHour(3, 48220, zonedTimeToInstant(today, 20, 30, JOHN_TZ), 95);
    // Sunday before this week 22:00 in New York: Monday in UTC, last week for John.
    addHour(3, 48220, zonedTimeToInstant(addDays(monday, -1), 22, 0, JOHN_TZ), 120);
    // Monday 09:00, this week either way.
    addHour(3, 48214, zonedTimeToInstant(monday, 9, 0, JOHN_TZ), 45);
    const minutes = minutesIn(JOHN_TZ, monday, today, (h) => h.user_id === 3);
    expect(minutes).toBeGreaterThanOrEqual(95 + 45);

    const res = await sender.slashCommand({ text: 'report my week', user_id: 'U02JOHN' });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3_000);
    expect(res.json).toMatchObject({ response_type: 'ephemeral', text: '⏳ Reading the hours…' });

    const answer = (await waitForResponse(slack, res.responseUrl, (b) => String(b.text) !== '⏳ Reading the hours…', 15_000)) as Answer;
    const words = JSON.stringify(answer.blocks);
    expect(words).toContain('*Your hours*');
    expect(words).toMatch(new RegExp(`Total: \\*${duration(minutes, 'en')}\\*( of|")`));

    const [image, ...more] = images(answer);
    expect(more).toEqual([]);
    const file = slack.files.find((f) => f.id === image?.slack_file?.id);
    expect(file).toMatchObject({ filename: 'hours.png', completed: true, channel: undefined });
    // Through files.getUploadURLExternal (its length), the upload URL (the bytes), files.completeUploadExternal.
    expect(slack.callsTo('files.getUploadURLExternal').some((c) => c.args.filename === 'hours.png' && Number(c.args.length) === file?.bytes?.length)).toBe(true);
    expect(slack.callsTo('files.completeUploadExternal').some((c) => JSON.stringify(c.args.files).includes(String(file?.id)))).toBe(true);
    const bytes = file?.bytes ?? Buffer.alloc(0);
    expect(isPng(bytes)).toBe(true);
    expect(pngSize(bytes)).toEqual({ width: 1000, height: 500 });
    expect(image?.alt_text).toContain(`In all: ${Math.round((minutes / 60) * 10) / 10} h`); // the chart's hours, to a tenth
  }, 30_000);

  it('a PM’s project last month by person, then Download CSV: the CSV in their DM sums to the answer’s total, COR’s hours read once for both', async () => {
    const today = localParts(new Date(), JOHN_TZ).date;
    const first = addDays(today, 1 - Number(today.slice(8, 10))); // this month's first day
    const from = `${addDays(first, -1).slice(0, 8)}01`;
    const to = addDays(first, -1);
    addHour(2, 48211, zonedTimeToInstant(addDays(from, 4), 10, 0, JOHN_TZ), 180); // Jane on Homepage redesign
    addHour(4, 48212, zonedTimeToInstant(addDays(from, 5), 14, 0, JOHN_TZ), 90); // Ana on Homepage redesign
    addHour(2, 48213, zonedTimeToInstant(addDays(from, 6), 10, 0, JOHN_TZ), 120); // Jane on Mobile app: not this project
    addHour(3, 48220, zonedTimeToInstant(to, 21, 0, JOHN_TZ), 60); // John, the month's last evening: this month in UTC
    const onHomepage = new Set(cor.data.tasks.filter((t) => t.project_id === HOMEPAGE).map((t) => t.id));
    const minutes = minutesIn(JOHN_TZ, from, to, (h) => onHomepage.has(h.task_log_id));
    expect(minutes).toBeGreaterThanOrEqual(180 + 90 + 60);
    const reads = () => cor.requestsTo('GET', '/hours').filter((r) => r.userId === 3).length;
    const readsBefore = reads();

    const res = await sender.slashCommand({ text: 'report everyone on Homepage redesign last month by person', user_id: 'U02JOHN' });
    expect(res.json).toMatchObject({ text: '⏳ Reading the hours…' });
    const answer = (await waitForResponse(slack, res.responseUrl, (b) => String(b.text) !== '⏳ Reading the hours…', 15_000)) as Answer;
    const words = JSON.stringify(answer.blocks);
    expect(words).toContain("*Everyone's hours* on Homepage redesign");
    expect(words).toContain(`Total: *${duration(minutes, 'en')}*`);
    expect(words).toContain('*People*');
    expect(images(answer)[0]?.alt_text).toMatch(/Jane Doe: .*Ana Souza: 1.5 h|Ana Souza: 1.5 h.*Jane Doe: /);

    const csvClick = click('U02JOHN', 'report_csv', buttonValue(answer, 'report_csv'));
    expect((await csvClick.sent).status).toBe(200);
    const said = await waitForResponse(slack, csvClick.responseUrl, () => true, 15_000);
    expect(said.text).toBe('The CSV is in our DM.');
    const csv = slack.files.find((f) => f.filename === `hours-${from}-${to}.csv`);
    expect(csv).toMatchObject({ completed: true, channel: 'D02JOHN' });
    // No quoted fields in these names: the lines split on commas.
    const rows = (csv?.bytes ?? Buffer.alloc(0)).toString('utf8').trim().split('\n').map((line) => line.split(','));
    expect(rows[0]).toEqual(['Date', 'Person', 'Project', 'Client', 'Task', 'Start', 'Stop', 'Hours']);
    const entries = rows.slice(1);
    expect(new Set(entries.map((r) => r[2]))).toEqual(new Set(['Homepage redesign']));
    expect(entries.every((r) => (r[0] ?? '') >= from && (r[0] ?? '') <= to)).toBe(true);
    expect(entries.map((r) => r[1])).toEqual(expect.arrayContaining(['Jane Doe', 'Ana Souza', 'John Smith']));
    expect(Math.round(entries.reduce((n, r) => n + Number(r[7]), 0) * 60)).toBe(minutes);
    // The answer and its CSV: one read of COR's hours (kept a minute).
    expect(reads() - readsBefore).toBe(1);
  }, 30_000);

  it('a question in Spanish from a Spanish-speaking person is answered in Spanish', async () => {
    const today = localParts(new Date(), JANE_TZ).date;
    const monday = addDays(today, 1 - weekdayOf(today));
    addHour(2, 48218, zonedTimeToInstant(monday, 11, 0, JANE_TZ), 150);
    const minutes = minutesIn(JANE_TZ, monday, today, (h) => h.user_id === 2);

    const res = await sender.slashCommand({ text: 'report ¿cuántas horas llevo esta semana?', user_id: 'U01JANE' });
    expect(res.json).toMatchObject({ response_type: 'ephemeral', text: '⏳ Leyendo las horas…' });
    const answer = (await waitForResponse(slack, res.responseUrl, (b) => String(b.text) !== '⏳ Leyendo las horas…', 15_000)) as Answer;
    const words = JSON.stringify(answer.blocks);
    expect(words).toContain('*Tus horas*');
    expect(words).toMatch(new RegExp(`Total: \\*${duration(minutes, 'es')}\\*( de|")`));
    expect(words).toContain('Descargar CSV');
    expect(images(answer)[0]?.alt_text).toContain('En total:');
    expect(words).not.toMatch(/Your hours|Total: \*\d+h|Download CSV/);
  }, 30_000);
});
