import { describe, expect, it } from 'vitest';
import type { LogParseError } from '../../../src/domain/parse/log-command.ts';
import type { RemindProblem } from '../../../src/domain/parse/remind-command.ts';
import type { LineDay, LineRow } from '../../../src/domain/time-entries/lines.ts';
import type { Proposal } from '../../../src/domain/time-entries/model.ts';
import { textsIn, type Texts } from '../../../src/i18n/texts.ts';
import { altText } from '../../../src/lib/charts.ts';
import { LANGUAGES } from '../../../src/lib/language.ts';
import type { DigestRecord } from '../../../src/store/digests.ts';
import type { DigestContent } from '../../../src/domain/digests/service.ts';
import { digestChart, digestListCard, digestModal, digestModalMessage, digestMessage, nudgeMessage } from '../../../src/slack/digests/blocks.ts';
import { abandonedMessage, bentNotLoggedMessage, failedMessage, loggedMessage, scheduledMessage, taskNotFoundMessage, waitingForLinkMessage } from '../../../src/slack/entry-answers.ts';
import { usageCard } from '../../../src/slack/help.ts';
import { linkedHome, weekChart, welcomeHome } from '../../../src/slack/home/blocks.ts';
import { accountClaimedMessage, linkRefusedMessage, relinkMessage, unlinkedCard, welcomeMessage, whoamiCard } from '../../../src/slack/linking/blocks.ts';
import { cancelledMessage, chooseMessage, confirmMessage, noTaskMessage, parseErrorMessage, working } from '../../../src/slack/log-time/blocks.ts';
import { logModal } from '../../../src/slack/log-time/form-blocks.ts';
import { lineCancelledMessage, lineCard, lineOutcomeMessage } from '../../../src/slack/log-time/line-blocks.ts';
import { linkCard } from '../../../src/slack/person.ts';
import { projectModal, projectModalLoading, projectModalMessage } from '../../../src/slack/projects/blocks.ts';
import { budgetAlertMessage, budgetChart, budgetStatusMessage } from '../../../src/slack/projects/budget-blocks.ts';
import type { BudgetFacts } from '../../../src/domain/budget.ts';
import { reminderDoneMessage, reminderMessage, reminderSettingsModal, reminderSkippedMessage, reminderSnoozedMessage, remindErrorMessage, settingsCard } from '../../../src/slack/reminders/blocks.ts';
import { groupChoiceMessage, groupNobodyMessage, noGroupMessage, notLinkedMessage, problemMessage, refusalMessage, reportChart, reportForm, reportMessage, words } from '../../../src/slack/reports/blocks.ts';
import { todayMessage, weekMessage } from '../../../src/slack/summary/blocks.ts';
import { addToTaskModal, createTaskModal, messageTaskModalText, messageTaskThreadReply, taskReference } from '../../../src/slack/tasks/message-blocks.ts';
import { taskCard, taskModalForm, taskModalLoading, taskModalMessage, taskModalSaving, taskNotFoundText, tasksMessage } from '../../../src/slack/tasks/blocks.ts';
import { chooseTimerTaskMessage, noTimerMessage, noTimerTaskMessage, startedMessage, startUsageMessage, statusMessage, stoppedMessage } from '../../../src/slack/timers/blocks.ts';
import { LINK, NAMES, NOW, REPORT, request, SETTINGS, STOPPED, SUMMARY, task, TASKS, TZ, WRITTEN } from '../../fixtures/surface-data.ts';
import { englishLeaks, limitProblems } from '../../helpers/slack-limits.ts';

/** Names and titles the renders are given: shown as they are, in whatever language they were written. */
const DATA = [...NAMES, 'COR said no', 'last week', 'Design team', 'jane.doe@acme.example', 'English', 'Español', 'Português', 'America', 'Argentina', 'Buenos_Aires', 'Hero copy', 'frobnicate', 'Slack', 'COR'];

