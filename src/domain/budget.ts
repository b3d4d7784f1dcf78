import type { CorApi } from '../cor/client.ts';
import type { CorHour, CorProject } from '../cor/schemas.ts';
import type { Clock } from '../lib/clock.ts';
import { addDays, localParts } from '../lib/zoned.ts';
import type { Logger } from '../logger.ts';
import type { BudgetAlertKey, BudgetRepository } from '../store/budget.ts';
import type { ChannelProjectRecord, ChannelProjectRepository } from '../store/channel-projects.ts';
import type { UserLinkRecord } from '../store/links.ts';
import { DEFAULT_TZ } from './linking.ts';
import { isLeadRole, leadsEveryProject } from './roles.ts';
import { corInstant, type CorTimes, entryHours } from './time-entries/cor-times.ts';
import type { WrittenEntry } from './time-entries/model.ts';

/** Percents of a project's estimated hours that alert its channel, unless a PM of the project says otherwise. */
const DEFAULT_THRESHOLDS: readonly number[] = [50, 80, 100];
const MAX_THRESHOLDS = 5;
const MAX_PERCENT = 500;
/** The days the burn, the top tasks and the top people are read over (today included). */
const WEEK_DAYS = 7;
/** The days an alert's burn chart draws (today included): its one read of the project's hours covers them. */
const CHART_DAYS = 28;
/** How many tasks and people an alert names. */
const TOP = 3;

/**
 * `/cor project alerts …`'s words: "off", or up to 5 percents between 1 and 500 ("50,80,100", "50 80 100%").
 * Undefined when they are not that. Pure.
 */
export function parseThresholds(words: string): number[] | 'off' | undefined {
  const text = words.trim().toLowerCase();
  if (text === 'off') return 'off';
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  if (parts.length === 0 || parts.length > MAX_THRESHOLDS) return undefined;
  const values: number[] = [];
  for (const part of parts) {
    const m = /^(\d{1,3})%?$/.exec(part);
    const n = m ? Number(m[1]) : Number.NaN;
    if (!Number.isInteger(n) || n < 1 || n > MAX_PERCENT) return undefined;
    values.push(n);
  }
  return [...new Set(values)].sort((a, b) => a - b);
}

/** The highest threshold the hours logged have reached (undefined: none, or no estimate). Pure. */
export function crossedThreshold(logged: number, estimate: number, thresholds: readonly number[]): number | undefined {
  if (!(estimate > 0)) return undefined;
  let crossed: number | undefined;
  for (const t of thresholds) if (logged * 100 >= t * estimate - 1e-9) crossed = t;
  return crossed;
}

/** The estimate as a key of its alerts: a changed estimate alerts again. */
const estimateKey = (estimate: number) => String(Math.round(estimate * 100) / 100);

/** What an alert and `/cor project status` say of a project: hours only, never money. */
export interface BudgetFacts {
  projectName: string;
  logged: number;
  estimate: number;
  /** logged of estimate, in percent (rounded) */
  percent: number;
  /** hours logged in the last 7 days, today included */
  weekHours: number;
  /** YYYY-MM-DD the estimate is reached at the last 7 days' rate; undefined: reached already, or no hours lately */
  reachDate: string | undefined;
  topTasks: { title: string; hours: number }[];
  topPeople: { name: string; hours: number }[];
  /** The burn chart's days (oldest first, today last) and the hours logged on each (by the day of an entry's start). */
  daily: { date: string; hours: number }[];
  /** hours logged before the first of `daily` (the logged total less the days' hours; at least 0) */
  before: number;
}

function top(totals: Map<string, number>): { key: string; hours: number }[] {
  return [...totals]
    .map(([key, hours]) => ({ key, hours }))
    .sort((a, b) => b.hours - a.hours || a.key.localeCompare(b.key))
    .slice(0, TOP);
}

/**
 * The project's numbers from its COR answer and its hours of the last `days` days (at least 7), as of `today`: the
 * burn, the top tasks and the top people over the last 7 of them, and every day's hours for the chart. An entry
 * counts on the day it starts in `tz` (`recentHours` read through CorTimes); one before the days read is left to
 * `before`, one after today counts today. Pure.
 */
