import { LRUCache } from 'lru-cache';
import type { CorApi } from '../cor/client.ts';
import type { CorHour, CorLeave, CorUser, CorWorkingTime } from '../cor/schemas.ts';
import { cacheOptions, PER_PERSON_MAX } from '../lib/cache.ts';
import type { Clock } from '../lib/clock.ts';
import { formatHours } from '../lib/duration-text.ts';
import { Pacer } from '../lib/pacer.ts';
import { addDays, localParts, weekdayOf, zonedTimeToInstant } from '../lib/zoned.ts';
import type { Logger } from '../logger.ts';
import type { ReminderRecipient, UserLinkRecord } from '../store/links.ts';
import { DEFAULT_REMINDER_SETTING, type ReminderDeliveryRecord, type ReminderKind, type ReminderRepository, type ReminderSettingRecord } from '../store/reminders.ts';
import { DEFAULT_TZ } from './linking.ts';
import { corInstant, isTransient } from './time-entries.ts';

/** What a reminder DM says: how short the day is, and what to log it on. */
export interface ReminderContent {
  kind: ReminderKind;
  /** the local date whose hours are short */
  aboutDate: string;
  logged: number;
  target: number;
  /** tasks the person logged on lately, most recent first: one-click "Log 1h" buttons */
  recentTasks: { id: number; title: string }[];
  /** why the target is not the usual one, e.g. a half-day leave */
  targetNote: string | undefined;
}

export type SendResult = { ok: true; channelId: string; messageTs: string } | { ok: false; permanent: boolean; error: string };

/** How reminders reach a person (implemented with Slack DMs). */
export interface ReminderMessenger {
  /**
   * Sends the DM of a claimed delivery. On a later attempt an earlier one may have sent it and died before
   * recording it: then it is found, not sent again (a DM older than `messageTs`, the one snoozed, does not count).
   */
  send(link: ReminderRecipient, delivery: Pick<ReminderDeliveryRecord, 'id' | 'attempts' | 'messageTs'>, content: ReminderContent): Promise<SendResult>;
  /** Redraws a sent DM: the new numbers, or "done" once logged >= target. */
  update(link: ReminderRecipient, delivery: ReminderDeliveryRecord, content: ReminderContent): Promise<void>;
  /** True while the person's Slack status says they are away (vacation, out of office, sick). */
  isAway(link: ReminderRecipient): Promise<boolean>;
}

export interface ReminderDeps {
  links: { activeRecipients(): Promise<ReminderRecipient[]>; findById(id: string): Promise<UserLinkRecord | undefined> };
  reminders: ReminderRepository;
  /** COR as the app: everyone's daily hours, leaves, working time, and hours of many people per request */
  appCor: CorApi;
  messenger: ReminderMessenger;
  clock: Clock;
  logger: Logger;
  /** people per batched GET /hours (one request each) */
  batchSize?: number;
  /** DMs per second per workspace (Slack allows about 1 per channel per second plus a workspace cap) */
  sendsPerSecond?: number;
  /** how long a claimed DM is one instance's before another may take it over (an instance that died mid-sweep) */
  leaseMs?: number;
}

/** One person's outcome in a sweep, for `reminders preview`. */
export interface ReminderDecision {
  link: ReminderRecipient;
  tz: string;
  kind: ReminderKind | undefined;
  outcome: 'due' | 'sent' | 'not_due' | 'delayed' | 'failed';
  reason: string;
  content?: ReminderContent;
}

export interface SweepReport {
  at: Date;
  people: number;
  /** one per person and reminder, when asked for (`explain`); thousands of people make this large */
  decisions: ReminderDecision[];
  /** how many people had each outcome and reason */
  reasons: Record<string, number>;
  sent: number;
  due: number;
  delayed: number;
  failed: number;
}

export interface Occasion {
  kind: ReminderKind;
  /** the person's local date the DM is due on */
  localDate: string;
  at: Date;
}

/** The facts about one person that COR knows. */
export interface PersonFacts {
  user: CorUser | undefined;
  workingDays: CorWorkingTime[];
  /** their entries over the last week or so (COR files them by its own date: filter by local date) */
  hours: CorHour[];
}

