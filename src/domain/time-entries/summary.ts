import type { CorHour } from '../../cor/schemas.ts';
import { addDays, localParts } from '../../lib/zoned.ts';
import { dailyTarget, type TargetFacts } from '../targets.ts';
import { corInstant, entryHours } from './cor-times.ts';
import { type Summary, type SummaryDay, type SummaryEntry, type SummaryTask } from './model.ts';

/** What a person logged from `from` to `to` (local dates, inclusive), day by day and task by task, against each day's target. */
export function summarize(hours: CorHour[], facts: TargetFacts, from: string, to: string, tz: string): Summary {
  const days: SummaryDay[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const target = dailyTarget(date, tz, facts);
    days.push({ date, target: target.hours, targetNote: target.note, leave: target.leave, logged: 0, entries: [] });
  }
  const byTask = new Map<number, SummaryTask>();
  for (const h of hours) {
    const start = corInstant(h.start);
    const day = days.find((d) => d.date === localParts(start, tz).date);
    if (!day) continue;
    const duration = entryHours(h);
    const taskId = h.task_log_id ?? h.task?.id ?? 0;
    const entry: SummaryEntry = {
      start,
      stop: h.stop ? corInstant(h.stop) : undefined,
      hours: duration,
      taskId,
      title: h.task?.title ?? `#${taskId}`,
      project: h.task?.project?.name,
      client: h.task?.project?.client?.name,
    };
    day.entries.push(entry);
    day.logged += duration;
    const t = byTask.get(taskId) ?? { taskId, title: entry.title, project: entry.project, client: entry.client, hours: 0 };
    t.hours += duration;
    byTask.set(taskId, t);
  }
  for (const d of days) d.entries.sort((a, b) => a.start.getTime() - b.start.getTime());
  return {
    days,
    tasks: [...byTask.values()].sort((a, b) => b.hours - a.hours),
    logged: days.reduce((n, d) => n + d.logged, 0),
    target: days.reduce((n, d) => n + d.target, 0),
  };
}
