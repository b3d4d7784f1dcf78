import type { HomeView, KnownBlock, PlainTextOption } from '@slack/types';
import type { TaskView } from '../../domain/tasks.ts';
import type { Summary } from '../../domain/time-entries/model.ts';
import { localParts } from '../../lib/zoned.ts';
import type { DigestRecord } from '../../store/digests.ts';
import type { ReminderSettingRecord } from '../../store/reminders.ts';
import type { Texts } from '../../i18n/texts.ts';
import type { AltWords, BarsChart } from '../../lib/charts.ts';
import { type Language, LANGUAGES } from '../../lib/language.ts';
import { plain } from '../blocks.ts';
import { usageList } from '../help.ts';
import { ACTIONS } from '../ids.ts';
import { digestActions, digestWhen, settingsLines, taskActions, taskLines, todayLine, weekDayLines } from '../lines.ts';

/** The language setting at the foot of Home: what they chose, or their Slack language followed. */
export interface HomeLanguage {
  /** their own choice; undefined: they follow Slack */
  chosen: Language | undefined;
  /** the language their Slack speaks (what `auto` follows) */
  slack: Language;
}

/** Each language by its own name, as people look for it in a list. */
const OWN_NAMES: Record<Language, string> = { en: 'English', es: 'Español', pt: 'Português' };

function languageBlock(t: Texts, language: HomeLanguage): KnownBlock {
  const option = (value: Language | 'auto'): PlainTextOption => ({
    text: { type: 'plain_text', text: value === 'auto' ? t.t('home.language.auto', { name: OWN_NAMES[language.slack] }) : OWN_NAMES[value] },
    value,
  });
  const options = (['auto', ...LANGUAGES] as const).map(option);
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: t.t('home.language.label') },
    accessory: { type: 'static_select', action_id: ACTIONS.homeLanguage, options, initial_option: option(language.chosen ?? 'auto') },
  };
}

/** The App Home tab of someone not linked yet: what the bot does and how to start. Pure. */
export function welcomeHome(t: Texts, language: HomeLanguage, consentUrl?: string): HomeView {
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: t.t('home.title') } },
      { type: 'section', text: { type: 'mrkdwn', text: t.t('home.welcome') } },
      consentUrl
        ? { type: 'actions', elements: [{ type: 'button', action_id: ACTIONS.openCorConsent, style: 'primary', text: { type: 'plain_text', text: t.t('home.linkButton') }, url: consentUrl }] }
        : {
            type: 'actions',
            elements: [
              { type: 'button', action_id: ACTIONS.openLogModal, style: 'primary', text: { type: 'plain_text', text: t.t('home.logTime') } },
              { type: 'button', action_id: ACTIONS.reminderSettings, text: { type: 'plain_text', text: t.t('home.reminderSettings') } },
            ],
          },
      { type: 'divider' },
      { type: 'section', text: { type: 'mrkdwn', text: usageList(t) } },
      { type: 'divider' },
      languageBlock(t, language),
    ],
  };
}

/** What a linked person's Home shows; a part COR could not give is undefined (said so on the page). */
export interface HomeData {
  corName: string;
  tz: string;
  now: Date;
  week: Summary | undefined;
  timer: { task: Pick<TaskView, 'id' | 'title'>; startedAt: Date; minutes: number } | undefined;
  tasks: TaskView[] | undefined;
  reminders: ReminderSettingRecord;
  /** the digests they set up (a lead), and the digests that include them (who receives a summary of their hours) */
  digests?: { own: DigestRecord[]; including: DigestRecord[] } | undefined;
  language: HomeLanguage;
  /** the week's chart, uploaded to Slack (undefined: none this time, the page says the numbers anyway) */
  chart?: { fileId: string; altText: string } | undefined;
}

/**
 * The week's chart: the seven days, the hours of each day stacked by project (one series when no entry names a
 * project), each day's own target as the dashed line, with the words its alt text says the numbers in. Pure; drawing
 * it (lib/charts.ts, loaded only when a chart is drawn) is the caller's.
 */
