import type { KnownBlock } from '@slack/types';
import type { Summary } from '../../domain/time-entries/model.ts';
import type { Texts } from '../../i18n/texts.ts';
import { type Message, plain, section } from '../blocks.ts';
import { todayLine, weekDayLines } from '../lines.ts';

function where(project: string | undefined, client: string | undefined): string {
  const parts = [project, client].filter(Boolean).map((p) => plain(p as string));
  return parts.length ? ` (${parts.join(' · ')})` : '';
}

/** `/cor today`: the day's entries in order, and the total against the target. */
export function todayMessage(t: Texts, summary: Summary, tz: string): Message {
  const day = summary.days[0];
  if (!day) return { text: t.t('summary.nothing'), blocks: [section(t.t('summary.nothing'))] };
  const head = todayLine(t, day, t.t('summary.todayHead', { day: t.day(day.date) }));
  const lines = day.entries.map((e) => `${t.clock(e.start, tz)}${e.stop ? `–${t.clock(e.stop, tz)}` : ''} · ${t.hours(e.hours)} · ${plain(e.title)}${where(e.project, e.client)}`);
  const body = lines.length ? lines.join('\n') : t.t('summary.nothingToday');
  const blocks = [section(head), section(body.slice(0, 2900))];
  return { text: t.t('summary.todayText', { logged: t.hours(day.logged), target: t.hours(day.target) }), blocks };
}

/** `/cor week`: a bar per day against its target, then the hours per task. */
export function weekMessage(t: Texts, summary: Summary): Message {
  const totals = { logged: t.hours(summary.logged), target: t.hours(summary.target) };
  const tasks = summary.tasks
    .slice(0, 15)
    .map((task) => `• ${t.hours(task.hours)} · ${plain(task.title)}${where(task.project, task.client)}`)
    .join('\n');
  const blocks: KnownBlock[] = [section(t.t('summary.weekHead', totals)), section(weekDayLines(t, summary.days))];
  if (tasks) blocks.push(section(`${t.t('summary.byTask')}\n${tasks}`.slice(0, 2900)));
  return { text: t.t('summary.weekText', totals), blocks };
}
