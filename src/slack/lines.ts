import type { KnownBlock } from '@slack/types';
import type { TaskView } from '../domain/tasks.ts';
import { localParts } from '../lib/zoned.ts';
import type { DigestRecord } from '../store/digests.ts';
import type { ReminderSettingRecord } from '../store/reminders.ts';
import type { SummaryDay } from '../domain/time-entries/model.ts';
import type { Texts } from '../i18n/texts.ts';
import { plain, progressBar } from './blocks.ts';
import { ACTIONS } from './ids.ts';

// Lines more than one feature shows: a task with its two buttons (task cards, `/cor tasks`, App Home), the
// reminder settings in words (`/cor remind`, App Home), a day's hours against its target (`/cor today`,
// `/cor week`, App Home), and a digest's buttons (`/cor digest`, App Home).

/** COR's four statuses, by their keys. */
const COR_STATUSES: ReadonlySet<string> = new Set(['nueva', 'en_proceso', 'estancada', 'finalizada']);

/** COR's four in the person's language; a tenant's own status by its own name ("en_revision" → "En revision"). */
export function statusName(t: Texts, status: string | undefined): string {
  if (!status) return t.t('log.status.none');
  if (COR_STATUSES.has(status)) return t.t(`log.status.${status as 'nueva' | 'en_proceso' | 'estancada' | 'finalizada'}`);
  const words = status.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const PRIORITIES = [0, 1, 2, 3] as const;

/** COR's priorities 0 (low) … 3 (urgent), by name. */
export function priorityNames(t: Texts): string[] {
  return PRIORITIES.map((p) => t.t(`log.priority.${p}`));
}

export function priorityName(t: Texts, priority: number | undefined): string {
  if (priority === undefined) return t.t('log.priority.none');
  return priorityNames(t)[priority] ?? t.t('log.priority.other', { n: priority });
}

/** "Due Wed 25 Nov", or "⚠️ Overdue since Wed 25 Nov", in the person's zone. */
export function deadlineText(t: Texts, deadline: string | undefined, now: Date, tz: string): string | undefined {
  if (!deadline) return undefined;
  const at = new Date(deadline);
  if (Number.isNaN(at.getTime())) return undefined;
  const day = t.day(localParts(at, tz).date);
  return at < now ? t.t('log.deadline.overdue', { day }) : t.t('log.deadline.due', { day });
}

function titleLink(task: TaskView, url: string | undefined): string {
  const title = plain(task.title);
  return url ? `<${url}|${title}>` : title;
}

export function taskLines(t: Texts, task: TaskView, now: Date, tz: string, url: string | undefined): string {
  const facts = [statusName(t, task.status), priorityName(t, task.priority), deadlineText(t, task.deadline, now, tz)].filter(Boolean).join(' · ');
  return `*${titleLink(task, url)}*  \`#${task.id}\`\n${facts}`;
}

export function taskActions(t: Texts, task: TaskView): KnownBlock {
  return {
    type: 'actions',
    block_id: `task_${task.id}`,
    elements: [
      { type: 'button', action_id: ACTIONS.taskChangeStatus, text: { type: 'plain_text', text: t.t('log.button.changeStatus') }, value: String(task.id) },
      { type: 'button', action_id: ACTIONS.openLogModal, text: { type: 'plain_text', text: t.t('log.button.logTime') }, value: String(task.id) },
    ],
  };
}

/** Short weekday names, 1 (Monday) … 7 (Sunday); index 0 is empty. */
function dayNames(t: Texts): string[] {
  return ['', ...[1, 2, 3, 4, 5, 6, 7].map((d) => t.t(`log.weekday.${d as 1 | 2 | 3 | 4 | 5 | 6 | 7}`))];
}

function daysText(t: Texts, days: number[] | undefined): string {
  if (!days) return t.t('log.settings.corDays');
  const names = dayNames(t);
  const sorted = [...days].sort((a, b) => a - b);
  const run = sorted.every((d, i) => i === 0 || d === (sorted[i - 1] ?? 0) + 1);
  return run && sorted.length > 2 ? `${names[sorted[0] ?? 1]}–${names[sorted[sorted.length - 1] ?? 1]}` : t.list(sorted.map((d) => names[d] ?? ''));
}

/** One line per setting, in words. Pure. */
export function settingsLines(t: Texts, s: ReminderSettingRecord, tz: string): string[] {
  if (!s.enabled) return [t.t('log.settings.off')];
  const when = { time: s.localTime, tz: plain(tz), days: daysText(t, s.weekdays) };
  return [
    s.targetHours === null ? t.t('log.settings.dailyCor', when) : t.t('log.settings.daily', { ...when, hours: t.hours(s.targetHours) }),
    s.morningRecap ? t.t('log.settings.recapOn', { time: s.morningTime }) : t.t('log.settings.recapOff'),
    s.respectAway ? t.t('log.settings.awayOn') : t.t('log.settings.awayOff'),
    s.skipDates.length > 0 ? t.t('log.settings.skipping', { days: t.list(s.skipDates.map((d) => t.day(d))) }) : t.t('log.settings.noSkips'),
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
export function digestActions(t: Texts, d: Pick<DigestRecord, 'id' | 'paused'>): KnownBlock {
  return {
    type: 'actions',
    elements: [
      { type: 'button', action_id: ACTIONS.digestEdit, text: { type: 'plain_text', text: t.t('log.button.edit') }, value: d.id },
      d.paused
        ? { type: 'button', action_id: ACTIONS.digestResume, text: { type: 'plain_text', text: t.t('log.button.resume') }, value: d.id }
        : { type: 'button', action_id: ACTIONS.digestPause, text: { type: 'plain_text', text: t.t('log.button.pause') }, value: d.id },
      { type: 'button', action_id: ACTIONS.digestDelete, text: { type: 'plain_text', text: t.t('log.button.delete') }, style: 'danger', value: d.id },
    ],
  };
}

/** When a digest goes out, in words: "each workday at 09:00", "Mondays at 08:30". */
export function digestWhen(t: Texts, d: Pick<DigestRecord, 'schedule' | 'localTime'>): string {
  return d.schedule === 'weekly' ? t.t('log.digest.weekly', { time: d.localTime }) : t.t('log.digest.daily', { time: d.localTime });
}
