import type { HomeView, KnownBlock } from '@slack/types';
import type { TaskView } from '../../domain/tasks.ts';
import type { Summary } from '../../domain/time-entries/model.ts';
import { localParts } from '../../lib/zoned.ts';
import type { DigestRecord } from '../../store/digests.ts';
import type { ReminderSettingRecord } from '../../store/reminders.ts';
import { formatClock, formatHours, formatMinutes, plain } from '../blocks.ts';
import { usageList } from '../help.ts';
import { textsIn } from '../../i18n/texts.ts';
import { ACTIONS } from '../ids.ts';
import { digestActions, digestWhen, settingsLines, taskActions, taskLines, todayLine, weekDayLine } from '../lines.ts';

/** The App Home tab until the per-user home arrives: what the bot does and how to start. Pure. */
export function welcomeHome(consentUrl?: string): HomeView {
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'COR for Slack' } },
      { type: 'section', text: { type: 'mrkdwn', text: 'Log your hours and move your COR tasks without leaving Slack. Run `/cor link` to connect your COR account.' } },
      consentUrl
        ? { type: 'actions', elements: [{ type: 'button', action_id: ACTIONS.openCorConsent, style: 'primary', text: { type: 'plain_text', text: 'Link my COR account' }, url: consentUrl }] }
        : {
            type: 'actions',
            elements: [
              { type: 'button', action_id: ACTIONS.openLogModal, style: 'primary', text: { type: 'plain_text', text: 'Log time' } },
              { type: 'button', action_id: ACTIONS.reminderSettings, text: { type: 'plain_text', text: 'Reminder settings' } },
            ],
          },
      { type: 'divider' },
      { type: 'section', text: { type: 'mrkdwn', text: usageList(textsIn('en')) } },
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
}

const HOME_TASKS = 10;

/** Their digests with the same buttons as `/cor digest`, and who receives a summary that includes them. */
function digestBlocks(own: DigestRecord[], including: DigestRecord[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  if (own.length > 0) {
    blocks.push({ type: 'divider' }, section(`*Your digests* · \`/cor digest\` to add one`));
    if (own.length > 5) blocks.push(section(`${own.length} digests: the first 5 below, all of them in \`/cor digest\`.`));
    for (const d of own.slice(0, 5)) {
      const where = d.channelId === d.ownerSlackUserId ? 'a DM to you' : `<#${d.channelId}>`;
      blocks.push(section(`${d.paused ? '⏸ ' : ''}${digestWhen(textsIn('en'), d)} → ${where}`), digestActions(textsIn('en'), d));
    }
  }
  const lines = including.map((d) => `• <@${d.ownerSlackUserId}> gets one ${digestWhen(textsIn('en'), d)}${d.channelId === d.ownerSlackUserId ? '' : `, posted in <#${d.channelId}>`}${d.paused ? ' (paused)' : ''}`);
  blocks.push(
    { type: 'divider' },
    section(
      lines.length > 0
        ? `*Summaries that include you* (your hours against your target; never rates or notes)\n${lines.join('\n')}`
        : '*Summaries that include you*: none. Leads can get a summary of their people’s hours; if one includes you, it shows here.',
    ),
  );
  return blocks;
}
const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: text.slice(0, 2_900) } });

/** A linked person's App Home: today and this week against target, the running timer, top tasks, reminders. Pure. */
export function linkedHome(d: HomeData, taskUrl: (id: number) => string | undefined): HomeView {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'COR for Slack' } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: `Linked to COR as *${plain(d.corName)}* · \`/cor help\` for everything` }] },
    {
      type: 'actions',
      elements: [
        { type: 'button', action_id: ACTIONS.openLogModal, style: 'primary', text: { type: 'plain_text', text: 'Log time' } },
        { type: 'button', action_id: ACTIONS.reminderSettings, text: { type: 'plain_text', text: 'Reminder settings' } },
      ],
    },
    { type: 'divider' },
  ];
  if (d.week) {
    const today = d.week.days.find((day) => day.date === localParts(d.now, d.tz).date);
    if (today) blocks.push(section(todayLine(textsIn('en'), today, '*Today*')));
    blocks.push(section(`*This week*: ${formatHours(d.week.logged)} of ${formatHours(d.week.target)}\n${d.week.days.map((day) => weekDayLine(textsIn('en'), day)).join('\n')}`));
  } else blocks.push(section('_COR did not answer: your hours will show here when it does._'));
  if (d.timer) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `⏱ Timer running on *${plain(d.timer.task.title)}* since ${formatClock(d.timer.startedAt, d.tz)} (${formatMinutes(d.timer.minutes)})` },
      accessory: { type: 'button', action_id: ACTIONS.timerStop, style: 'danger', text: { type: 'plain_text', text: 'Stop' } },
    });
  }
  blocks.push({ type: 'divider' });
  if (d.tasks) {
    const top = [...d.tasks].sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999')).slice(0, HOME_TASKS);
    blocks.push(section(top.length > 0 ? `*Your open tasks* (${top.length} of ${d.tasks.length}, by deadline) · \`/cor tasks\` for all` : '*Your open tasks*: none. 🎉'));
    for (const task of top) blocks.push(section(taskLines(textsIn('en'), task, d.now, d.tz, taskUrl(task.id))), taskActions(textsIn('en'), task));
  } else blocks.push(section('_COR did not answer: your tasks will show here when it does._'));
  blocks.push({ type: 'divider' }, section(`*Reminders*\n${settingsLines(textsIn('en'), d.reminders, d.tz).join('\n')}`));
  if (d.digests) blocks.push(...digestBlocks(d.digests.own, d.digests.including));
  return { type: 'home', blocks };
}