export function budgetFacts(project: { name: string; logged: number; estimate: number }, recentHours: CorHour[], today: string, tz: string, days = WEEK_DAYS): BudgetFacts {
  const tasks = new Map<string, number>();
  const people = new Map<string, number>();
  const span = Math.max(days, WEEK_DAYS);
  const daily = Array.from({ length: span }, (_, i) => ({ date: addDays(today, i + 1 - span), hours: 0 }));
  const weekStart = addDays(today, 1 - WEEK_DAYS);
  let week = 0;
  for (const h of recentHours) {
    const start = corInstant(h.start);
    const hours = entryHours(h);
    if (hours <= 0) continue;
    const date = localParts(start, tz).date;
    if (date < (daily[0] as { date: string }).date) continue;
    const day = date > today ? daily.length - 1 : daily.findIndex((d) => d.date === date);
    (daily[day] as { hours: number }).hours += hours;
    if (date < weekStart) continue;
    week += hours;
    const task = h.task?.title ?? `#${h.task_log_id ?? '?'}`;
    tasks.set(task, (tasks.get(task) ?? 0) + hours);
    const name = [h.user?.first_name, h.user?.last_name].filter((s) => s).join(' ') || `#${h.user_id ?? '?'}`;
    people.set(name, (people.get(name) ?? 0) + hours);
  }
  const remaining = project.estimate - project.logged;
  const perDay = week / WEEK_DAYS;
  const reachDate = remaining > 0 && perDay > 0 ? addDays(today, Math.ceil(remaining / perDay)) : undefined;
  return {
    projectName: project.name,
    logged: project.logged,
    estimate: project.estimate,
    // Down, never up: 99.6 % is not "100 %" beside a date the estimate is still to be reached.
    percent: Math.floor((project.logged / project.estimate) * 100),
    weekHours: week,
    reachDate,
    topTasks: top(tasks).map((t) => ({ title: t.key, hours: t.hours })),
    topPeople: top(people).map((p) => ({ name: p.key, hours: p.hours })),
    daily,
    before: Math.max(0, project.logged - daily.reduce((n, d) => n + d.hours, 0)),
  };
}

/** One alert to post: the channel, the threshold crossed, and the numbers. */
export interface BudgetAlert {
  channel: ChannelProjectRecord;
  threshold: number;
  facts: BudgetFacts;
}

/** `uncertain`: the answer broke off, so it may be in the channel (never posted again, nobody told it failed). */
export type BudgetPosted = { ok: true; messageTs: string } | { ok: false; permanent: boolean; uncertain?: boolean; error: string };

export type BudgetCharted = { ok: true } | { ok: false; error: string };

/** Slack, as budget alerts need it: the message in the project's channel, then its burn chart in its thread. */
export interface BudgetSlack {
  post(alert: BudgetAlert): Promise<BudgetPosted>;
  /** Draws the alert's burn chart and shares it in the thread of the posted alert (`threadTs`). */
  chart(alert: BudgetAlert, threadTs: string): Promise<BudgetCharted>;
  /** Slack refused the alert for good (the bot is not in the channel, the channel is gone): its project's owner is told. */
  refused(alert: BudgetAlert, error: string): Promise<void>;
}

/** What `/cor project status` shows. */
export type BudgetStatus =
  | { kind: 'no_project' }
  | { kind: 'no_estimate'; projectName: string; logged: number }
  | { kind: 'budget'; facts: BudgetFacts; thresholds: number[] };

export interface BudgetDeps {
  channels: Pick<ChannelProjectRepository, 'all' | 'find' | 'ofProject'>;
  budget: BudgetRepository;
  links: { find(tenantKey: string, slackUserId: string): Promise<UserLinkRecord | undefined> };
  /** COR as the app: projects, a task's project, a project's hours */
  appCor: Pick<CorApi, 'allProjects' | 'getProject' | 'getTask' | 'hoursAtOnce'>;
  slack: BudgetSlack;
  /** how this workspace's COR writes its times (every reader of COR's hours goes through it) */
  times: Pick<CorTimes, 'read'>;
  clock: Clock;
  logger: Logger;
}

export interface BudgetSweepReport {
  channels: number;
  /** channel projects COR answered for (the others are archived or gone) */
  checked: number;
  posted: number;
}

/** The alerts claimed of one channel's project and estimate, by this key: the highest threshold claimed. */
const alertsKey = (k: Omit<BudgetAlertKey, 'threshold'>) => `${k.tenantKey}/${k.channelId}/${k.corProjectId}/${k.estimate}`;