const DEFAULT_TARGET_HOURS = 8;
const DEFAULT_BATCH = 250;
const DEFAULT_LEASE_MS = 5 * 60_000;
const RETRY_AFTER_MS = 5 * 60_000;
const COMPANY_FACTS_TTL_MS = 15 * 60_000;
/** Enough days back to find the previous workday after a long weekend, and recent tasks. */
const LOOKBACK_DAYS = 7;
const RECENT_TASKS = 3;
const NO_OPEN_DM_TTL_MS = 60_000;
/** Half a minute of rounding is not a shortfall. */
const EPSILON_HOURS = 0.01;

function parseTime(hhmm: string): { hour: number; minute: number } {
  const [h, m] = hhmm.split(':').map(Number);
  return { hour: h ?? 0, minute: m ?? 0 };
}

/**
 * The reminders due for one person at `now`, decided from their settings alone (no COR needed).
 * The day's DM is due from their reminder time on their local date; the morning recap between its time
 * and the day's reminder (a bot that was down all morning does not send it at night).
 */
export function occasionsAt(now: Date, tz: string, s: ReminderSettingRecord): { occasions: Occasion[]; reason: string } {
  if (!s.enabled) return { occasions: [], reason: 'reminders are off' };
  const local = localParts(now, tz);
  if (s.weekdays && !s.weekdays.includes(local.weekday)) return { occasions: [], reason: 'not one of their reminder days' };
  if (s.skipDates.includes(local.date)) return { occasions: [], reason: 'they skipped today' };
  const day = parseTime(s.localTime);
  const dayAt = zonedTimeToInstant(local.date, day.hour, day.minute, tz);
  const occasions: Occasion[] = [];
  if (now >= dayAt) occasions.push({ kind: 'day', localDate: local.date, at: dayAt });
  if (s.morningRecap) {
    const morning = parseTime(s.morningTime);
    const morningAt = zonedTimeToInstant(local.date, morning.hour, morning.minute, tz);
    if (now >= morningAt && now < dayAt) occasions.push({ kind: 'morning', localDate: local.date, at: morningAt });
  }
  return { occasions, reason: occasions.length > 0 ? 'due' : `not yet: reminder at ${s.localTime} their time` };
}

/** A workday by their own setting, else COR working time (days with hours), else Monday to Friday. */
export function isWorkday(date: string, s: ReminderSettingRecord, workingDays: CorWorkingTime[]): boolean {
  const iso = weekdayOf(date);
  if (s.weekdays) return s.weekdays.includes(iso);
  if (workingDays.length > 0) {
    const corDay = (iso % 7) + 1; // COR: 1 = Sunday … 7 = Saturday
    return workingDays.some((d) => d.day_of_week === corDay && (d.daily_hours ?? 1) > 0);
  }
  return iso <= 5;
}

function previousWorkday(date: string, s: ReminderSettingRecord, workingDays: CorWorkingTime[]): string | undefined {
  for (let back = 1; back <= LOOKBACK_DAYS; back++) {
    const d = addDays(date, -back);
    if (isWorkday(d, s, workingDays)) return d;
  }
  return undefined;
}

/** The leave that touches a local date, if any, and whether it takes the whole day. */
function leaveOn(leaves: CorLeave[], date: string, tz: string): { leave: CorLeave; wholeDay: boolean } | undefined {
  const from = zonedTimeToInstant(date, 0, 0, tz).getTime();
  const to = zonedTimeToInstant(addDays(date, 1), 0, 0, tz).getTime();
  for (const leave of leaves) {
    if (leave.deleted_at) continue;
    const start = corInstant(leave.start).getTime();
    const end = corInstant(leave.end).getTime();
    if (end <= from || start >= to) continue;
    // An all-day leave, or one that covers most of the day, is a day off; a shorter one halves the target.
    return { leave, wholeDay: leave.all_day || end - start >= 20 * 3_600_000 };
  }
  return undefined;
}

function loggedOn(hours: CorHour[], date: string, tz: string): number {
  let sum = 0;
  for (const h of hours) {
    const start = corInstant(h.start);
    if (localParts(start, tz).date !== date) continue;
    sum += h.duration ?? (h.stop ? (corInstant(h.stop).getTime() - start.getTime()) / 3_600_000 : 0);
  }
  return sum;
}

