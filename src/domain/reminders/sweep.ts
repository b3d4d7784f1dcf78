import { LRUCache } from 'lru-cache';
import { CompanyFacts, HOURS_BATCH } from '../company-facts.ts';
import { cacheOptions, PER_PERSON_MAX } from '../../lib/cache.ts';
import { formatHours } from '../../lib/duration-text.ts';
import { keepRenewed } from '../../lib/lease.ts';
import { Pacer } from '../../lib/pacer.ts';
import { addDays } from '../../lib/zoned.ts';
import type { ReminderRecipient } from '../../store/links.ts';
import { DEFAULT_REMINDER_SETTING, type ReminderDeliveryRecord, type ReminderKind, type ReminderSettingRecord } from '../../store/reminders.ts';
import { isTransient } from '../time-entries/model.ts';
import type { ReminderDecision, ReminderDeps, SendResult, SweepReport } from './ports.ts';
import { evaluate, LOOKBACK_DAYS, type Occasion, occasionsAt, type PersonFacts, type ReminderContent } from './selection.ts';

/** People per batch: one claim, one GET /hours. */
export const DEFAULT_BATCH = HOURS_BATCH;
const DEFAULT_LEASE_MS = 5 * 60_000;
const RETRY_AFTER_MS = 5 * 60_000;
/** How often one DM is tried within a sweep while Slack answers 429 (then it waits for a later sweep). */
const RATE_LIMITED_TRIES = 10;
/** How long the sweep waits for Slack to say a person's zone, and how long a "don't know" is kept. */
const ZONE_LOOKUP_TIMEOUT_MS = 5_000;
const ZONE_UNKNOWN_TTL_MS = 60 * 60_000;

/** A DM the sweep sent: the person's link and the date it is about. */
export interface SentDm {
  linkId: string;
  aboutDate: string;
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
 * The sweep (every minute): finds who is due, claims each DM in the store, reads COR for a batch of people per
 * request, and sends paced DMs. `onSent` hears of the DMs sent, once they are recorded.
 */
export class ReminderSweep {
  readonly #d: ReminderDeps;
  readonly #onSent: (sent: SentDm[]) => void;
  /** the company's users and working times (kept a while, shared with the digest sweep), and hours in batches */
  readonly #company: CompanyFacts;
  readonly #pacer: Pacer;
  readonly #leaseMs: number;
  /** links Slack gave no zone for lately: not asked again every minute */
  readonly #zoneUnknown: LRUCache<string, true>;

  constructor(deps: ReminderDeps, onSent: (sent: SentDm[]) => void) {
    this.#d = deps;
    this.#onSent = onSent;
    this.#company = deps.company ?? new CompanyFacts(deps.appCor, deps.clock);
    this.#pacer = new Pacer(deps.sendsPerSecond ?? 5);
    this.#leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
    this.#zoneUnknown = new LRUCache(cacheOptions(deps.clock, PER_PERSON_MAX, ZONE_UNKNOWN_TTL_MS));
  }

