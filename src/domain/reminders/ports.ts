import type { CorApi } from '../../cor/client.ts';
import type { CompanyFacts } from '../company-facts.ts';
import type { Clock } from '../../lib/clock.ts';
import type { Logger } from '../../logger.ts';
import type { ReminderRecipient, UserLinkRecord } from '../../store/links.ts';
import type { ReminderDeliveryRecord, ReminderKind, ReminderRepository } from '../../store/reminders.ts';
import type { CorTimes } from '../time-entries/cor-times.ts';
import type { ReminderContent } from './selection.ts';

/* What the reminders need from outside (the store, COR as the app, a messenger) and what a sweep reports. */

/**
 * `uncertain`: Slack did not answer (a timeout), so the DM may be out: the next attempt looks for it first.
 * `retryAfterMs`: Slack did nothing and said when it may be tried again (a 429's Retry-After).
 */
export type SendResult =
  | { ok: true; channelId: string; messageTs: string }
  | { ok: false; permanent: boolean; uncertain: boolean; error: string; retryAfterMs?: number | undefined };

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
  /** The IANA zone of the person's Slack profile; undefined when Slack does not say (or does not answer). */
  timeZone(link: ReminderRecipient): Promise<string | undefined>;
}

export interface ReminderDeps {
  links: {
    activeRecipients(): Promise<ReminderRecipient[]>;
    findById(id: string): Promise<UserLinkRecord | undefined>;
    updateProfile(linkId: string, profile: { tz: string }): Promise<void>;
  };
  reminders: ReminderRepository;
  /** COR as the app: everyone's daily hours, leaves, working time, and hours of many people per request */
  appCor: CorApi;
  /** the same, kept a while and shared with the digest sweep (one made from appCor when not given) */
  company?: CompanyFacts | undefined;
  messenger: ReminderMessenger;
  /** how each workspace's COR writes its times (learned from writes): every hours read goes through it */
  times: CorTimes;
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