const OWNER = { tenantKey: 'T:T0DEMO', slackUserId: 'U01JANE' };
const MESSAGE_META = { t: 'T:T0DEMO', u: 'U01JANE', c: 'C0HOME', m: '1765119600.000100' };
const CHANNEL_META = { ...MESSAGE_META, p: 100, pn: 'Homepage redesign for the winter campaign' };
const LONG_MESSAGE = `@John Smith can you change the hero copy by Friday? ${'Hero copy '.repeat(400)}`;
const START = new Date('2026-12-07T12:00:00Z');
const STOP = new Date('2026-12-07T13:30:00Z');
const PROPOSAL: Proposal = { task: task(), start: START, stop: STOP, date: '2026-12-07', note: 'Hero copy', guesses: ['task', 'date', 'span'], bends: ['overlap', 'pushed_back'], dayTotal: { logged: 7.5, target: 8 } };
const PENDING = { u: 'U01JANE', t: 'T:T0DEMO', k: 'req-1', task: 48211, s: START.toISOString(), e: STOP.toISOString(), n: 'Hero copy', q: 'homepage' };
const ROWS: LineRow[] = [
  { task: { id: 48211, title: 'Homepage redesign for the winter campaign', project: 'Website', client: 'Acme Corporation International' }, options: [], start: START.toISOString(), stop: STOP.toISOString(), date: '2026-12-07', note: 'Hero copy', guesses: ['date', 'span'], placed: true, bends: ['overlap'] },
  { taskProblem: { kind: 'choose', words: 'review' }, options: [{ id: 48213, title: 'Review' }, { id: 48214, title: 'Bolt Motors' }], start: START.toISOString(), stop: STOP.toISOString(), date: '2026-12-07', guesses: ['task'], placed: false },
  { taskProblem: { kind: 'no_task', words: 'Diseño de landing' }, options: [], start: START.toISOString(), stop: STOP.toISOString(), date: '2026-12-06', guesses: [], placed: false },
];
const DAYS: LineDay[] = [
  { date: '2026-12-07', logged: 6, target: 8 },
  { date: '2026-12-06', target: 0 },
];
const DIGEST: DigestRecord = { id: 'dg-1', tenantKey: 'T:T0DEMO', ownerSlackUserId: 'U01JANE', audience: { kind: 'usergroup', usergroupId: 'S0DESIGN' }, channelId: 'C0DESIGN', schedule: 'weekly', localTime: '09:00', tz: TZ, shortUnderHours: 6, paused: false, language: null, withChart: true };
const DIGEST_CONTENT: DigestContent = {
  digest: DIGEST,
  period: { period: 'weekly:2026-11-30', days: ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06'] },
  rows: [
    { kind: 'linked', slackUserId: 'U02JOHN', name: 'Jane Doe', logged: 20.5, target: 40, onLeave: false, leaveDays: 1, short: true, dayNotOver: false },
    { kind: 'linked', slackUserId: 'U03ANA', name: 'Jane Doe', logged: 0, target: 0, onLeave: true, leaveDays: 5, short: false, dayNotOver: false },
    { kind: 'linked', slackUserId: 'U04MIKE', name: 'Jane Doe', logged: 41, target: 40, onLeave: false, leaveDays: 0, short: false, dayNotOver: true },
    { kind: 'unlinked', slackUserId: 'U05LEE' },
    { kind: 'unlinked', slackUserId: '', name: 'Jane Doe' },
  ],
  nudged: new Set(['U02JOHN']),
};
const DIGEST_PEOPLE: DigestRecord = { ...DIGEST, id: 'dg-2', audience: { kind: 'people', slackUserIds: ['U02JOHN', 'U03ANA'] }, channelId: 'U01JANE', schedule: 'daily', shortUnderHours: null, paused: true, language: 'es', withChart: false };
const PARSE_ERRORS: LogParseError[] = [
  { code: 'empty' }, { code: 'no_duration' }, { code: 'ambiguous_number', value: '3' }, { code: 'zero' }, { code: 'negative' }, { code: 'too_long', minutes: 1600 },
  { code: 'future', date: '2026-12-09' }, { code: 'no_such_date', words: '31 de noviembre' }, { code: 'unclear_date', words: 'last week' }, { code: 'range_in_future' }, { code: 'since_in_future' },
  { code: 'too_many', count: 14 }, { code: 'two_spans', words: '1h o 2h' }, { code: 'reversed_range', words: '4pm-2pm' }, { code: 'too_wordy' }, { code: 'start_time', words: 'at 10am' },
];
const REMIND_PROBLEMS: RemindProblem[] = [
  { code: 'word', word: 'frobnicate' }, { code: 'after', arg: 'at', key: 'at' }, { code: 'time', arg: '25:00' }, { code: 'days', arg: 'frobnicate' }, { code: 'date', arg: 'frobnicate' },
  { code: 'target', arg: '30h' }, { code: 'past', date: '2026-12-01' }, { code: 'too_far' }, { code: 'morning' }, { code: 'away' },
];

const BUDGET: BudgetFacts = {
  projectName: 'Homepage redesign for the winter campaign',
  logged: 83.5,
  estimate: 100,
  percent: 84,
  weekHours: 21.25,
  reachDate: '2026-12-21',
  topTasks: [{ title: 'Homepage redesign for the winter campaign', hours: 9.5 }, { title: 'Review', hours: 6 }, { title: 'Diseño de landing', hours: 5.75 }],
  topPeople: [{ name: 'Jane Doe', hours: 12 }, { name: 'Bolt Motors', hours: 9.25 }],
  daily: Array.from({ length: 28 }, (_, i) => ({ date: `2026-12-${String(i + 1).padStart(2, '0')}`, hours: i % 7 < 5 ? 3.25 : 0 })),
  before: 20,
};
const BUDGET_CHANNEL = { tenantKey: 'T:T0DEMO', channelId: 'C0WEB', corProjectId: 100, externalId: 'C0WEB', name: 'Website', createdBy: 'U02JOHN' };

interface Surface {
  name: string;
  kind: 'message' | 'modal' | 'home';
  render(t: Texts): unknown;
}

/** Every surface the bot shows, rendered with representative data (the longest texts each can hold). */
const SURFACES: Surface[] = [
  // shared
  { name: 'usage card', kind: 'message', render: (t) => usageCard(t, { undoSeconds: 10 }) },
  { name: 'usage card, unknown subcommand', kind: 'message', render: (t) => usageCard(t, { unknown: 'frobnicate'.repeat(10) }) },
  ...(['not_linked', 'needs_relink', undefined] as const).map((reason) => ({
    name: `link card ${reason ?? 'first'}`,
    kind: 'message' as const,
    render: (t: Texts) => linkCard(t, { consentUrl: 'https://cor.example/consent', reason, guess: { id: 2, name: 'Jane Doe', email: undefined } }),
  })),
  { name: 'link card relink', kind: 'message', render: (t) => linkCard(t, { consentUrl: 'https://cor.example/consent', reason: 'relink', linkedAs: 'Jane Doe' }) },
  { name: 'entry logged', kind: 'message', render: (t) => loggedMessage(t, WRITTEN, TZ, { logged: 7.5, target: 8 }, 'https://cor.example/tasks/48211', true) },
  { name: 'entry scheduled', kind: 'message', render: (t) => scheduledMessage(t, WRITTEN, TZ, OWNER, ['req-1']) },
  { name: 'entry waiting for the link', kind: 'message', render: (t) => waitingForLinkMessage(t, WRITTEN, TZ) },
  { name: 'entry failed', kind: 'message', render: (t) => failedMessage(t, { taskId: 48211, start: START, stop: STOP }, TZ, 'COR said no', true) },
  { name: 'entry abandoned', kind: 'message', render: (t) => abandonedMessage(t, request({ state: 'unknown' }), TZ) },
  { name: 'entry bent, not logged', kind: 'message', render: (t) => bentNotLoggedMessage(t, PROPOSAL, TZ) },
  { name: 'task not found', kind: 'message', render: (t) => taskNotFoundMessage(t, 48299) },
  // log-time
  { name: '/cor log first answer', kind: 'message', render: (t) => working(t) },
  ...PARSE_ERRORS.map((error) => ({ name: `parse error ${error.code}`, kind: 'message' as const, render: (t: Texts) => parseErrorMessage(t, error, '2h QA') })),
  { name: 'confirm card', kind: 'message', render: (t) => confirmMessage(t, PROPOSAL, TZ, PENDING) },
  { name: 'choose card', kind: 'message', render: (t) => chooseMessage(t, TASKS, { start: START, stop: STOP, guesses: ['date', 'span'], bends: ['midnight'] }, TZ, PENDING, 'homepage') },
  { name: 'no task', kind: 'message', render: (t) => noTaskMessage(t, 'homepage') },
  { name: 'cancelled', kind: 'message', render: (t) => cancelledMessage(t) },
  { name: 'line card', kind: 'message', render: (t) => lineCard(t, 'draft-1', ROWS, DAYS, TZ, 'Hero copy') },
  {
    name: 'line outcome',
    kind: 'message',
    render: (t) => lineOutcomeMessage(t, [...ROWS, ...ROWS].slice(0, 5), [{ kind: 'logged' }, { kind: 'logging', requestId: 'req-1' }, { kind: 'queued' }, { kind: 'relink' }, { kind: 'failed', reason: 'COR said no' }], DAYS, TZ, OWNER),
  },
  { name: 'line cancelled', kind: 'message', render: (t) => lineCancelledMessage(t) },
  { name: 'log form', kind: 'modal', render: (t) => logModal(t, { today: '2026-12-07', meta: '{}', task: task(), note: 'Hero copy' }) },
  // tasks
  { name: '/cor tasks', kind: 'message', render: (t) => tasksMessage(t, { tasks: TASKS, query: 'homepage', offset: 0 }, NOW, TZ, (id) => `https://cor.example/tasks/${id}`) },
  { name: 'task card', kind: 'message', render: (t) => taskCard(t, task(), NOW, TZ, 'https://cor.example/tasks/48211') },
  { name: 'task not found (tasks)', kind: 'message', render: (t) => taskNotFoundText(t, '#48299') },
  { name: 'task form loading', kind: 'modal', render: (t) => taskModalLoading(t, { t: 'T:T0DEMO', u: 'U01JANE', task: 48211 }) },
  { name: 'task form', kind: 'modal', render: (t) => taskModalForm(t, task(), ['nueva', 'en_proceso', 'estancada', 'finalizada', 'en_revision'], { t: 'T:T0DEMO', u: 'U01JANE', task: 48211 }, 'COR said no') },
  { name: 'task form saving', kind: 'modal', render: (t) => taskModalSaving(t, { t: 'T:T0DEMO', u: 'U01JANE', task: 48211 }) },
  { name: 'task form message', kind: 'modal', render: (t) => taskModalMessage(t, { t: 'T:T0DEMO', u: 'U01JANE', task: 48211 }, 'Hero copy') },
  // tasks from messages
  { name: 'create task form (channel project)', kind: 'modal', render: (t) => createTaskModal(t, CHANNEL_META, { title: LONG_MESSAGE, description: LONG_MESSAGE, due: '2026-12-11' }) },
  { name: 'create task form (project picker)', kind: 'modal', render: (t) => createTaskModal(t, MESSAGE_META, { title: 'Hero copy', description: '', due: undefined }) },
  { name: 'add to task form', kind: 'modal', render: (t) => addToTaskModal(t, CHANNEL_META, { task: task(), message: LONG_MESSAGE }) },
  { name: 'create task saving', kind: 'modal', render: (t) => messageTaskModalText(t, 'create', MESSAGE_META, t.t('msgtask.create.saving')) },
  {
    name: 'create task done',
    kind: 'modal',
    render: (t) =>
      messageTaskModalText(t, 'create', MESSAGE_META, t.t('msgtask.threadFailed', { done: `${t.t('msgtask.create.done', { task: taskReference(task(), 'https://cor.example/tasks/48211'), project: 'Website' })}\n${t.t('msgtask.create.detailsNotSaved')}` })),
  },
  { name: 'create task refused', kind: 'modal', render: (t) => messageTaskModalText(t, 'create', MESSAGE_META, `${t.t('msgtask.refused.create', { project: 'Website' })} ${t.t('msgtask.refused.said', { corSaid: 'COR' })} ${t.t('msgtask.refused.invalid')}`) },
  { name: 'add to task saving', kind: 'modal', render: (t) => messageTaskModalText(t, 'add', MESSAGE_META, t.t('msgtask.add.saving')) },
  { name: 'add to task done', kind: 'modal', render: (t) => messageTaskModalText(t, 'add', MESSAGE_META, t.t('msgtask.add.done', { task: taskReference(task(), undefined) })) },
  { name: 'add to task refused', kind: 'modal', render: (t) => messageTaskModalText(t, 'add', MESSAGE_META, `${t.t('msgtask.refused.write', { task: 'Website' })} ${t.t('msgtask.refused.gone', { id: '48211' })}`) },
  { name: 'task made thread reply', kind: 'message', render: (t) => messageTaskThreadReply(t, 'create', 'U01JANE', task(), 'https://cor.example/tasks/48211', NOW, TZ) },
  { name: 'task message thread reply', kind: 'message', render: (t) => messageTaskThreadReply(t, 'add', 'U01JANE', task(), undefined, NOW, TZ) },
  // timers
  { name: 'timer stopped', kind: 'message', render: (t) => stoppedMessage(t, STOPPED, TZ, OWNER) },
  { name: 'timer started', kind: 'message', render: (t) => startedMessage(t, task(), NOW, TZ, STOPPED, OWNER) },
  { name: 'timer status', kind: 'message', render: (t) => statusMessage(t, { task: task(), timer: { startedAt: START }, minutes: 95 }, TZ) },
  { name: 'no timer', kind: 'message', render: (t) => noTimerMessage(t) },
  { name: 'timer usage', kind: 'message', render: (t) => startUsageMessage(t) },
  { name: 'timer choose', kind: 'message', render: (t) => chooseTimerTaskMessage(t, TASKS) },
  { name: 'timer no task', kind: 'message', render: (t) => noTimerTaskMessage(t, 'homepage') },
  // summary
  { name: '/cor today', kind: 'message', render: (t) => todayMessage(t, { ...SUMMARY, days: SUMMARY.days.slice(0, 1) }, TZ) },
  { name: '/cor week', kind: 'message', render: (t) => weekMessage(t, SUMMARY) },
  // reminders
  { name: 'reminder DM', kind: 'message', render: (t) => reminderMessage(t, { kind: 'day', aboutDate: '2026-12-07', logged: 1.5, target: 8, recentTasks: TASKS.slice(0, 3), targetNote: 'half-day Vacaciones', leave: { name: 'Vacaciones', wholeDay: false } }, 'dl-1') },
  { name: 'reminder done', kind: 'message', render: (t) => reminderDoneMessage(t, { kind: 'morning', aboutDate: '2026-12-04', logged: 8, target: 8, recentTasks: [], targetNote: undefined }) },
  { name: 'reminder snoozed', kind: 'message', render: (t) => reminderSnoozedMessage(t, NOW, TZ) },
  { name: 'reminder skipped', kind: 'message', render: (t) => reminderSkippedMessage(t, '2026-12-07') },
  { name: 'reminder settings', kind: 'message', render: (t) => settingsCard(t, SETTINGS, TZ, true) },
  { name: 'reminder settings, COR target', kind: 'message', render: (t) => settingsCard(t, { ...SETTINGS, targetHours: null, weekdays: undefined, morningRecap: false, respectAway: false, skipDates: [] }, TZ, false) },
  ...REMIND_PROBLEMS.map((problem) => ({ name: `remind error ${problem.code}`, kind: 'message' as const, render: (t: Texts) => remindErrorMessage(t, problem) })),
  { name: 'reminder settings form', kind: 'modal', render: (t) => reminderSettingsModal(t, SETTINGS, '{}') },
  // digests
  { name: 'digest', kind: 'message', render: (t) => digestMessage(t, DIGEST_CONTENT, new Map([['U02JOHN', 'Jane Doe']])) },
  {
    // The digest's chart: its words (title, names, labels, numbers) and its alt text, as the file's message says them.
    name: 'digest chart',
    kind: 'message',
    render: (t) => {
      const drawn = digestChart(t, { ...DIGEST_CONTENT, rows: [...DIGEST_CONTENT.rows, { kind: 'linked', slackUserId: 'U06PAT', name: 'Jane Doe', logged: 3, target: 0, onLeave: false, leaveDays: 0, short: false, dayNotOver: false }] });
      const words = drawn ? [drawn.title, ...drawn.chart.series.map((x) => x.name), ...Object.values(drawn.chart.labels), drawn.chart.target?.label, ...drawn.chart.periods, drawn.chart.format(7.5)].join(' · ') : '';
      return { text: drawn?.altText ?? '', blocks: [{ type: 'section', text: { type: 'plain_text', text: words.slice(0, 3000) } }] };
    },
  },
  { name: 'nudge', kind: 'message', render: (t) => nudgeMessage(t, { days: ['2026-12-07'], logged: 1.5, target: 8, leadSlackUserId: 'U01JANE' }) },
  { name: 'digest list', kind: 'message', render: (t) => digestListCard(t, [DIGEST, DIGEST_PEOPLE], '✓', { id: 7, name: 'Website' }) },
  { name: 'digest form', kind: 'modal', render: (t) => digestModal(t, { t: 'T:T0DEMO', u: 'U01JANE', id: 'dg-1', p: 7, pn: 'Website' }, DIGEST, 'Design team') },
  { name: 'digest form, new', kind: 'modal', render: (t) => digestModal(t, { t: 'T:T0DEMO', u: 'U01JANE' }, undefined) },
  { name: 'digest form message', kind: 'modal', render: (t) => digestModalMessage(t, { t: 'T:T0DEMO', u: 'U01JANE' }, 'Hero copy') },
  // home
  { name: 'welcome Home', kind: 'home', render: (t) => welcomeHome(t, { chosen: undefined, slack: 'es' }, 'https://cor.example/consent') },
  {
    name: 'linked Home',
    kind: 'home',
    render: (t) =>
      linkedHome(
        t,
        { corName: 'Jane Doe', tz: TZ, now: NOW, week: SUMMARY, timer: { task: task(), startedAt: START, minutes: 95 }, tasks: TASKS, reminders: SETTINGS, digests: { own: [DIGEST, DIGEST_PEOPLE], including: [DIGEST] }, language: { chosen: 'pt', slack: 'es' } },
        (id) => `https://cor.example/tasks/${id}`,
      ),
  },
  {
    name: 'linked Home with the week chart',
    kind: 'home',
    render: (t) => {
      const { chart, altWords } = weekChart(t, SUMMARY);
      const chartShown = { fileId: 'F0WEEK', altText: altText(chart, altWords) };
      return linkedHome(t, { corName: 'Jane Doe', tz: TZ, now: NOW, week: SUMMARY, timer: undefined, tasks: TASKS, reminders: SETTINGS, language: { chosen: undefined, slack: 'es' }, chart: chartShown }, () => undefined);
    },
  },
  {
    // The week chart's words (title, series, days, numbers), as the picture shows them.
    name: 'Home week chart',
    kind: 'message',
    render: (t) => {
      const { chart, altWords } = weekChart(t, SUMMARY);
      const words = [chart.title, ...chart.series.map((x) => x.name), ...Object.values(chart.labels), chart.target?.label, ...chart.periods, chart.format(7.5)].join(' · ');
      return { text: altText(chart, altWords), blocks: [{ type: 'section', text: { type: 'plain_text', text: words.slice(0, 3000) } }] };
    },
  },
  // projects
  { name: 'project form loading', kind: 'modal', render: (t) => projectModalLoading(t, { t: 'T:T0DEMO', u: 'U01JANE', c: 'C0WEB', mode: 'new', tz: TZ, n: 'website' }) },
  { name: 'project form message', kind: 'modal', render: (t) => projectModalMessage(t, { t: 'T:T0DEMO', u: 'U01JANE', c: 'C0WEB', mode: 'edit', tz: TZ, n: 'website' }, 'Hero copy') },
  ...(['new', 'edit'] as const).map((mode) => ({
    name: `project form ${mode}`,
    kind: 'modal' as const,
    render: (t: Texts) => projectModal(t, { t: 'T:T0DEMO', u: 'U01JANE', c: 'C0WEB', mode, tz: TZ, n: 'website' }, { name: 'Website', client: 'Acme Corporation International', brief: 'Hero copy', start: '2026-12-07', end: '2027-01-15', hours: '120', billable: true }, { start: '2026-12-07', end: null }),
  })),
  // budget (projects)
  { name: 'budget alert', kind: 'message', render: (t) => budgetAlertMessage(t, { channel: BUDGET_CHANNEL, threshold: 80, facts: BUDGET }) },
  { name: 'budget alert, estimate used up', kind: 'message', render: (t) => budgetAlertMessage(t, { channel: BUDGET_CHANNEL, threshold: 100, facts: { ...BUDGET, logged: 104, percent: 104, reachDate: undefined } }) },
  { name: 'budget status', kind: 'message', render: (t) => budgetStatusMessage(t, { kind: 'budget', facts: { ...BUDGET, weekHours: 0, reachDate: undefined, topTasks: [], topPeople: [] }, thresholds: [50, 80, 100] }) },
  { name: 'budget status, alerts off', kind: 'message', render: (t) => budgetStatusMessage(t, { kind: 'budget', facts: BUDGET, thresholds: [] }) },
  { name: 'budget status, no estimate', kind: 'message', render: (t) => budgetStatusMessage(t, { kind: 'no_estimate', projectName: 'Website', logged: 12.5 }) },
  { name: 'budget status, no project', kind: 'message', render: (t) => budgetStatusMessage(t, { kind: 'no_project' }) },
  {
    // The alert's burn chart: its words (title, lines, days, numbers) and its alt text, as the file's message says them.
    name: 'budget alert chart',
    kind: 'message',
    render: (t) => {
      const { chart, title, altWords } = budgetChart(t, BUDGET);
      const words = [title, ...Object.values(chart.labels), ...chart.periods, chart.format(83.5)].join(' · ');
      return { text: altText(chart, altWords), blocks: [{ type: 'section', text: { type: 'plain_text', text: words.slice(0, 3000) } }] };
    },
  },
  // reports
  { name: 'report', kind: 'message', render: (t) => reportMessage(t, REPORT, { chart: { fileId: 'F0REPORT', altText: 'Hero copy' }, buttons: { value: '{"a":1}', share: true }, uncounted: 3 }) },
  { name: 'report, mine, shared', kind: 'message', render: (t) => reportMessage(t, { ...REPORT, ask: { ...REPORT.ask, people: { kind: 'me' } }, previous: { ...REPORT.previous, totalHours: 0 }, targetHours: undefined }, { sharedBy: 'U01JANE' }) },
  { name: 'report, everyone, less than before', kind: 'message', render: (t) => reportMessage(t, { ...REPORT, ask: { ...REPORT.ask, people: { kind: 'everyone' } }, totalHours: 100 }, {}) },
  { name: 'report, no hours', kind: 'message', render: (t) => reportMessage(t, { ...REPORT, totalHours: 0 }, { uncounted: 1 }) },
  { name: 'report, too large for buttons', kind: 'message', render: (t) => reportMessage(t, REPORT, { buttons: 'too_large', uncounted: 1 }) },
  {
    name: 'report chart',
    kind: 'message',
    render: (t) => {
      const { chart, altWords } = reportChart(t, { ...REPORT, chart: { ...REPORT.chart, unit: 'week' } });
      const words = [chart.title, ...chart.series.map((x) => x.name), ...Object.values(chart.labels), chart.target?.label, ...chart.periods, chart.format(7.5)].join(' · ');
      return { text: altText(chart, altWords), blocks: [{ type: 'section', text: { type: 'plain_text', text: words.slice(0, 3000) } }] };
    },
  },
  ...(['not_lead', 'cor_refused', 'too_many_entries'] as const).map((kind) => ({ name: `report refused ${kind}`, kind: 'message' as const, render: (t: Texts) => refusalMessage(t, { kind }) })),
  { name: 'report refused no scope', kind: 'message', render: (t) => refusalMessage(t, { kind: 'no_such_scope', words: 'Website' }) },
  { name: 'report ambiguous scope on a click', kind: 'message', render: (t) => refusalMessage(t, { kind: 'ambiguous_scope', words: 'Website', candidates: [{ kind: 'project', id: 1, name: 'Website' }] }) },
  { name: 'report which group', kind: 'message', render: (t) => groupChoiceMessage(t, 'design', [{ name: 'Design team', value: '{"a":1}' }, { name: 'Design Ops', value: '{"a":2}' }]) },
  {
    name: 'report ambiguous scope',
    kind: 'message',
    render: (t) => refusalMessage(t, { kind: 'ambiguous_scope', words: 'Website', candidates: [{ kind: 'project', id: 1, name: 'Website' }, { kind: 'client', id: 2, name: 'Acme Corporation International' }] }, (c) => JSON.stringify(c)),
  },
  ...(['empty', 'no_period_words', 'unclear_period', 'future', 'too_long_range', 'too_wordy'] as const).map((problem) => ({ name: `report problem ${problem}`, kind: 'message' as const, render: (t: Texts) => problemMessage(t, problem, 'Website') })),
  { name: 'report people not linked', kind: 'message', render: (t) => notLinkedMessage(t, ['Jane Doe', 'Bolt Motors']) },
  { name: 'report person not linked', kind: 'message', render: (t) => notLinkedMessage(t, ['Jane Doe']) },
  { name: 'report no group', kind: 'message', render: (t) => noGroupMessage(t, 'Design team') },
  { name: 'report group nobody', kind: 'message', render: (t) => groupNobodyMessage(t, 'Design team') },
  { name: 'report out of date', kind: 'message', render: (t) => words(t.t('reports.outOfDate')) },
  { name: 'report form', kind: 'modal', render: (t) => reportForm(t) },
  // linking
  { name: 'whoami', kind: 'message', render: (t) => whoamiCard(t, { link: LINK, tokenState: 'unverified', tz: TZ, locale: 'es-LA' }, { language: 'es', chosen: undefined }) },
  { name: 'unlinked', kind: 'message', render: (t) => unlinkedCard(t, { removed: true, endedEntries: [request({ state: 'cancelled' }), request({ state: 'unknown' })], inFlightEntries: [request()], discardedTimer: STOPPED.timer, tz: TZ }) },
  { name: 'welcome DM', kind: 'message', render: (t) => welcomeMessage(t, LINK, 'different', { released: 2, ended: [request({ state: 'cancelled' })] }) },
  { name: 're-link DM', kind: 'message', render: (t) => relinkMessage(t, 'https://cor.example/consent', 3) },
  { name: 'link refused', kind: 'message', render: (t) => linkRefusedMessage(t, 'different') },
  { name: 'account claimed', kind: 'message', render: (t) => accountClaimedMessage(t, { bySlackUserId: 'U02JOHN', corEmail: 'jane.doe@acme.example', linked: true }) },
];

describe('every surface in every language', () => {
  it("stays within Slack's limits", () => {
    const problems = SURFACES.flatMap((s) => LANGUAGES.flatMap((language) => limitProblems(s.render(textsIn(language)), s.kind).map((p) => `${s.name} (${language}): ${p}`)));
    expect(problems).toEqual([]);
  });

  it('leaks no English into the Spanish and Portuguese renders', () => {
    const leaks = SURFACES.flatMap((s) =>
      (['es', 'pt'] as const).flatMap((language) => {
        const found = englishLeaks(s.render(textsIn(language)), DATA);
        return found.length > 0 ? [`${s.name} (${language}): ${found.join(', ')}`] : [];
      }),
    );
    expect(leaks).toEqual([]);
  });

  it('the limit check sees a surface over a limit', () => {
    const long = { title: { type: 'plain_text', text: 'Registrar horas en la tarea' }, blocks: [{ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'x'.repeat(76) } }] }] };
    expect(limitProblems(long, 'modal')).toHaveLength(2);
  });

  it('the leak check sees English where it is', () => {
    expect(englishLeaks(usageCard(textsIn('en')), DATA)).not.toEqual([]);
  });
});
