import type { KnownBlock } from '@slack/types';
import type { Summary } from '../../domain/time-entries/model.ts';
import { formatClock, formatDate, formatHours, type Message, plain, section } from '../blocks.ts';
import { todayLine, weekDayLine } from '../lines.ts';
import { textsIn } from '../../i18n/texts.ts';

function where(project: string | undefined, client: string | undefined): string {
  const parts = [project, client].filter(Boolean).map((p) => plain(p as string));
  return parts.length ? ` (${parts.join(' · ')})` : '';
}

/** `/cor today`: the day's entries in order, and the total against the target. */
export function todayMessage(summary: Summary, tz: string): Message {
  const day = summary.days[0];
  if (!day) return { text: 'Nothing to show.', blocks: [section('Nothing to show.')] };
  const head = todayLine(textsIn('en'), day, `*Today, ${formatDate(day.date)}*`);
  const lines = day.entries.map(
    (e) => `${formatClock(e.start, tz)}${e.stop ? `–${formatClock(e.stop, tz)}` : ''} · ${formatHours(e.hours)} · ${plain(e.title)}${where(e.project, e.client)}`,
  );
  const body = lines.length ? lines.join('\n') : 'Nothing logged yet today. Try `/cor log 2h on <task>`.';
  const blocks = [section(head), section(body.slice(0, 2900))];
  return { text: `Today: ${formatHours(day.logged)} of ${formatHours(day.target)}`, blocks };
}

/** `/cor week`: a bar per day against its target, then the hours per task. */
export function weekMessage(summary: Summary): Message {
  const head = `*This week*: ${formatHours(summary.logged)} of ${formatHours(summary.target)}`;
  const days = summary.days.map((day) => weekDayLine(textsIn('en'), day)).join('\n');
  const tasks = summary.tasks
    .slice(0, 15)
    .map((t) => `• ${formatHours(t.hours)} · ${plain(t.title)}${where(t.project, t.client)}`)
    .join('\n');
  const blocks: KnownBlock[] = [section(head), section(days)];
  if (tasks) blocks.push(section(`*By task*\n${tasks}`.slice(0, 2900)));
  return { text: `This week: ${formatHours(summary.logged)} of ${formatHours(summary.target)}`, blocks };
}