function recentTasks(hours: CorHour[]): { id: number; title: string }[] {
  const seen = new Map<number, { id: number; title: string; at: number }>();
  for (const h of hours) {
    const id = h.task_log_id ?? h.task?.id;
    if (!id) continue;
    const at = corInstant(h.start).getTime();
    const prev = seen.get(id);
    if (!prev || prev.at < at) seen.set(id, { id, title: h.task?.title ?? `Task #${id}`, at });
  }
  return [...seen.values()]
    .sort((a, b) => b.at - a.at)
    .slice(0, RECENT_TASKS)
    .map(({ id, title }) => ({ id, title }));
}

/** The target of a date: their own setting, else COR working time for that weekday, else COR daily hours, else 8. */
function baseTarget(date: string, s: ReminderSettingRecord, facts: PersonFacts): number {
  if (s.targetHours !== null) return s.targetHours;
  const corDay = (weekdayOf(date) % 7) + 1;
  const wt = facts.workingDays.find((d) => d.day_of_week === corDay)?.daily_hours;
  if (wt !== undefined && wt !== null && wt > 0) return wt;
  const daily = facts.user?.daily_hours;
  return daily !== undefined && daily !== null ? daily : DEFAULT_TARGET_HOURS;
}

/** Decides, with COR's facts, whether an occasion becomes a DM and what it says. Pure. */
export function evaluate(occasion: Occasion, s: ReminderSettingRecord, tz: string, facts: PersonFacts): { send: ReminderContent } | { skip: string } {
  if (!isWorkday(occasion.localDate, s, facts.workingDays)) return { skip: s.weekdays ? 'not one of their reminder days' : facts.workingDays.length > 0 ? 'not a workday in COR' : 'weekend' };
  const aboutDate = occasion.kind === 'day' ? occasion.localDate : previousWorkday(occasion.localDate, s, facts.workingDays);
  if (!aboutDate) return { skip: 'no previous workday to recap' };
  let target = baseTarget(aboutDate, s, facts);
  let targetNote: string | undefined;
  const leave = leaveOn(facts.user?.leaves ?? [], aboutDate, tz);
  const leaveName = leave?.leave.leaveType?.name ?? 'leave';
  if (leave?.wholeDay) return { skip: `on leave (${leaveName})` };
  if (leave) {
    target /= 2;
    targetNote = `half-day ${leaveName}`;
  }
  if (target <= 0) return { skip: 'no daily target' };
  const logged = loggedOn(facts.hours, aboutDate, tz);
  if (logged >= target - EPSILON_HOURS) return { skip: `enough logged (${formatHours(logged)} of ${formatHours(target)})` };
  return { send: { kind: occasion.kind, aboutDate, logged, target, recentTasks: recentTasks(facts.hours), targetNote } };
}

interface Candidate {
  link: ReminderRecipient;
  tz: string;
  setting: ReminderSettingRecord;
  occasion: Occasion;
  /** its delivery row when one exists (a lease that ran out, a snooze that ended) */
  existing: ReminderDeliveryRecord | undefined;
}

/**
 * Daily reminders: a sweep (every minute) finds who is due, claims each DM in the store, reads COR for a
 * batch of people per request, and sends paced DMs; DMs change in place when the person logs.
 */
export class ReminderService {
  readonly #d: ReminderDeps;
  /** the company's users and working times (COR as the app sees one company), each under one key */
  readonly #users: LRUCache<'all', Map<number, CorUser>>;
  readonly #workingTimes: LRUCache<'all', Map<number, CorWorkingTime[]>>;
  readonly #pacer: Pacer;
  readonly #leaseMs: number;
  /**
   * Links (and dates) found with no open DM, for a minute: most writes need no redraw, and this spares the
   * store a query per entry. A DM sent by this instance clears it; one sent by another is caught up later.
   */
  readonly #noOpenDm: LRUCache<string, true>;