/**
 * Budget alerts of channel projects: when the hours logged on one cross a threshold of its estimate, one message
 * in its channel. Checked by a sweep (every channel project, one paged read of COR's projects) and right after
 * entries are written on one. Each (channel, project, threshold, estimate) is claimed in the store before it is
 * posted, so two instances, a sweep and a write, or a restart post it once.
 */
export class BudgetService {
  readonly #d: BudgetDeps;
  constructor(deps: BudgetDeps) {
    this.#d = deps;
  }

  async thresholdsOf(tenantKey: string, channelId: string): Promise<number[]> {
    return (await this.#d.budget.thresholds(tenantKey, channelId)) ?? [...DEFAULT_THRESHOLDS];
  }

  /**
   * Whether this person may change the channel's thresholds: C-Level and Directors, or the project's own PM in COR
   * (its `pm_id`, read now so a PM who handed the project over no longer can). `roleId` is theirs, asked as them.
   */
  async mayChangeThresholds(roleId: number | null, corUserId: number, corProjectId: number): Promise<boolean> {
    if (leadsEveryProject(roleId)) return true;
    if (!isLeadRole(roleId)) return false;
    return (await this.#d.appCor.getProject(corProjectId)).pm_id === corUserId;
  }

  /** A project lead's choice for the channel (empty: off). The caller has checked `mayChangeThresholds`. */
  async setThresholds(tenantKey: string, channelId: string, thresholds: number[], slackUserId: string): Promise<void> {
    await this.#d.budget.setThresholds(tenantKey, channelId, thresholds, slackUserId);
  }

  /** The channel project's numbers on demand. */
  async status(tenantKey: string, channelId: string): Promise<BudgetStatus> {
    const channel = await this.#d.channels.find(tenantKey, channelId);
    if (!channel) return { kind: 'no_project' };
    const project = await this.#d.appCor.getProject(channel.corProjectId);
    const estimate = project.estimated_time ?? 0;
    if (!(estimate > 0)) return { kind: 'no_estimate', projectName: project.name, logged: project.elapsed_time ?? 0 };
    return { kind: 'budget', facts: await this.#facts(channel, project, CHART_DAYS), thresholds: await this.thresholdsOf(tenantKey, channelId) };
  }

  /** Every channel project against COR's projects, read page after page once; the alerts due are posted. */
  async sweep(): Promise<BudgetSweepReport> {
    const channels = await this.#d.channels.all();
    const report: BudgetSweepReport = { channels: channels.length, checked: 0, posted: 0 };
    if (channels.length === 0) return report;
    const wanted = new Set(channels.map((c) => c.corProjectId));
    const projects = new Map<number, CorProject>();
    for (const p of await this.#d.appCor.allProjects({ archived: 2 })) if (wanted.has(p.id)) projects.set(p.id, p);
    const [settings, alerted] = await Promise.all([this.#d.budget.allThresholds(), this.#alerted([...projects.keys()])]);
    for (const channel of channels) {
      const project = projects.get(channel.corProjectId);
      if (!project) continue;
      report.checked++;
      const thresholds = settings.get(`${channel.tenantKey}/${channel.channelId}`) ?? DEFAULT_THRESHOLDS;
      try {
        if (await this.#check(channel, project, thresholds, alerted)) report.posted++;
      } catch (err) {
        this.#d.logger.warn({ err, channelId: channel.channelId, corProjectId: channel.corProjectId }, 'budget check failed');
      }
    }
    return report;
  }

  /** Right after a person's entries were written: the channel projects they were on are checked now. */
  async afterWrite(link: UserLinkRecord, written: WrittenEntry[]): Promise<void> {
    const projectIds = new Set<number>();
    // A task's project read once however many of the line's entries are on it.
    const unplaced = new Set(written.filter((e) => e.task.projectId === undefined).map((e) => e.task.id));
    for (const entry of written) if (entry.task.projectId !== undefined) projectIds.add(entry.task.projectId);
    for (const taskId of unplaced) {
      const projectId = (await this.#d.appCor.getTask(taskId)).project_id;
      if (projectId !== undefined && projectId !== null) projectIds.add(projectId);
    }
    for (const projectId of projectIds) {
      const channels = await this.#d.channels.ofProject(link.tenantKey, projectId);
      if (channels.length === 0) continue;
      const project = await this.#d.appCor.getProject(projectId);
      const alerted = await this.#alerted([projectId]);
      for (const channel of channels) {
        // One channel Slack or COR fails for does not keep the others unchecked (the sweep checks it again).
        await this.#check(channel, project, await this.thresholdsOf(channel.tenantKey, channel.channelId), alerted).catch((err: unknown) =>
          this.#d.logger.warn({ err, channelId: channel.channelId, corProjectId: projectId }, 'budget check after a write failed'),
        );
      }
    }
  }

  async #alerted(projectIds: number[]): Promise<Map<string, number>> {
    const highest = new Map<string, number>();
    for (const k of await this.#d.budget.alerted(projectIds)) highest.set(alertsKey(k), Math.max(highest.get(alertsKey(k)) ?? 0, k.threshold));
    return highest;
  }

  /** Posts the highest threshold crossed, unless it or a higher one was claimed before for this estimate. */
  async #check(channel: ChannelProjectRecord, project: CorProject, thresholds: readonly number[], alerted: Map<string, number>): Promise<boolean> {
    const estimate = project.estimated_time ?? 0;
    const threshold = crossedThreshold(project.elapsed_time ?? 0, estimate, thresholds);
    if (threshold === undefined) return false;
    const key: BudgetAlertKey = { tenantKey: channel.tenantKey, channelId: channel.channelId, corProjectId: project.id, estimate: estimateKey(estimate), threshold };
    const before = alerted.get(alertsKey(key));
    if (before !== undefined && before >= threshold) return false;
    // The hours are read before the claim: a process that stops while COR answers leaves nothing claimed.
    const alert: BudgetAlert = { channel, threshold, facts: await this.#facts(channel, project, CHART_DAYS) };
    if (!(await this.#d.budget.claim(key))) return false;
    const unclaim = () => this.#d.budget.release(key);
    let posted: BudgetPosted;
    try {
      posted = await this.#d.slack.post(alert);
    } catch (err) {
      await unclaim();
      throw err;
    }
    if (posted.ok) {
      await this.#d.budget.sent(key, posted.messageTs);
      this.#d.logger.info({ channelId: channel.channelId, corProjectId: project.id, threshold }, 'budget alert posted');
      await this.#chart(alert, posted.messageTs);
      return true;
    }
    // Refused for good (the channel is gone, the bot is not let in): kept, not tried every sweep. Else later.
    if (posted.permanent) await this.#d.budget.failed(key);
    else await unclaim();
    this.#d.logger.warn({ channelId: channel.channelId, corProjectId: project.id, threshold, error: posted.error }, 'budget alert not posted');
    // Never lost in silence: whoever made the channel a project hears why (once: the alert stays claimed).
    if (posted.permanent && !posted.uncertain) {
      await this.#d.slack.refused(alert, posted.error).catch((err: unknown) => this.#d.logger.warn({ err, channelId: channel.channelId }, 'could not tell a project owner an alert was refused'));
    }
    return false;
  }

  /**
   * The posted alert's burn chart, once (its claim is this alert's): drawn and shared in its thread. The alert
   * stands whatever happens to the chart: a chart not drawn or not shared is logged, never tried again.
   */
  async #chart(alert: BudgetAlert, threadTs: string): Promise<void> {
    const where = { channelId: alert.channel.channelId, corProjectId: alert.channel.corProjectId, threshold: alert.threshold };
    try {
      const charted = await this.#d.slack.chart(alert, threadTs);
      if (charted.ok) this.#d.logger.info(where, 'budget chart shared');
      else this.#d.logger.warn({ ...where, error: charted.error }, 'budget chart not shared');
    } catch (err) {
      this.#d.logger.warn({ ...where, err }, 'budget chart not shared');
    }
  }

  /** The numbers, with one filtered read of the project's last `days` days of hours, in the channel creator's zone. */
  async #facts(channel: ChannelProjectRecord, project: CorProject, days = WEEK_DAYS): Promise<BudgetFacts> {
    const tz = (await this.#d.links.find(channel.tenantKey, channel.createdBy))?.tz ?? DEFAULT_TZ;
    const today = localParts(this.#d.clock.now(), tz).date;
    // A day of margin each side: COR filters on its own reading of the dates; CorTimes reads them as this workspace's.
    const written = await this.#d.appCor.hoursAtOnce({ projects: [project.id], dateStart: addDays(today, -days), dateDeadline: addDays(today, 1) });
    const hours = this.#d.times.read(written, channel.tenantKey, tz);
    return budgetFacts({ name: project.name, logged: project.elapsed_time ?? 0, estimate: project.estimated_time ?? 0 }, hours, today, tz, days);
  }
}
