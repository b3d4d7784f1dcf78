import { LRUCache } from 'lru-cache';
import type { CorHour } from '../../cor/schemas.ts';
import { cacheOptions, PER_PERSON_MAX } from '../../lib/cache.ts';
import { addDays, localParts } from '../../lib/zoned.ts';
import type { ReminderRecipient, UserLinkRecord } from '../../store/links.ts';
import type { ReminderDeliveryRecord, ReminderSettingRecord } from '../../store/reminders.ts';
import { DEFAULT_TZ } from '../linking.ts';
import { DEFAULT_TARGET_HOURS } from '../targets.ts';
import type { ReminderDeps, SendResult, SweepReport } from './ports.ts';
import { EPSILON_HOURS, loggedOn, type ReminderContent, recentTasks, withSkipDates } from './selection.ts';
import { DEFAULT_BATCH, ReminderSweep } from './sweep.ts';

const NO_OPEN_DM_TTL_MS = 60_000;

const noOpenDmKey = (linkId: string, date: string) => `${linkId}|${date}`;

/**
 * Daily reminders: a sweep (every minute) finds who is due, claims each DM in the store, reads COR for a
 * batch of people per request, and sends paced DMs; DMs change in place when the person logs.
 */
export class ReminderService {
  readonly #d: ReminderDeps;
  readonly #sweep: ReminderSweep;
  /**
   * Links (and dates) found with no open DM, for a minute: most writes need no redraw, and this spares the
   * store a query per entry. A DM sent by this instance clears it; one sent by another is caught up later.
   */
  readonly #noOpenDm: LRUCache<string, true>;

  constructor(deps: ReminderDeps) {
    this.#d = deps;
    this.#noOpenDm = new LRUCache(cacheOptions(deps.clock, PER_PERSON_MAX, NO_OPEN_DM_TTL_MS));
    this.#sweep = new ReminderSweep(deps, (sent) => {
      for (const dm of sent) this.#noOpenDm.delete(noOpenDmKey(dm.linkId, dm.aboutDate));
    });
  }

  /**
   * One pass at `now`. With `dryRun`, nothing is claimed or sent: the report says who would get a DM and why.
   * With `explain`, the report lists every person's decision (preview); otherwise only counts per reason.
   */
  sweep(now: Date, opts: { dryRun?: boolean; explain?: boolean } = {}): Promise<SweepReport> {
    return this.#sweep.run(now, opts);
  }

  /**
   * After the person logged time (anywhere in the bot; `starts`: the entries one flow wrote): the open DMs about
   * those dates show the new total, or "done" once the target is met. Each date once.
   */
  async refreshAfterWrite(link: UserLinkRecord, starts: Date[]): Promise<void> {
    const tz = link.tz ?? DEFAULT_TZ;
    for (const date of new Set(starts.map((at) => localParts(at, tz).date))) await this.#refreshDay(link, date, tz);
  }

  async #refreshDay(link: UserLinkRecord, date: string, tz: string): Promise<void> {
    const key = noOpenDmKey(link.id, date);
    if (this.#noOpenDm.has(key)) return;
    const open = await this.#d.reminders.openDeliveriesAbout(link.id, date);
    if (open.length === 0) {
      this.#noOpenDm.set(key, true);
      return;
    }
    // A day either side: COR files entries by its own date.
    const hours = this.#d.times.read(await this.#d.appCor.hoursAtOnce({ users: [link.corUserId], dateStart: addDays(date, -1), dateDeadline: addDays(date, 1) }), link.tenantKey, tz);
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
        const tz = link.tz ?? DEFAULT_TZ;
        const mine = this.#d.times.read(
          hours.filter((h) => h.user_id === link.corUserId),
          link.tenantKey,
          tz,
        );
        const logged = loggedOn(mine, d.aboutDate ?? d.localDate, tz);
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

  /** The local day a reminder DM of theirs is about, when `messageTs` in `channelId` is one. */
  async dayOfReminder(link: UserLinkRecord, channelId: string, messageTs: string): Promise<string | undefined> {
    const delivery = await this.#d.reminders.deliveryByMessage(link.id, channelId, messageTs);
    return delivery ? (delivery.aboutDate ?? delivery.localDate) : undefined;
  }

  /**
   * The reminder DM about a past day, sent now (a lead's nudge): the same DM as the next morning's recap, with its
   * one-click Log 1h, Snooze and Skip, and replies in its thread logged on that day. Undefined when this morning's
   * recap is already theirs (sent, or being sent): they were reminded today. A DM not sent is given back for a
   * retry (which looks for it first: it may be out when Slack did not answer).
   */
  async remindAbout(link: ReminderRecipient, aboutDate: string, facts: { logged: number; target: number; hours: CorHour[] }): Promise<SendResult | undefined> {
    const now = this.#d.clock.now();
    const today = localParts(now, link.tz ?? DEFAULT_TZ).date;
    const delivery = await this.#d.reminders.claimDelivery(link.id, today, 'morning', now, this.#d.leaseMs ?? 5 * 60_000);
    if (!delivery) return undefined;
    const content: ReminderContent = { kind: 'morning', aboutDate, logged: facts.logged, target: facts.target, recentTasks: recentTasks(facts.hours), targetNote: undefined };
    const sent = await this.#d.messenger.send(link, delivery, content);
    if (!sent.ok) {
      await this.#d.reminders.release([delivery.id], now, `slack: ${sent.error}`);
      return sent;
    }
    // Out: recorded, and a failed record only logged (the DM is there; a retry must not send a second one).
    await this.#d.reminders
      .markSent({ id: delivery.id, channelId: sent.channelId, messageTs: sent.messageTs, aboutDate, targetHours: facts.target, loggedHours: facts.logged }, now)
      .catch((err: unknown) => this.#d.logger.warn({ err, deliveryId: delivery.id }, 'could not record a nudge reminder DM'));
    this.#noOpenDm.delete(noOpenDmKey(link.id, aboutDate));
    return sent;
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