  constructor(deps: ReminderDeps) {
    this.#d = deps;
    this.#users = new LRUCache({
      ...cacheOptions(deps.clock, 1, COMPANY_FACTS_TTL_MS),
      fetchMethod: async () => new Map((await deps.appCor.usersAtOnce()).map((u) => [u.id, u])),
    });
    this.#workingTimes = new LRUCache({ ...cacheOptions(deps.clock, 1, COMPANY_FACTS_TTL_MS), fetchMethod: () => deps.appCor.workingTimes() });
    this.#noOpenDm = new LRUCache(cacheOptions(deps.clock, PER_PERSON_MAX, NO_OPEN_DM_TTL_MS));
    this.#pacer = new Pacer(deps.sendsPerSecond ?? 5);
    this.#leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  }

  /**
   * One pass at `now`. With `dryRun`, nothing is claimed or sent: the report says who would get a DM and why.
   * With `explain`, the report lists every person's decision (preview); otherwise only counts per reason.
   */
  async sweep(now: Date, opts: { dryRun?: boolean; explain?: boolean } = {}): Promise<SweepReport> {
    const dryRun = opts.dryRun ?? false;
    const explain = opts.explain ?? dryRun;
    const links = await this.#d.links.activeRecipients();
    const settings = await this.#d.reminders.allSettings();
    const report: SweepReport = { at: now, people: links.length, decisions: [], reasons: {}, sent: 0, due: 0, delayed: 0, failed: 0 };
    const decide = (c: Pick<Candidate, 'link' | 'tz'>, kind: ReminderKind | undefined, outcome: ReminderDecision['outcome'], reason: string, content?: ReminderContent) => {
      if (outcome === 'due' || outcome === 'sent') report.due++;
      // Shortfalls differ per person: counted under the outcome alone.
      const key = outcome === 'due' || outcome === 'sent' ? outcome : `${outcome}: ${reason}`;
      report.reasons[key] = (report.reasons[key] ?? 0) + 1;
      if (explain) report.decisions.push({ link: c.link, tz: c.tz, kind, outcome, reason, ...(content ? { content } : {}) });
    };

    let candidates: Candidate[] = [];
    for (const link of links) {
      const tz = link.tz ?? DEFAULT_TZ;
      const setting = settings.get(link.id) ?? { linkId: link.id, ...DEFAULT_REMINDER_SETTING };
      const { occasions, reason } = occasionsAt(now, tz, setting);
      if (occasions.length === 0) decide({ link, tz }, undefined, 'not_due', reason);
      for (const occasion of occasions) candidates.push({ link, tz, setting, occasion, existing: undefined });
    }
    // Leave out what was already handled (sent, skipped, done, snoozed, or held by another instance).
    const handled = await this.#d.reminders.deliveriesOn([...new Set(candidates.map((c) => c.link.id))], [...new Set(candidates.map((c) => c.occasion.localDate))]);
    const byKey = new Map(handled.map((d) => [`${d.linkId}|${d.localDate}|${d.kind}`, d]));
    candidates = candidates.filter((c) => {
      const d = byKey.get(`${c.link.id}|${c.occasion.localDate}|${c.occasion.kind}`);
      if (!d) return true;
      c.existing = d;
      const reclaimable = (d.state === 'claimed' || d.state === 'snoozed') && d.claimedUntil !== null && d.claimedUntil < now;
      if (!reclaimable) decide(c, c.occasion.kind, 'not_due', alreadyText(d));
      return reclaimable;
    });

    const batchSize = this.#d.batchSize ?? DEFAULT_BATCH;
    for (let i = 0; i < candidates.length; i += batchSize) {
      await this.#batch(candidates.slice(i, i + batchSize), now, dryRun, report, decide);
    }
    if (!dryRun && (report.sent > 0 || report.delayed > 0 || report.failed > 0)) {
      this.#d.logger.info({ people: report.people, sent: report.sent, delayed: report.delayed, failed: report.failed }, 'reminder sweep');
    }
    return report;
  }

  async #batch(
    batch: Candidate[],
    now: Date,
    dryRun: boolean,
    report: SweepReport,
    decide: (c: Candidate, kind: ReminderKind | undefined, outcome: ReminderDecision['outcome'], reason: string, content?: ReminderContent) => void,
  ): Promise<void> {
    // Claim first: of two instances (or a restart) exactly one goes on with each DM.
    const claimed: { c: Candidate; delivery: ReminderDeliveryRecord | undefined }[] = [];
    if (dryRun) for (const c of batch) claimed.push({ c, delivery: undefined });
    else {
      const key = (x: { linkId: string; localDate: string; kind: ReminderKind }) => `${x.linkId}|${x.localDate}|${x.kind}`;
      const fresh = batch.filter((c) => !c.existing);
      const byKey = new Map(fresh.map((c) => [key({ linkId: c.link.id, localDate: c.occasion.localDate, kind: c.occasion.kind }), c]));
      for (const delivery of await this.#d.reminders.claimNew(fresh.map((c) => ({ linkId: c.link.id, localDate: c.occasion.localDate, kind: c.occasion.kind })), now, this.#leaseMs)) {
        const c = byKey.get(key(delivery));
        if (c) claimed.push({ c, delivery });
      }
      for (const c of batch.filter((x) => x.existing)) {
        const delivery = await this.#d.reminders.claimDelivery(c.link.id, c.occasion.localDate, c.occasion.kind, now, this.#leaseMs);
        if (delivery) claimed.push({ c, delivery });
      }
    }
    if (claimed.length === 0) return;

    let facts: Map<number, PersonFacts>;
    try {
      facts = await this.#facts(claimed.map(({ c }) => c));
    } catch (err) {
      if (!isTransient(err)) throw err;
      // COR trouble delays these DMs (claims are given back for a later sweep); nothing is dropped.
      const ids = claimed.flatMap(({ delivery }) => (delivery ? [delivery.id] : []));
      await this.#d.reminders.release(ids, new Date(now.getTime() + RETRY_AFTER_MS), `cor: ${err.code}`);
      for (const { c } of claimed) decide(c, c.occasion.kind, 'delayed', `COR unavailable (${err.code}): retried in a few minutes`);
      report.delayed += claimed.length;
      return;
    }

    const skips = new Map<string, string[]>();
    const sends: { c: Candidate; delivery: ReminderDeliveryRecord | undefined; content: ReminderContent }[] = [];
    for (const { c, delivery } of claimed) {
      const result = evaluate(c.occasion, c.setting, c.tz, facts.get(c.link.corUserId) ?? { user: undefined, workingDays: [], hours: [] });
      if ('skip' in result) {
        decide(c, c.occasion.kind, 'not_due', result.skip);
        if (delivery) skips.set(result.skip, [...(skips.get(result.skip) ?? []), delivery.id]);
        continue;
      }
      sends.push({ c, delivery, content: result.send });
    }
    for (const [reason, ids] of skips) await this.#d.reminders.markSkipped(ids, reason);

    const sent: Parameters<ReminderRepository['markSentMany']>[0] = [];
    const sentKeys: string[] = [];
    // While this instance is still sending (paced, it can take a while), its claims stay its own: they are
    // renewed well before the lease ends, so only an instance that died lets another take them over.
    const held = new Set(sends.flatMap(({ delivery }) => (delivery ? [delivery.id] : [])));
    const renewClaims = () => {
      const until = new Date(this.#d.clock.now().getTime() + this.#leaseMs);
      void this.#d.reminders.renew([...held], until).catch((err: unknown) => this.#d.logger.warn({ err }, 'could not renew reminder claims'));
    };
    const renew = held.size > 0 && !dryRun ? setInterval(renewClaims, Math.max(250, this.#leaseMs / 3)) : undefined;
    try {
      await Promise.all(
        sends.map(async ({ c, delivery, content }) => {
          if (c.setting.respectAway && (await this.#d.messenger.isAway(c.link).catch(() => false))) {
            decide(c, c.occasion.kind, 'not_due', 'away (Slack status)');
            if (delivery) {
              held.delete(delivery.id);
              await this.#d.reminders.markSkipped([delivery.id], 'away (Slack status)');
            }
            return;
          }
          if (!delivery) return decide(c, c.occasion.kind, 'due', shortText(content), content);
          await this.#pacer.wait(c.link.tenantKey);
          const result = await this.#d.messenger.send(c.link, delivery, content);
          if (result.ok) {
            sent.push({ id: delivery.id, channelId: result.channelId, messageTs: result.messageTs, aboutDate: content.aboutDate, targetHours: content.target, loggedHours: content.logged });
            sentKeys.push(`${c.link.id}|${content.aboutDate}`);
            report.sent++;
            return decide(c, c.occasion.kind, 'sent', shortText(content), content);
          }
          held.delete(delivery.id);
          if (result.permanent) {
            await this.#d.reminders.markSkipped([delivery.id], `slack: ${result.error}`);
            report.failed++;
            return decide(c, c.occasion.kind, 'failed', `Slack refused the DM (${result.error})`);
          }
          await this.#d.reminders.release([delivery.id], new Date(now.getTime() + RETRY_AFTER_MS), `slack: ${result.error}`);
          report.delayed++;
          decide(c, c.occasion.kind, 'delayed', `Slack unavailable (${result.error}): retried in a few minutes`);
        }),
      );
    } finally {
      if (renew) clearInterval(renew);
    }
    // One write for the batch; a crash before it leaves claims whose DMs the next attempt finds in Slack.
    await this.#d.reminders.markSentMany(sent);
    for (const key of sentKeys) this.#noOpenDm.delete(key);
  }

  /** COR facts for a batch: company-wide lists (cached a while) and the batch's hours in one request. */
  async #facts(batch: Candidate[]): Promise<Map<number, PersonFacts>> {
    const corIds = [...new Set(batch.map((c) => c.link.corUserId))];
    const dates = batch.map((c) => c.occasion.localDate).sort();
    const first = dates[0] as string;
    const last = dates[dates.length - 1] as string;
    const [users, workingTimes, hours] = await Promise.all([
      this.#users.forceFetch('all'),
      this.#workingTimes.forceFetch('all'),
      // A day either side: COR files entries by its own date.
      this.#d.appCor.hoursAtOnce({ users: corIds, dateStart: addDays(first, -LOOKBACK_DAYS), dateDeadline: addDays(last, 1) }),
    ]);
    const byUser = new Map<number, CorHour[]>();
    for (const h of hours) {
      const id = h.user_id;
      if (id === undefined || id === null) continue;
      const list = byUser.get(id);
      if (list) list.push(h);
      else byUser.set(id, [h]);
    }
    return new Map(corIds.map((id) => [id, { user: users.get(id), workingDays: workingTimes.get(id) ?? [], hours: byUser.get(id) ?? [] }]));
  }

  /**
   * After the person logged time (anywhere in the bot): the open DMs about that date show the new total,
   * or "done" once the target is met.
   */
  async refreshAfterWrite(link: UserLinkRecord, at: Date): Promise<void> {
    const tz = link.tz ?? DEFAULT_TZ;
    const date = localParts(at, tz).date;
    const key = `${link.id}|${date}`;
    if (this.#noOpenDm.has(key)) return;
    const open = await this.#d.reminders.openDeliveriesAbout(link.id, date);
    if (open.length === 0) {
      this.#noOpenDm.set(key, true);
      return;
    }
    // A day either side: COR files entries by its own date.
    const hours = await this.#d.appCor.hoursAtOnce({ users: [link.corUserId], dateStart: addDays(date, -1), dateDeadline: addDays(date, 1) });
    const logged = loggedOn(hours, date, tz);
    for (const delivery of open) await this.#redraw(link, delivery, logged, hours);
  }

  async #redraw(link: UserLinkRecord, delivery: ReminderDeliveryRecord, logged: number, hours: CorHour[]): Promise<void> {
    const target = delivery.targetHours ?? DEFAULT_TARGET_HOURS;
    const content: ReminderContent = { kind: delivery.kind, aboutDate: delivery.aboutDate ?? delivery.localDate, logged, target, recentTasks: recentTasks(hours), targetNote: undefined };
    if (logged >= target - EPSILON_HOURS) await this.#d.reminders.markDone(delivery.id, logged);
    else if (logged === delivery.loggedHours) return;
    else await this.#d.reminders.updateLogged(delivery.id, logged);
    await this.#d.messenger.update(link, delivery, content);
  }

  /**
   * Hours logged in COR itself show up too: DMs still open about these dates are re-read in batches
   * (one GET /hours per batch) and redrawn where the total changed.
   */
  async catchUp(now: Date): Promise<number> {
    const today = localParts(now, 'UTC').date;
    const open = await this.#d.reminders.openDeliveries([addDays(today, -2), addDays(today, -1), today, addDays(today, 1)]);
    let redrawn = 0;
    const batchSize = this.#d.batchSize ?? DEFAULT_BATCH;
    for (let i = 0; i < open.length; i += batchSize) {
      const batch = open.slice(i, i + batchSize);
      const links = new Map<string, UserLinkRecord>();
      for (const d of batch) {
        const link = await this.#d.links.findById(d.linkId);
        if (link) links.set(d.linkId, link);
      }
      const dates = batch.map((d) => d.aboutDate ?? d.localDate).sort();
      const hours = await this.#d.appCor.hoursAtOnce({
        users: [...new Set([...links.values()].map((l) => l.corUserId))],
        dateStart: addDays(dates[0] as string, -1),
        dateDeadline: addDays(dates[dates.length - 1] as string, 1),
      });
      for (const d of batch) {
        const link = links.get(d.linkId);
        if (!link) continue;
        const mine = hours.filter((h) => h.user_id === link.corUserId);
        const logged = loggedOn(mine, d.aboutDate ?? d.localDate, link.tz ?? DEFAULT_TZ);
        if (logged === d.loggedHours) continue;
        await this.#redraw(link, d, logged, mine);
        redrawn++;
      }
    }
    return redrawn;
  }

  /** A reminder DM sent to this person (a button names it), or undefined when it is not theirs. */
  async deliveryOf(link: UserLinkRecord, deliveryId: string): Promise<ReminderDeliveryRecord | undefined> {
    const delivery = await this.#d.reminders.getDelivery(deliveryId);
    return delivery && delivery.linkId === link.id ? delivery : undefined;
  }

  /** "Snooze 1h": the same reminder again later (the sweep reclaims it when the snooze ends). */
  async snooze(link: UserLinkRecord, deliveryId: string, minutes = 60): Promise<Date | undefined> {
    const delivery = await this.#d.reminders.getDelivery(deliveryId);
    if (!delivery || delivery.linkId !== link.id || delivery.state !== 'sent') return undefined;
    const until = new Date(this.#d.clock.now().getTime() + minutes * 60_000);
    await this.#d.reminders.markSnoozed(deliveryId, until);
    return until;
  }

  /** "Skip today": no more reminders for that date. Returns the date skipped. */
  async skip(link: UserLinkRecord, deliveryId: string): Promise<string | undefined> {
    const delivery = await this.#d.reminders.getDelivery(deliveryId);
    if (!delivery || delivery.linkId !== link.id) return undefined;
    const setting = await this.#d.reminders.getSetting(link.id);
    await this.#d.reminders.saveSetting(withSkipDates(setting, [delivery.localDate], this.#d.clock.now(), link.tz ?? DEFAULT_TZ));
    await this.#d.reminders.markSkipped([delivery.id], 'they skipped today');
    return delivery.localDate;
  }

  settings(link: UserLinkRecord): Promise<ReminderSettingRecord> {
    return this.#d.reminders.getSetting(link.id);
  }

  /** Saves settings, dropping skip dates that are already past. */
  async saveSettings(link: UserLinkRecord, setting: ReminderSettingRecord): Promise<ReminderSettingRecord> {
    const clean = withSkipDates(setting, [], this.#d.clock.now(), link.tz ?? DEFAULT_TZ);
    await this.#d.reminders.saveSetting(clean);
    return clean;
  }
}

/** Adds skip dates and forgets those before today (in the person's zone). */
export function withSkipDates(setting: ReminderSettingRecord, add: string[], now: Date, tz: string): ReminderSettingRecord {
  const today = localParts(now, tz).date;
  const dates = [...new Set([...setting.skipDates, ...add])].filter((d) => d >= today).sort();
  return { ...setting, skipDates: dates };
}

function shortText(c: ReminderContent): string {
  return `${formatHours(c.logged)} of ${formatHours(c.target)} logged on ${c.aboutDate}: ${formatHours(c.target - c.logged)} missing${c.targetNote ? ` (${c.targetNote})` : ''}`;
}

function alreadyText(d: ReminderDeliveryRecord): string {
  switch (d.state) {
    case 'sent':
      return 'already reminded today';
    case 'done':
      return 'reminded, and logged enough since';
    case 'snoozed':
      return `snoozed until ${d.claimedUntil?.toISOString() ?? '?'}`;
    case 'skipped':
      return `already decided today: ${d.reason ?? 'skipped'}`;
    case 'claimed':
      return 'being handled (another sweep holds it)';
  }
}
