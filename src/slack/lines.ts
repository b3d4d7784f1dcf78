import type { KnownBlock } from '@slack/types';
import type { TaskView } from '../domain/tasks.ts';
import { localParts } from '../lib/zoned.ts';
import type { DigestRecord } from '../store/digests.ts';
import type { ReminderSettingRecord } from '../store/reminders.ts';
import type { SummaryDay } from '../domain/time-entries/model.ts';
import type { Texts } from '../i18n/texts.ts';
import { formatDate, formatHours, plain, progressBar } from './blocks.ts';
import { ACTIONS } from './ids.ts';

// Lines more than one feature shows: a task with its two buttons (task cards, `/cor tasks`, App Home), the
// reminder settings in words (`/cor remind`, App Home), a day's hours against its target (`/cor today`,
// `/cor week`, App Home), and a digest's buttons (`/cor digest`, App Home).

const STATUS_NAMES: Record<string, string> = { nueva: 'New', en_proceso: 'In progress', estancada: 'Stalled', finalizada: 'Done' };
const PRIORITY_NAMES = ['Low', 'Medium', 'High', 'Urgent'];

/** COR's four by their English names; a tenant's own status by its own name ("en_revision" → "En revision"). */
export function statusName(status: string | undefined): string {
  if (!status) return 'No status';
  const known = STATUS_NAMES[status];
  if (known) return known;
  const words = status.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function priorityName(priority: number | undefined): string {
  return priority === undefined ? 'No priority' : (PRIORITY_NAMES[priority] ?? `Priority ${priority}`);
}

/** "Due Wed 25 Nov", or "⚠️ Overdue since Wed 25 Nov", in the person's zone. */
export function deadlineText(deadline: string | undefined, now: Date, tz: string): string | undefined {
  if (!deadline) return undefined;
  const at = new Date(deadline);
  if (Number.isNaN(at.getTime())) return undefined;
  const date = formatDate(localParts(at, tz).date);
  return at < now ? `⚠️ *Overdue* since ${date}` : `Due ${date}`;
}

function titleLink(task: TaskView, url: string | undefined): string {
  const title = plain(task.title);
  return url ? `<${url}|${title}>` : title;
}

export function taskLines(task: TaskView, now: Date, tz: string, url: string | undefined): string {
  const facts = [statusName(task.status), priorityName(task.priority), deadlineText(task.deadline, now, tz)].filter(Boolean).join(' · ');
  return `*${titleLink(task, url)}*  \`#${task.id}\`\n${facts}`;
}

export function taskActions(task: TaskView): KnownBlock {
  return {
    type: 'actions',
    block_id: `task_${task.id}`,
    elements: [
      { type: 'button', action_id: ACTIONS.taskChangeStatus, text: { type: 'plain_text', text: 'Change status' }, value: String(task.id) },
      { type: 'button', action_id: ACTIONS.openLogModal, text: { type: 'plain_text', text: 'Log time' }, value: String(task.id) },
    ],
  };
}

const DAY_NAMES = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function daysText(days: number[] | undefined): string {
  if (!days) return 'your COR working days (else Mon–Fri)';
  const sorted = [...days].sort((a, b) => a - b);
  const run = sorted.every((d, i) => i === 0 || d === (sorted[i - 1] ?? 0) + 1);
  return run && sorted.length > 2 ? `${DAY_NAMES[sorted[0] ?? 1]}–${DAY_NAMES[sorted[sorted.length - 1] ?? 1]}` : sorted.map((d) => DAY_NAMES[d]).join(', ');
}

/** One line per setting, in words. Pure. */
export function settingsLines(s: ReminderSettingRecord, tz: string): string[] {
  if (!s.enabled) return ['Reminders are *off*. `/cor remind on` turns them back on.'];
  return [
    `Daily reminder at *${s.localTime}* (${plain(tz)}) on ${daysText(s.weekdays)}, when you have logged less than ${s.targetHours === null ? 'your COR daily hours' : `*${formatHours(s.targetHours)}*`}.`,
    `Morning recap of the previous workday: ${s.morningRecap ? `*on*, at ${s.morningTime}` : 'off'}.`,
    `No reminder while your Slack status says you are away: ${s.respectAway ? '*on*' : 'off'}.`,
    s.skipDates.length > 0 ? `Skipping: ${s.skipDates.map(formatDate).join(', ')}.` : 'No days skipped.',
  ];
}

/** Why a day's target is not the usual one (a day off, a leave, a half-day leave), in brackets. */
function targetNoteText(t: Texts, day: SummaryDay, { dayOff }: { dayOff: boolean }): string {
  if (!day.targetNote) return '';
  if (day.targetNote === 'not a workday') return dayOff ? `  _(${t.t('summary.notWorkday')})_` : '';
  const note = day.leave ? t.t(day.leave.wholeDay ? 'summary.onLeave' : 'summary.halfDayLeave', { name: plain(day.leave.name) }) : plain(day.targetNote);
  return `  _(${note})_`;
}

/** "Today: 3h of 4h ▓▓▓▓▓▓░░ (half-day Vacation)"; a day with no target: "Today: 1h (on leave (Vacation))" */
export function todayLine(t: Texts, day: SummaryDay, label: string): string {
  if (day.target <= 0) return `${t.t('summary.dayLogged', { label, logged: t.hours(day.logged) })}${targetNoteText(t, day, { dayOff: true })}`;
  return `${t.t('summary.dayOfTarget', { label, logged: t.hours(day.logged), target: t.hours(day.target) })}  ${progressBar(day.logged, day.target)}${targetNoteText(t, day, { dayOff: false })}`;
}

/** The week's days, a bar each against its target, the days padded alike ("lun 7 dic", "seg., 7 de dez."). */
export function weekDayLines(t: Texts, days: SummaryDay[]): string {
  const width = Math.max(10, ...days.map((day) => t.day(day.date).length));
  return days
    .map((day) => `\`${t.day(day.date).padEnd(width)} ${progressBar(day.logged, day.target || 1)}\` ${t.hours(day.logged)}${day.target ? ` / ${t.hours(day.target)}` : ''}${targetNoteText(t, day, { dayOff: false })}`)
    .join('\n');
}

/** A digest's Edit, Pause or Resume, and Delete. */
export function digestActions(d: Pick<DigestRecord, 'id' | 'paused'>): KnownBlock {
  return {
    type: 'actions',
    elements: [
      { type: 'button', action_id: ACTIONS.digestEdit, text: { type: 'plain_text', text: 'Edit' }, value: d.id },
      d.paused
        ? { type: 'button', action_id: ACTIONS.digestResume, text: { type: 'plain_text', text: 'Resume' }, value: d.id }
        : { type: 'button', action_id: ACTIONS.digestPause, text: { type: 'plain_text', text: 'Pause' }, value: d.id },
      { type: 'button', action_id: ACTIONS.digestDelete, text: { type: 'plain_text', text: 'Delete' }, style: 'danger', value: d.id },
    ],
  };
}

/** When a digest goes out, in words: "each workday at 09:00", "Mondays at 08:30". */
export function digestWhen(d: Pick<DigestRecord, 'schedule' | 'localTime'>): string {
  return `${d.schedule === 'weekly' ? 'Mondays' : 'each workday'} at ${d.localTime}`;
}
