import { LRUCache } from 'lru-cache';
import type { CorApi } from '../../cor/client.ts';
import type { CorHour } from '../../cor/schemas.ts';
import type { CompanyFacts } from '../company-facts.ts';
import { cacheOptions, PER_TENANT_MAX } from '../../lib/cache.ts';
import type { Clock } from '../../lib/clock.ts';
import { keepRenewed } from '../../lib/lease.ts';
import { addDays, localParts } from '../../lib/zoned.ts';
import type { Logger } from '../../logger.ts';
import type { DigestRecord, DigestRepository, NewDigest } from '../../store/digests.ts';
import type { ReminderRecipient, UserLinkRecord } from '../../store/links.ts';
import type { ReminderSettingRecord } from '../../store/reminders.ts';
import { DEFAULT_TZ } from '../linking.ts';
import { AppError } from '../../errors.ts';
import { isLeadRole } from '../roles.ts';
import { previousWorkday } from '../reminders/selection.ts';
import type { CorTimes } from '../time-entries/cor-times.ts';
import { isTransient } from '../time-entries/model.ts';
import { type DigestPeriod, type DigestRow, dueAt, type MemberFacts, memberRow, periodOf, sortRows } from './selection.ts';

/** What a digest message says. */
export interface DigestContent {
  digest: DigestRecord;
  period: DigestPeriod;
  rows: DigestRow[];
  /** who was nudged today already (their Nudge button says so) */
  nudged: Set<string>;
}

/** A lead's nudge: the person's hours against their target for the period, and who asked. */
export interface NudgeContent {
  days: string[];
  logged: number;
  target: number;
  leadSlackUserId: string;
}

/** `uncertain`: the answer broke off, so it may be out: never posted again (its lead is told). */
export type PostResult = { ok: true; channelId: string; messageTs: string } | { ok: false; permanent: boolean; uncertain?: boolean; error: string };

/** A digest's chart: shared in its thread (`shared` false: nobody in it to draw), or refused (`error`). */
export type ChartResult = { ok: true; shared: boolean } | { ok: false; error: string };

/** A nudge DM's fate. `uncertain`: the answer broke off (a timeout), so it may be out. */
export type NudgeSent = { ok: true } | { ok: false; uncertain: boolean; error: string };

/** Slack, as digests need it. */
export interface DigestSlack {
  /** the workspace's user groups, to pick one (kept a few minutes) */
  userGroups(tenantKey: string): Promise<{ id: string; name: string; handle?: string | undefined }[]>;
  /** the Slack user ids of a digest's people: a user group is read when the digest is sent (it changes) */
  members(digest: DigestRecord): Promise<string[]>;
  post(content: DigestContent): Promise<PostResult>;
  /** Draws the posted digest's chart (each person's hours against their target) and shares it in its thread. */
  chart(content: DigestContent, posted: { channelId: string; messageTs: string }): Promise<ChartResult>;
  nudge(person: ReminderRecipient, content: NudgeContent): Promise<NudgeSent>;
  /** tells the lead their digest about `days` may not have gone out */
  unknown(digest: DigestRecord, days: string[]): Promise<void>;
  /** tells the lead their digest was not sent: COR no longer gives them a lead's role */
  ownerNoLongerLeads(digest: DigestRecord): Promise<void>;
}

export interface DigestDeps {
  digests: DigestRepository;
  links: { activeRecipients(): Promise<ReminderRecipient[]>; find(tenantKey: string, slackUserId: string): Promise<UserLinkRecord | undefined> };
  settings: { allSettings(): Promise<Map<string, ReminderSettingRecord>> };
  /** COR as the app: the company's users and working times, and hours of many people per request */
  /** the company's users, working times and hours, shared with the reminder sweep */
  company: CompanyFacts;
  /** COR as the app: a project's collaborators */
  appCor: Pick<CorApi, 'projectCollaborators'>;
  slack: DigestSlack;
  /** how each workspace's COR writes its times (learned from writes): every hours read goes through it */
  times: CorTimes;
  /** the reminder DM about a day, sent now (a nudge about a day is that DM) */
  reminders?: { remindAbout(link: ReminderRecipient, aboutDate: string, facts: { logged: number; target: number; hours: CorHour[] }): Promise<NudgeSent | undefined> };
  clock: Clock;
  logger: Logger;
  leaseMs?: number;
}