  /**
   * A link stored without a zone (Slack did not answer when it was made) is asked again, and the answer kept:
   * reminders are planned in the person's own zone or not at all (a preview only asks).
   */
  async #zoneFromSlack(link: ReminderRecipient, keep: boolean): Promise<string | undefined> {
    if (this.#zoneUnknown.has(link.id)) return undefined;
    // A slow or failing Slack must not hold up everyone else's reminders: a few seconds, then "unknown" for a while.
    let timer: NodeJS.Timeout | undefined;
    const tz = await Promise.race([
      this.#d.messenger.timeZone(link).catch(() => undefined),
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), ZONE_LOOKUP_TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
    if (!tz) {
      this.#zoneUnknown.set(link.id, true);
      return undefined;
    }
    if (keep) await this.#d.links.updateProfile(link.id, { tz }).catch((err: unknown) => this.#d.logger.warn({ err }, 'could not keep a time zone read from Slack'));
    return tz;
  }

  /**
   * One pass at `now`. With `dryRun`, nothing is claimed or sent: the report says who would get a DM and why.
   * With `explain`, the report lists every person's decision (preview); otherwise only counts per reason.
   */
  async run(now: Date, opts: { dryRun?: boolean; explain?: boolean } = {}): Promise<SweepReport> {
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

    // Links stored without a zone are asked of Slack, all at once, before anything is planned.
    const zones = new Map(
      await Promise.all(links.filter((l) => !l.tz).map(async (l) => [l.id, await this.#zoneFromSlack(l, !dryRun)] as const)),
    );
    let candidates: Candidate[] = [];
    for (const link of links) {
      const tz = link.tz ?? zones.get(link.id);
      if (!tz) {
        decide({ link, tz: 'unknown' }, undefined, 'not_due', 'time zone unknown: Slack did not say, and no reminder goes out on a guessed zone');
        continue;
      }
      const setting = settings.get(link.id) ?? { linkId: link.id, ...DEFAULT_REMINDER_SETTING };
      // One person's data that cannot be worked out (whatever it is) skips that person, never everyone else.
      const planned = this.#isolated(link, () => occasionsAt(now, tz, setting));
      if ('failed' in planned) {
        decide({ link, tz }, undefined, 'failed', planned.failed);
        continue;
      }
      const { occasions, reason } = planned.ok;
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
      const evaluated = this.#isolated(c.link, () => {
        const mine = facts.get(c.link.corUserId) ?? { user: undefined, workingDays: [], hours: [] };
        return evaluate(c.occasion, c.setting, c.tz, { ...mine, hours: this.#d.times.read(mine.hours, c.link.tenantKey, c.tz) });
      });
      const result = 'ok' in evaluated ? evaluated.ok : { skip: evaluated.failed };
      if ('failed' in evaluated) report.failed++;
      if ('skip' in result) {
        decide(c, c.occasion.kind, 'not_due', result.skip);
        if (delivery) skips.set(result.skip, [...(skips.get(result.skip) ?? []), delivery.id]);
        continue;
      }
      sends.push({ c, delivery, content: result.send });
    }
    for (const [reason, ids] of skips) await this.#d.reminders.markSkipped(ids, reason);

    // While this instance is still sending (paced, it can take a while), its claims stay its own: they are
    // renewed well before the lease ends, so only an instance that died lets another take them over.
    // Only claims still this instance's are renewed (the lease it set last): none left, the renewing ends.
    const held = new Set(sends.flatMap(({ delivery }) => (delivery ? [delivery.id] : [])));
    let heldUntil = new Date(now.getTime() + this.#leaseMs); // as claimed
    const renewing =
      held.size > 0 && !dryRun
        ? keepRenewed(
            this.#leaseMs,
            async () => {
              const until = new Date(this.#d.clock.now().getTime() + this.#leaseMs);
              if (!(await this.#d.reminders.renew([...held], heldUntil, until))) return false;
              heldUntil = until;
              return true;
            },
            (err) => this.#d.logger.warn({ err }, 'could not renew reminder claims'),
          )
        : undefined;
    const sendOne = async (c: Candidate, delivery: ReminderDeliveryRecord | undefined, content: ReminderContent): Promise<void> => {
      if (c.setting.respectAway && (await this.#d.messenger.isAway(c.link).catch(() => false))) {
        decide(c, c.occasion.kind, 'not_due', 'away (Slack status)');
        if (delivery) {
          held.delete(delivery.id);
          await this.#d.reminders.markSkipped([delivery.id], 'away (Slack status)');
        }
        return;
      }
      if (!delivery) return decide(c, c.occasion.kind, 'due', shortText(content), content);
      const result = await this.#send(c.link, delivery, content);
      if (result.ok) {
        // Recorded the moment it went out: Snooze, Skip and Log 1h on it work while the batch still sends.
        // A failed record is found again through the DM's metadata by the next attempt: the others go on.
        await this.#d.reminders
          .markSent({ id: delivery.id, channelId: result.channelId, messageTs: result.messageTs, aboutDate: content.aboutDate, targetHours: content.target, loggedHours: content.logged }, this.#d.clock.now())
          .catch((err: unknown) => this.#d.logger.warn({ err, deliveryId: delivery.id }, 'could not record a sent reminder DM'));
        held.delete(delivery.id);
        this.#onSent([{ linkId: c.link.id, aboutDate: content.aboutDate }]);
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
    };
    try {
      await Promise.all(
        sends.map(async ({ c, delivery, content }) => {
          try {
            await sendOne(c, delivery, content);
          } catch (err) {
            // Whatever broke with this one person's DM, the others go on; theirs is tried again in a few minutes.
            this.#d.logger.error({ err, linkId: c.link.id }, 'a reminder DM failed unexpectedly; the others go on');
            report.failed++;
            decide(c, c.occasion.kind, 'failed', `could not be sent (${err instanceof Error ? err.message : String(err)})`);
            if (!delivery) return;
            held.delete(delivery.id);
            await this.#d.reminders.release([delivery.id], new Date(now.getTime() + RETRY_AFTER_MS), 'failed unexpectedly').catch((e: unknown) => this.#d.logger.warn({ err: e }, 'could not release a reminder claim'));
          }
        }),
      );
    } finally {
      renewing?.stop();
    }
  }

  /**
   * One DM, paced per workspace. A 429 (Slack did nothing) holds the workspace's DMs for its Retry-After and the DM
   * is tried again, a few times; anything else is the caller's to decide.
   */
  async #send(link: ReminderRecipient, delivery: ReminderDeliveryRecord, content: ReminderContent): Promise<SendResult> {
    for (let tries = 1; ; tries++) {
      await this.#pacer.wait(link.tenantKey);
      const result = await this.#d.messenger.send(link, delivery, content);
      if (result.ok || result.retryAfterMs === undefined || tries >= RATE_LIMITED_TRIES) return result;
      this.#pacer.holdFor(link.tenantKey, result.retryAfterMs);
    }
  }

  /** What one person's step gives, or (it threw) why it failed, logged: one person never stops the sweep. */
  #isolated<T>(link: ReminderRecipient, step: () => T): { ok: T } | { failed: string } {
    try {
      return { ok: step() };
    } catch (err) {
      this.#d.logger.error({ err, linkId: link.id, tz: link.tz }, 'one person of the reminder sweep could not be worked out; skipped');
      return { failed: `could not be worked out (${err instanceof Error ? err.message : String(err)})` };
    }
  }

  /** COR facts for a batch: company-wide lists (cached a while) and the batch's hours in one request. */
  async #facts(batch: Candidate[]): Promise<Map<number, PersonFacts>> {
    const corIds = [...new Set(batch.map((c) => c.link.corUserId))];
    const dates = batch.map((c) => c.occasion.localDate).sort();
    const first = dates[0] as string;
    const last = dates[dates.length - 1] as string;
    const [users, workingTimes, byUser] = await Promise.all([
      this.#company.users(),
      this.#company.workingTimes(),
      // A day either side: COR files entries by its own date. The batch is one request.
      this.#company.hoursByUser(corIds, addDays(first, -LOOKBACK_DAYS), addDays(last, 1), corIds.length),
    ]);
    return new Map(corIds.map((id) => [id, { user: users.get(id), workingDays: workingTimes.get(id) ?? [], hours: byUser.get(id) ?? [] }]));
  }
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