export function weekChart(t: Texts, week: Summary): { chart: BarsChart; altWords: AltWords } {
  const byProject = new Map<string, number[]>();
  const named = week.days.some((day) => day.entries.some((e) => e.project !== undefined));
  for (const [i, day] of week.days.entries()) {
    for (const entry of day.entries) {
      const name = named ? (entry.project ?? t.t('home.chart.noProject')) : t.t('home.chart.logged');
      const values = byProject.get(name) ?? week.days.map(() => 0);
      values[i] = (values[i] ?? 0) + entry.hours;
      byProject.set(name, values);
    }
  }
  const chart: BarsChart = {
    kind: 'bars',
    title: t.t('home.chart.title'),
    periods: week.days.map((day) => t.day(day.date)),
    series: [...byProject].map(([name, values]) => ({ name, values })),
    labels: { other: t.t('home.chart.other'), total: t.t('home.chart.total') },
    target: { value: week.days.map((day) => day.target), label: t.t('home.chart.target') },
    format: (v) => t.t('home.chart.hours', { hours: t.number(Math.round(v * 10) / 10) }),
  };
  return { chart, altWords: { amount: (label, value) => t.t('home.chart.amount', { label, value }), list: (items) => t.list(items) } };
}

const HOME_TASKS = 10;

/** Their digests with the same buttons as `/cor digest`, and who receives a summary that includes them. */
function digestBlocks(t: Texts, own: DigestRecord[], including: DigestRecord[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  if (own.length > 0) {
    blocks.push({ type: 'divider' }, section(t.t('home.digests.own')));
    if (own.length > 5) blocks.push(section(t.t('home.digests.many', { n: own.length })));
    for (const d of own.slice(0, 5)) {
      const where = d.channelId === d.ownerSlackUserId ? t.t('home.digests.dm') : `<#${d.channelId}>`;
      blocks.push(section(`${d.paused ? '⏸ ' : ''}${digestWhen(t, d)} → ${where}`), digestActions(t, d));
    }
  }
  const lines = including.map((d) =>
    t.t('home.including.line', {
      owner: d.ownerSlackUserId,
      when: digestWhen(t, d),
      posted: d.channelId === d.ownerSlackUserId ? 'no' : 'yes',
      channel: d.channelId,
      paused: d.paused ? 'yes' : 'no',
    }),
  );
  blocks.push({ type: 'divider' }, section(lines.length > 0 ? `${t.t('home.including.head')}\n${lines.join('\n')}` : t.t('home.including.none')));
  return blocks;
}
const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: text.slice(0, 2_900) } });

/** A linked person's App Home: today and this week against target, the running timer, top tasks, reminders. Pure. */
export function linkedHome(t: Texts, d: HomeData, taskUrl: (id: number) => string | undefined): HomeView {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: t.t('home.title') } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: t.t('home.linkedAs', { name: plain(d.corName) }) }] },
    {
      type: 'actions',
      elements: [
        { type: 'button', action_id: ACTIONS.openLogModal, style: 'primary', text: { type: 'plain_text', text: t.t('home.logTime') } },
        { type: 'button', action_id: ACTIONS.reminderSettings, text: { type: 'plain_text', text: t.t('home.reminderSettings') } },
      ],
    },
    { type: 'divider' },
  ];
  if (d.week) {
    const today = d.week.days.find((day) => day.date === localParts(d.now, d.tz).date);
    if (today) blocks.push(section(todayLine(t, today, t.t('home.today'))));
    blocks.push(section(`${t.t('home.week', { logged: t.hours(d.week.logged), target: t.hours(d.week.target) })}\n${weekDayLines(t, d.week.days)}`));
    if (d.chart) blocks.push({ type: 'image', slack_file: { id: d.chart.fileId }, alt_text: d.chart.altText });
  } else blocks.push(section(t.t('home.hoursUnknown')));
  if (d.timer) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: t.t('home.timer', { task: plain(d.timer.task.title), since: t.clock(d.timer.startedAt, d.tz), minutes: t.minutes(d.timer.minutes) }) },
      accessory: { type: 'button', action_id: ACTIONS.timerStop, style: 'danger', text: { type: 'plain_text', text: t.t('home.stop') } },
    });
  }
  blocks.push({ type: 'divider' });
  if (d.tasks) {
    const top = [...d.tasks].sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999')).slice(0, HOME_TASKS);
    blocks.push(section(top.length > 0 ? t.t('home.tasks', { shown: top.length, total: d.tasks.length }) : t.t('home.tasksNone')));
    for (const task of top) blocks.push(section(taskLines(t, task, d.now, d.tz, taskUrl(task.id))), taskActions(t, task));
  } else blocks.push(section(t.t('home.tasksUnknown')));
  blocks.push({ type: 'divider' }, section(`${t.t('home.reminders')}\n${settingsLines(t, d.reminders, d.tz).join('\n')}`));
  if (d.digests) blocks.push(...digestBlocks(t, d.digests.own, d.digests.including));
  blocks.push({ type: 'divider' }, languageBlock(t, d.language));
  return { type: 'home', blocks };
}