export interface DigestSweepReport {
  at: Date;
  due: number;
  sent: number;
  delayed: number;
  failed: number;
  /** what each due digest says (a preview shows them) */
  contents: DigestContent[];
}

/** `unsure`: Slack did not answer, so the DM may be out: kept as nudged today (never sent twice). */
export type NudgeResult = 'sent' | 'already' | 'not_short' | 'unlinked' | 'not_found' | 'failed' | 'unsure';

/** One of a digest's people: a Slack user, or (a COR project's) a COR user. */
type Member = { slackUserId: string } | { corUserId: number; name: string };

/** How the store keeps a member: a Slack user id, or `cor:<id>`. */
const memberKey = (m: Member): string => ('slackUserId' in m ? m.slackUserId : `cor:${m.corUserId}`);

const DEFAULT_LEASE_MS = 5 * 60_000;
const RETRY_AFTER_MS = 5 * 60_000;
const MEMBERS_TTL_MS = 5 * 60_000;
/** Digests posted at once (to different channels). */
const POST_CONCURRENCY = 8;

/**
 * Leads' digests of who is short of hours: set up by C-Level, Director and PM (their COR role, as them), swept
 * every minute with claims (each sent once, whatever the instances), read from COR in batches of people.
 */
export class DigestService {
  readonly #d: DigestDeps;
  /** a COR project's people, for a few minutes (a digest's Nudge and Send link buttons ask again) */
  readonly #collaborators: LRUCache<number, Member[]>;

  constructor(deps: DigestDeps) {
    this.#d = deps;
    this.#collaborators = new LRUCache<number, Member[]>({
      ...cacheOptions(deps.clock, PER_TENANT_MAX, MEMBERS_TTL_MS),
      fetchMethod: async (projectId): Promise<Member[]> =>
        (await deps.appCor.projectCollaborators(projectId)).map((p) => ({ corUserId: p.id, name: `${p.first_name ?? ''} ${p.last_name ?? ''}`.trim() || `COR user ${p.id}` })),
    });
  }

  /** The workspace's Slack user groups (the form picks one). */
  userGroups(tenantKey: string): Promise<{ id: string; name: string; handle?: string | undefined }[]> {
    return this.#d.slack.userGroups(tenantKey);
  }


  ofOwner(owner: UserLinkRecord): Promise<DigestRecord[]> {
    return this.#d.digests.ofOwner(owner.tenantKey, owner.slackUserId);
  }

  /** One of the owner's digests; undefined when it is someone else's or gone. */
  async own(owner: UserLinkRecord, id: string): Promise<DigestRecord | undefined> {
    const digest = await this.#d.digests.get(id);
    return digest && digest.tenantKey === owner.tenantKey && digest.ownerSlackUserId === owner.slackUserId ? digest : undefined;
  }

  /**
   * Creates one, or changes one of the owner's (`id`); then its people are read once and kept (App Home shows each
   * person the digests that include them from that list until the digest is sent, which reads them again).
   */
  async save(owner: UserLinkRecord, id: string | undefined, fields: Omit<NewDigest, 'tenantKey' | 'ownerSlackUserId'>): Promise<DigestRecord> {
    const digest: NewDigest = { ...fields, tenantKey: owner.tenantKey, ownerSlackUserId: owner.slackUserId };
    const before = id ? await this.own(owner, id) : undefined;
    if (id && !before) throw new AppError('forbidden_action', 'that digest is not theirs (or was deleted)');
    const saved = id ? await this.#d.digests.update(id, digest) : await this.#d.digests.create(digest);
    try {
      await this.#members(saved);
    } catch (err) {
      // Not known now (Slack or COR did not say): a list kept for other people than these is dropped; the send fills it.
      this.#d.logger.warn({ err, digestId: saved.id }, 'could not read a digest’s people when it was saved');
      if (JSON.stringify(before?.audience) !== JSON.stringify(saved.audience)) await this.#d.digests.setMembers(saved.id, saved.tenantKey, []);
    }
    return saved;
  }

  async setPaused(owner: UserLinkRecord, id: string, paused: boolean): Promise<boolean> {
    if (!(await this.own(owner, id))) return false;
    await this.#d.digests.setPaused(id, paused);
    return true;
  }

  async delete(owner: UserLinkRecord, id: string): Promise<boolean> {
    if (!(await this.own(owner, id))) return false;
    await this.#d.digests.delete(id);
    return true;
  }

  /**
   * For their App Home: the digests they own, and the ones that include them with who receives each (so they can see
   * who gets a summary of their hours). Both from the store: who a digest includes is the list kept the last time its
   * people were read (saved, sent, nudged from), never Slack or COR asked on the way.
   */
  async forHome(link: UserLinkRecord): Promise<{ own: DigestRecord[]; including: DigestRecord[] }> {
    const [own, including] = await Promise.all([
      this.#d.digests.ofOwner(link.tenantKey, link.slackUserId),
      this.#d.digests.including(link.tenantKey, [memberKey({ slackUserId: link.slackUserId }), memberKey({ corUserId: link.corUserId, name: '' })]),
    ]);
    return { own, including };
  }

  /**
   * Who a digest covers now: its people, a Slack user group's members, or a COR project's collaborators. Kept in the
   * store as read (for App Home), unless `keep` is false (a preview changes nothing).
   */
  async #members(digest: DigestRecord, keep = true): Promise<Member[]> {
    const members = digest.audience.kind === 'project' ? await this.#collaborators.forceFetch(digest.audience.corProjectId) : (await this.#d.slack.members(digest)).map((slackUserId) => ({ slackUserId }));
    if (keep) {
      // Not kept this time (the store did not take it): App Home shows the list kept before; the digest goes on.
      await this.#d.digests.setMembers(digest.id, digest.tenantKey, members.map(memberKey)).catch((err: unknown) => this.#d.logger.warn({ err, digestId: digest.id }, 'could not keep a digest’s people'));
    }
    return members;
  }

  /**
   * One pass at `now`: every digest whose time has come is claimed (exactly one instance goes on with it, and one
   * left by a stopped instance is taken over after its lease), its people read together with every other due
   * digest's, and posted. With `dryRun` nothing is claimed or sent: the report shows what each would say.
   */
  async sweep(now: Date, opts: { dryRun?: boolean } = {}): Promise<DigestSweepReport> {
    const report: DigestSweepReport = { at: now, due: 0, sent: 0, delayed: 0, failed: 0, contents: [] };
    if (!opts.dryRun) await this.#tellUnknown(now);
    // Links are read only when some digest's time has come (the sweep runs every minute).
    const timeHasCome = (await this.#d.digests.active()).flatMap((digest) => {
      // One digest whose time cannot be worked out (a zone stored before zones were checked) skips that digest only.
      const period = this.#isolated({ digestId: digest.id, tz: digest.tz }, () => dueAt(digest, now));
      return period ? [{ digest, period }] : [];
    });
    if (timeHasCome.length === 0) return report;
    const links = await this.#d.links.activeRecipients();
    // A digest goes out while its lead is linked to COR (one who unlinked gets none).
    const owners = new Map(links.map((l) => [`${l.tenantKey}|${l.slackUserId}`, l]));
    const due = timeHasCome.filter((d) => owners.has(`${d.digest.tenantKey}|${d.digest.ownerSlackUserId}`));
    // ... and still leads others in COR (the company's users, read for the hours anyway, say each one's role).
    const users = due.length > 0 ? await this.#d.company.users().catch(() => undefined) : undefined;
    const leads = (d: DigestRecord) => {
      const owner = owners.get(`${d.tenantKey}|${d.ownerSlackUserId}`);
      return !users || (owner !== undefined && isLeadRole(users.get(owner.corUserId)?.role_id));
    };
    if (due.length === 0) return report;
    const done = await this.#d.digests.deliveriesOf(
      due.map((d) => d.digest.id),
      [...new Set(due.map((d) => d.period.period))],
    );
    const handled = new Set(done.filter((d) => d.state !== 'claimed' || (d.claimedUntil !== null && d.claimedUntil >= now)).map((d) => `${d.digestId}|${d.period}`));
    const todo = due.filter((d) => !handled.has(`${d.digest.id}|${d.period.period}`));
    const claimed: { digest: DigestRecord; period: DigestPeriod; deliveryId: string | undefined }[] = [];
    for (const d of todo) {
      if (opts.dryRun) {
        if (leads(d.digest)) claimed.push({ ...d, deliveryId: undefined });
        continue;
      }
      const delivery = await this.#d.digests.claim(d.digest.id, d.period.period, now, this.#d.leaseMs ?? DEFAULT_LEASE_MS);
      if (!delivery) continue;
      if (leads(d.digest)) claimed.push({ ...d, deliveryId: delivery.id });
      else {
        await this.#d.digests.markFailed(delivery.id, 'its lead no longer has a lead role in COR');
        await this.#d.slack.ownerNoLongerLeads(d.digest).catch((err: unknown) => this.#d.logger.warn({ err }, 'could not tell a lead about a digest'));
      }
    }
    report.due = claimed.length;
    if (claimed.length === 0) return report;

    // While this instance works on them (COR reads, posting), its claims stay its own: renewed well before they end.
    const leaseMs = this.#d.leaseMs ?? DEFAULT_LEASE_MS;
    // Only claims still this instance's are renewed (the lease it set last): none left, the renewing ends.
    const held = new Set(claimed.flatMap((c) => (c.deliveryId ? [c.deliveryId] : [])));
    let heldUntil = new Date(now.getTime() + leaseMs); // as claimed
    const renewing =
      held.size > 0
        ? keepRenewed(
            leaseMs,
            async () => {
              const until = new Date(this.#d.clock.now().getTime() + leaseMs);
              if (!(await this.#d.digests.renew([...held], heldUntil, until))) return false;
              heldUntil = until;
              return true;
            },
            (err) => this.#d.logger.warn({ err }, 'could not renew digest claims'),
          )
        : undefined;
    try {
      await this.#postAll(claimed, links, now, report, held);
    } finally {
      renewing?.stop();
    }
    if (!opts.dryRun && report.due > 0) this.#d.logger.info({ due: report.due, sent: report.sent, delayed: report.delayed, failed: report.failed }, 'digest sweep');
    return report;
  }

  /**
   * A digest whose instance stopped while handing it to Slack may or may not be out: it is not posted again (twice
   * in a channel is worse), and its lead is told to look.
   */
  async #tellUnknown(now: Date): Promise<void> {
    for (const delivery of await this.#d.digests.takeUnknown(now)) {
      const digest = await this.#d.digests.get(delivery.digestId);
      if (!digest) continue;
      this.#d.logger.warn({ digestId: digest.id, period: delivery.period }, 'a digest may not have gone out (its instance stopped while posting)');
      await this.#d.slack.unknown(digest, periodOf(delivery.period)?.days ?? []).catch((err: unknown) => this.#d.logger.warn({ err }, 'could not tell a lead about a digest'));
    }
  }

  async #postAll(claimed: { digest: DigestRecord; period: DigestPeriod; deliveryId: string | undefined }[], links: ReminderRecipient[], now: Date, report: DigestSweepReport, held: Set<string>): Promise<void> {
    // Read, and kept for App Home, as each is sent (not by a preview).
    const members = await Promise.all(claimed.map((c) => this.#members(c.digest, c.deliveryId !== undefined).catch(() => undefined)));
    let contents: (DigestContent | undefined)[];
    try {
      contents = await this.#contents(claimed.map((c, i) => ({ ...c, members: members[i] })), links, now);
    } catch (err) {
      if (!isTransient(err)) throw err;
      // COR trouble delays these digests (claims given back for a later sweep); nothing is dropped.
      for (const c of claimed) if (c.deliveryId) await this.#d.digests.release(c.deliveryId, new Date(now.getTime() + RETRY_AFTER_MS), `cor: ${err.code}`);
      report.delayed += claimed.length;
      return;
    }
    // Posted a few at a time (each to its own channel: Slack paces per channel).
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < claimed.length; i = next++) {
        const c = claimed[i] as (typeof claimed)[number];
        const content = contents[i];
        if (!content) {
          // Slack did not say who is in it (a user group it could not read): tried again later.
          if (c.deliveryId) await this.#d.digests.release(c.deliveryId, new Date(now.getTime() + RETRY_AFTER_MS), 'slack: members unknown');
          report.delayed++;
          continue;
        }
        report.contents.push(content);
        if (!c.deliveryId) continue;
        if (!(await this.#d.digests.markPosting(c.deliveryId))) {
          held.delete(c.deliveryId);
          continue;
        }
        const result = await this.#d.slack.post(content);
        held.delete(c.deliveryId);
        if (!result.ok && result.uncertain) {
          await this.#d.digests.markUnknown(c.deliveryId, `slack: ${result.error}`);
          await this.#d.slack.unknown(c.digest, c.period.days).catch((err: unknown) => this.#d.logger.warn({ err }, 'could not tell a lead about a digest'));
          report.failed++;
        } else if (result.ok) {
          await this.#d.digests.markSent(c.deliveryId, result.channelId, result.messageTs);
          report.sent++;
          if (c.digest.withChart) await this.#chart(content, result);
        } else if (result.permanent) {
          await this.#d.digests.markFailed(c.deliveryId, `slack: ${result.error}`);
          report.failed++;
        } else {
          await this.#d.digests.release(c.deliveryId, new Date(now.getTime() + RETRY_AFTER_MS), `slack: ${result.error}`);
          report.delayed++;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(POST_CONCURRENCY, claimed.length) }, lane));
  }

  /**
   * The posted digest's chart, once (its delivery is sent and stays so): drawn and shared in its thread. The digest
   * stands whatever happens to the chart: a chart not drawn or not shared is logged, never tried again.
   */
  async #chart(content: DigestContent, posted: { channelId: string; messageTs: string }): Promise<void> {
    const where = { digestId: content.digest.id, period: content.period.period };
    try {
      const charted = await this.#d.slack.chart(content, posted);
      if (!charted.ok) this.#d.logger.warn({ ...where, error: charted.error }, 'digest chart not shared');
      else if (charted.shared) this.#d.logger.info(where, 'digest chart shared');
    } catch (err) {
      this.#d.logger.warn({ ...where, err }, 'digest chart not shared');
    }
  }

  /** Every due digest's rows: the people of all of them read from COR together, in batches. */
  async #contents(items: { digest: DigestRecord; period: DigestPeriod; members: Member[] | undefined }[], all: ReminderRecipient[], now: Date): Promise<(DigestContent | undefined)[]> {
    const bySlack = new Map(all.map((l) => [`${l.tenantKey}|${l.slackUserId}`, l]));
    const byCor = new Map(all.map((l) => [`${l.tenantKey}|${l.corUserId}`, l]));
    const linkOf = (tenantKey: string, m: Member) => ('slackUserId' in m ? bySlack.get(`${tenantKey}|${m.slackUserId}`) : byCor.get(`${tenantKey}|${m.corUserId}`));
    const people = new Map<string, ReminderRecipient>();
    for (const item of items) for (const m of item.members ?? []) {
      const link = linkOf(item.digest.tenantKey, m);
      if (link) people.set(link.id, link);
    }
    const days = items.flatMap((i) => i.period.days).sort();
    const facts = await this.#facts([...people.values()], days[0] as string, days[days.length - 1] as string);
    // Who was nudged today (by their own date, as nudges are kept), per workspace and date: one read each.
    const nudgedBy = new Map<string, Promise<Set<string>>>();
    const nudgedOf = (tenantKey: string, date: string) => {
      const key = `${tenantKey}|${date}`;
      let found = nudgedBy.get(key);
      if (!found) {
        found = this.#d.digests.nudgedOn(tenantKey, date);
        nudgedBy.set(key, found);
      }
      return found;
    };
    return Promise.all(
      items.map(async (item) => {
        if (!item.members) return undefined;
        const nudged = new Set<string>();
        const rows = await Promise.all(
          item.members.map(async (m): Promise<DigestRow | undefined> => {
            const link = linkOf(item.digest.tenantKey, m);
            if (!link) return 'slackUserId' in m ? { kind: 'unlinked', slackUserId: m.slackUserId } : { kind: 'unlinked', slackUserId: '', name: m.name };
            // One person who cannot be worked out is left out of the digest (and logged), never the digest.
            const row = this.#isolated({ digestId: item.digest.id, linkId: link.id, tz: link.tz }, () => {
              const today = localParts(now, link.tz ?? DEFAULT_TZ).date;
              return { today, row: memberRow(link.slackUserId, link.corName, item.period.days, facts.get(link.id) as MemberFacts, item.digest.shortUnderHours, today) };
            });
            if (!row) return undefined;
            if ((await nudgedOf(item.digest.tenantKey, row.today)).has(link.slackUserId)) nudged.add(link.slackUserId);
            return row.row;
          }),
        );
        return { digest: item.digest, period: item.period, rows: sortRows(rows.filter((r): r is DigestRow => r !== undefined)), nudged };
      }),
    );
  }

  /** COR's facts for these people from `first` to `last` (local dates): hours in batches, users and working times once. */
  async #facts(people: ReminderRecipient[], first: string, last: string): Promise<Map<string, MemberFacts>> {
    const [users, workingTimes, settings, byUser] = await Promise.all([
      this.#d.company.users(),
      this.#d.company.workingTimes(),
      this.#d.settings.allSettings(),
      // A day either side: COR files entries by its own date.
      this.#d.company.hoursByUser(people.map((p) => p.corUserId), addDays(first, -1), addDays(last, 1)),
    ]);
    return new Map(
      people.map((p) => {
        const tz = p.tz ?? DEFAULT_TZ;
        const hours = this.#d.times.read(byUser.get(p.corUserId) ?? [], p.tenantKey, tz);
        return [p.id, { tz, setting: settings.get(p.id), user: users.get(p.corUserId), workingDays: workingTimes.get(p.corUserId) ?? [], hours }];
      }),
    );
  }

  /**
   * A lead's nudge: the person gets a DM about their hours for the digest's period, at most once a day whoever
   * asks, and only while they are short (the lead's click is answered either way).
   */
  async nudge(lead: Pick<UserLinkRecord, 'tenantKey' | 'slackUserId'>, digestId: string, periodKey: string, personSlackUserId: string): Promise<NudgeResult> {
    const [result] = await this.#nudgeMany(lead, digestId, periodKey, [personSlackUserId]);
    return result?.[1] ?? 'not_found';
  }

  /** "Nudge everyone short": everyone short in the digest now, read from COR once for all of them. */
  async nudgeAllShort(lead: Pick<UserLinkRecord, 'tenantKey' | 'slackUserId'>, digestId: string, periodKey: string): Promise<[string, NudgeResult][]> {
    return this.#nudgeMany(lead, digestId, periodKey, undefined);
  }

  /** Nudges these people (undefined: all the digest's linked people), each once a day and only while short. */
  async #nudgeMany(lead: Pick<UserLinkRecord, 'tenantKey' | 'slackUserId'>, digestId: string, periodKey: string, who: string[] | undefined): Promise<[string, NudgeResult][]> {
    const digest = await this.#d.digests.get(digestId);
    const period = periodOf(periodKey);
    if (!digest || digest.tenantKey !== lead.tenantKey || !period) return (who ?? []).map((u) => [u, 'not_found']);
    // The digest's people now (a button can only name one of them), linked to COR.
    const members = await this.#members(digest);
    const all = (await this.#d.links.activeRecipients()).filter((l) => l.tenantKey === lead.tenantKey);
    const people = all.filter((l) => (!who || who.includes(l.slackUserId)) && members.some((m) => ('slackUserId' in m ? m.slackUserId === l.slackUserId : m.corUserId === l.corUserId)));
    const facts = await this.#facts(people, period.days[0] as string, period.days[period.days.length - 1] as string);
    const results: [string, NudgeResult][] = (who ?? []).filter((u) => !people.some((p) => p.slackUserId === u)).map((u) => [u, 'unlinked']);
    for (const link of people) {
      const today = localParts(this.#d.clock.now(), link.tz ?? DEFAULT_TZ).date;
      const mine = facts.get(link.id) as MemberFacts;
      const row = memberRow(link.slackUserId, link.corName, period.days, mine, digest.shortUnderHours, today);
      if (row.kind !== 'linked' || !row.short) {
        if (who) results.push([link.slackUserId, 'not_short']);
        continue;
      }
      if (!(await this.#d.digests.nudge(lead.tenantKey, link.slackUserId, today, lead.slackUserId))) {
        results.push([link.slackUserId, 'already']);
        continue;
      }
      try {
        // About a day: that day's reminder DM (its Log 1h buttons, and replies in its thread log on that day); about
        // a week, or when this morning's reminder was theirs already: a DM with the period's hours and the log form.
        // The recap is theirs only about their last reminder day, and when they use it (its Snooze and Skip are then
        // the recap's own); else the nudge DM.
        const day = period.days.length === 1 ? period.days[0] : undefined;
        const recap = day !== undefined && mine.setting?.morningRecap === true && previousWorkday(today, mine.setting, mine.workingDays) === day;
        const reminded = recap && this.#d.reminders ? await this.#d.reminders.remindAbout(link, day, { logged: row.logged, target: row.target, hours: mine.hours }) : undefined;
        const sent = reminded ?? (await this.#d.slack.nudge(link, { days: period.days, logged: row.logged, target: row.target, leadSlackUserId: lead.slackUserId }));
        if (!sent.ok) {
          if (!sent.uncertain) throw new Error(`Slack refused the nudge DM (${sent.error})`);
          // It may be out: it stays recorded, so nobody's click sends a second one today; the lead is told.
          this.#d.logger.warn({ error: sent.error }, 'a nudge DM may not have gone out (Slack did not answer)');
          results.push([link.slackUserId, 'unsure']);
          continue;
        }
        results.push([link.slackUserId, 'sent']);
      } catch (err) {
        // Not sent: they can be nudged again today.
        await this.#d.digests.forgetNudge(lead.tenantKey, link.slackUserId, today);
        this.#d.logger.warn({ err }, 'could not send a nudge');
        results.push([link.slackUserId, 'failed']);
      }
    }
    return results;
  }

  /** What `step` gives, or undefined when it threw (logged with `about`): one digest or person never stops a sweep. */
  #isolated<T>(about: Record<string, unknown>, step: () => T): T | undefined {
    try {
      return step();
    } catch (err) {
      this.#d.logger.error({ err, ...about }, 'a digest or one of its people could not be worked out; skipped');
      return undefined;
    }
  }

  /** Whether a Slack user is one of the people of a digest of that workspace (a button names both). */
  async hasMember(tenantKey: string, digestId: string, slackUserId: string): Promise<boolean> {
    const digest = await this.#d.digests.get(digestId);
    if (!digest || digest.tenantKey !== tenantKey) return false;
    return (await this.#members(digest)).some((m) => 'slackUserId' in m && m.slackUserId === slackUserId);
  }
}
