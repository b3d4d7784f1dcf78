import type { CorApi } from '../../cor/client.ts';
import { CorError } from '../../cor/errors.ts';
import type { Clock } from '../../lib/clock.ts';
import { keepRenewed } from '../../lib/lease.ts';
import { localParts } from '../../lib/zoned.ts';
import type { Logger } from '../../logger.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import { type Claim, type OutboxRepository, type TimeEntryRequestRecord, WAITS_FOR_RELINK } from '../../store/outbox.ts';
import { DEFAULT_TZ } from '../linking.ts';
import type { TaskDirectory, TaskView } from '../tasks.ts';
import { findWritten } from './adopt.ts';
import type { CorTimes } from './cor-times.ts';
import { type DayTotal, type EntryNotifier, isTransient, placeholderTask, type Proposal, type WriteOutcome, type WrittenEntry } from './model.ts';
import { lineKeyOf } from './lines.ts';

/** What writing entries needs: the outbox, COR as the person, and whom to tell how each ended. */
export interface WriterDeps {
  outbox: OutboxRepository;
  tasks: TaskDirectory;
  apiFor: (link: UserLinkRecord) => CorApi;
  findLink: (linkId: string) => Promise<UserLinkRecord | undefined>;
  notifier: EntryNotifier;
  /** how each workspace's COR writes its times: learned here from the answers to writes */
  times: CorTimes;
  /** that day's total, told with an entry written later */
  dayTotal: (link: UserLinkRecord, date: string, tz: string) => Promise<DayTotal>;
  clock: Clock;
  logger: Logger;
  /** waits between outbox attempts; the last one failing ends the request */
  retrySchedule?: number[];
  /**
   * how long a claim lasts without a sign of life (WORK_LEASE_SECONDS; 45 s unless said): renewed while its attempt
   * runs, so only a holder that stopped lets another instance take the entry over
   */
  leaseMs?: number;
  /**
   * told once a flow has written its entries (one entry, a line's Log all, a stopped timer's days, an outbox pass),
   * with the entries written (their starts and tasks): reminder DMs about those days, App Home and the budget of
   * their projects' channels are looked at once, not once per entry
   */
  afterWrite?: (link: UserLinkRecord, written: WrittenEntry[]) => void;
  /** how long each entry waits in the outbox before it is written, for the person to undo it; 0: written at once */
  undoMs?: number;
}

/** Queued entries retried at once in one outbox pass: a backlog after an outage clears several times faster. */
const DRAIN_CONCURRENCY = 4;

/** Waits between the outbox's attempts: with the first one, 10 attempts over about an hour. */
const DEFAULT_RETRY_SCHEDULE = [5_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000];
/** The lease of a claim when none is said (WORK_LEASE_SECONDS' default). */
const DEFAULT_LEASE_MS = 45_000;

/** How long an entry waits for its person to link again before it is tried once more: in effect, until they do. */
const RELINK_WAIT_MS = 365 * 24 * 60 * 60_000;

/** Writing time: each entry through the outbox once, retried while COR cannot take it, told how it ended. */
export class EntryWriter {
  readonly #d: WriterDeps;
  readonly #schedule: number[];
  readonly #leaseMs: number;

  constructor(deps: WriterDeps) {
    this.#d = deps;
    this.#schedule = deps.retrySchedule ?? DEFAULT_RETRY_SCHEDULE;
    this.#leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  }

  /**
   * Records the request under its idempotency key. With an undo window it waits there (the outbox worker writes
   * it when the window ends, on whichever instance, after a restart too); without one it is written at once.
   */
  async submit(link: UserLinkRecord, proposal: Proposal, idempotencyKey: string, answerTo: string | undefined): Promise<WriteOutcome> {
    const outcome = await this.#submit(link, proposal, idempotencyKey, answerTo);
    this.#told(link, [outcome]);
    return outcome;
  }

  /**
   * The entries of one flow (a line's Log all, a stopped timer's days), each submitted in turn as `submit` does;
   * `afterWrite` is told once, after the last.
   */
  async submitAll(link: UserLinkRecord, items: { proposal: Proposal; idempotencyKey: string; answerTo: string | undefined }[]): Promise<WriteOutcome[]> {
    const outcomes: WriteOutcome[] = [];
    try {
      for (const item of items) outcomes.push(await this.#submit(link, item.proposal, item.idempotencyKey, item.answerTo));
    } finally {
      this.#told(link, outcomes);
    }
    return outcomes;
  }

  /** `afterWrite`, once for what a flow wrote (nothing written: not told). */
  #told(link: UserLinkRecord, outcomes: WriteOutcome[]): void {
    const written = outcomes.flatMap((o) => (o.kind === 'written' ? [o.entry] : []));
    if (written.length > 0) this.#d.afterWrite?.(link, written);
  }

  async #submit(link: UserLinkRecord, proposal: Proposal, idempotencyKey: string, answerTo: string | undefined): Promise<WriteOutcome> {
    const now = this.#d.clock.now();
    const undoMs = this.#d.undoMs ?? 0;
    const writeAt = new Date(now.getTime() + undoMs);
    const { request, created, claim } = await this.#d.outbox.enqueue(
      { idempotencyKey, linkId: link.id, tenantKey: link.tenantKey, slackUserId: link.slackUserId, taskId: proposal.task.id, start: proposal.start, stop: proposal.stop, note: proposal.note ?? null, answerTo: answerTo ?? null },
      now,
      undoMs > 0 ? undefined : this.#leaseMs,
      writeAt,
    );
    if (!created) return { kind: 'duplicate', request };
    if (undoMs > 0) return { kind: 'scheduled', request, writeAt };
    if (!claim) return { kind: 'duplicate', request };
    return this.#post(link, request, claim, proposal.task, false);
  }

  /** How long entries wait before they are written (0: the undo window is off). */
  get undoWindowMs(): number {
    return this.#d.undoMs ?? 0;
  }

  /** Where the answer about these requests was posted (see TimeEntryRequestRecord.answerTo). */
  async answerIn(requestIds: string[], answerTo: string): Promise<void> {
    await this.#d.outbox.setAnswerTo(requestIds, answerTo);
  }

  /**
   * Undo inside the window: each of these requests of theirs that no attempt has touched, or that waits for a
   * re-link and is surely not in COR, is cancelled, and nothing reaches COR. Those already being written or
   * written are returned as `kept` (COR keeps them).
   */
  async undo(link: UserLinkRecord, requestIds: string[]): Promise<{ undone: TimeEntryRequestRecord[]; kept: TimeEntryRequestRecord[] }> {
    const undone: TimeEntryRequestRecord[] = [];
    const kept: TimeEntryRequestRecord[] = [];
    for (const id of requestIds) {
      const cancelled = await this.#d.outbox.cancelUnwritten(id, link.id, this.#d.clock.now());
      const request = await this.#d.outbox.get(id);
      if (!request || request.linkId !== link.id) continue;
      (cancelled || (request.state === 'cancelled' && request.lastError === 'undone') ? undone : kept).push(request);
    }
    if (undone.length > 0) this.#d.logger.info({ undone: undone.length }, 'entries undone in their undo window');
    return { undone, kept };
  }

  /**
   * One attempt at a request: claim it, look for it in COR if an earlier attempt's outcome is unknown, post
   * it otherwise. Never posts a request someone else holds, and never twice for one claim.
   */
  async #attempt(link: UserLinkRecord, request: TimeEntryRequestRecord): Promise<WriteOutcome> {
    const held = await this.#d.outbox.claim(request.id, this.#d.clock.now(), this.#leaseMs);
    if (!held) return { kind: 'duplicate', request: (await this.#d.outbox.get(request.id)) ?? request };
    // taken over from a holder that stopped: it may have written it, so COR is looked at first
    const unknown = request.outcomeUnknown || held.tookOver;
    return this.#post(link, { ...request, attempts: request.attempts + 1, outcomeUnknown: unknown }, held.claim, undefined, unknown);
  }

  /**
   * Writes a request this caller holds (`claim`); `lookFirst` after an attempt whose outcome is unknown. While COR
   * is asked, the claim is renewed (see keepRenewed): an attempt slower than its lease stays this instance's, and
   * one whose instance stopped is another's a lease after its last renewal. Its end is recorded once renewing stopped,
   * under the claim as last renewed.
   */
  async #post(link: UserLinkRecord, request: TimeEntryRequestRecord, claim: Claim, knownTask: TaskView | undefined, lookFirst: boolean): Promise<WriteOutcome> {
    const api = this.#d.apiFor(link);
    const task = knownTask ?? placeholderTask(request.taskId);
    const entry = (corHourId: number): WrittenEntry => ({
      corHourId,
      task,
      start: request.start,
      stop: request.stop,
      note: request.note ?? undefined,
    });
    const held = this.#hold(request.id, claim);
    // Whether COR may have this entry if the attempt fails: an earlier attempt left it unknown, or this POST went out.
    let mayBeInCor = lookFirst;
    try {
      if (lookFirst) {
        const existing = await findWritten(api, link, request, this.#d.times, this.#d.outbox);
        mayBeInCor = false;
        if (existing) {
          await this.#markWritten(request, existing.id, await held.end());
          this.#d.logger.info({ requestId: request.id, corHourId: existing.id }, 'adopted an entry an earlier attempt had written');
          return { kind: 'written', entry: entry(existing.id), adopted: true };
        }
        // The look-first read may have taken long: post only while still holding the request.
        if (!(await held.renew())) {
          await held.end();
          return await this.#lost(request);
        }
      }
      const hour = await api.createHour({ task_log_id: request.taskId, start: request.start.toISOString(), stop: request.stop.toISOString() }).catch((err: unknown) => {
        // Turned away at the door (429), or its access refused (401: see CorClient), shows COR did not take it.
        mayBeInCor = !(err instanceof CorError && (err.code === 'rate_limited' || err.code === 'unauthorized'));
        throw err;
      });
      this.#d.times.learn(link.tenantKey, hour, request.start, link.tz ?? DEFAULT_TZ);
      await this.#markWritten(request, hour.id, await held.end());
      this.#d.tasks.invalidate(link);
      return { kind: 'written', entry: entry(hour.id), adopted: false };
    } catch (err) {
      return this.#afterFailure(request, await held.end(), err, mayBeInCor);
    } finally {
      void held.end();
    }
  }

  /**
   * Renews `claim` every third of the lease until `end()`, which resolves to the claim as last renewed once no
   * renewal is under way (the claim the attempt's end is recorded under). Renewals run one after another.
   */
  #hold(id: string, claim: Claim): { renew(): Promise<boolean>; end(): Promise<Claim> } {
    let current = claim;
    let lost = false;
    let queue: Promise<unknown> = Promise.resolve();
    const renew = (): Promise<boolean> => {
      const next = queue.then(async () => {
        if (lost) return false;
        const renewed = await this.#d.outbox.renewClaim(id, current, this.#d.clock.now(), this.#leaseMs);
        if (renewed) current = renewed;
        else lost = true;
        return !lost;
      });
      queue = next.catch(() => undefined);
      return next;
    };
    const renewing = keepRenewed(this.#leaseMs, renew, (err) => this.#d.logger.warn({ err, requestId: id }, 'could not renew the claim of a time entry'));
    return {
      renew,
      end: async () => {
        renewing.stop();
        await queue;
        return current;
      },
    };
  }

  /** The entry is in COR either way; a holder that lost its claim says so (whoever holds it now adopts the entry). */
  async #markWritten(request: TimeEntryRequestRecord, corHourId: number, claim: Claim): Promise<void> {
    if (!(await this.#d.outbox.markWritten(request.id, corHourId, this.#d.clock.now(), claim))) {
      this.#d.logger.warn({ requestId: request.id, corHourId }, 'wrote an entry after losing its claim: the holder adopts it');
    }
  }

  /** `request.attempts` counts the attempt that just failed. */
  async #afterFailure(request: TimeEntryRequestRecord, claim: Claim, err: unknown, mayBeInCor: boolean): Promise<WriteOutcome> {
    const attempts = request.attempts;
    const current = request;
    if (isTransient(err)) {
      const wait = this.#schedule[attempts - 1];
      if (wait !== undefined) {
        const delay = Math.max(wait, err.retryAfterMs ?? 0);
        if (!(await this.#d.outbox.scheduleRetry(request.id, err.code, new Date(this.#d.clock.now().getTime() + delay), mayBeInCor, claim))) {
          return this.#abandonIfUnlinked(request, claim, mayBeInCor);
        }
        this.#d.logger.warn({ requestId: request.id, code: err.code, attempts, retryInMs: delay }, 'time entry queued for retry');
        return { kind: 'queued', request: current, reason: err.code };
      }
      if (!(await this.#d.outbox.markFailed(request.id, err.code, claim))) return this.#lost(request);
      return { kind: 'failed', request: current, reason: err.code, relink: false };
    }
    const relink = (err instanceof CorError && err.code === 'unauthorized') || (err instanceof Error && 'code' in err && (err as { code: string }).code === 'not_linked');
    // COR refused the person's tokens for good (the link is marked, and they get one re-link DM): the entry waits
    // for them to link again, instead of failing or being tried in a loop.
    if (relink && (await this.#d.outbox.parkForRelink(request.id, new Date(this.#d.clock.now().getTime() + RELINK_WAIT_MS), mayBeInCor, claim))) {
      this.#d.logger.info({ requestId: request.id }, 'time entry waits for its person to link again');
      return { kind: 'queued', request: { ...current, lastError: WAITS_FOR_RELINK, outcomeUnknown: mayBeInCor }, reason: WAITS_FOR_RELINK };
    }
    const reason = err instanceof CorError ? (err.corMessage ?? err.code) : err instanceof Error ? err.message : 'unknown error';
    if (!(await this.#d.outbox.markFailed(request.id, reason, claim))) return this.#lost(request);
    this.#d.logger.warn({ requestId: request.id, reason }, 'time entry refused');
    return { kind: 'failed', request: current, reason, relink };
  }

  /**
   * A retry needs the person's link: when they unlinked during the attempt, the request ends here instead, as
   * `unknown` when COR may have the entry. Otherwise the claim was lost (see #lost).
   */
  async #abandonIfUnlinked(request: TimeEntryRequestRecord, claim: Claim, mayBeInCor: boolean): Promise<WriteOutcome> {
    const now = await this.#d.outbox.get(request.id);
    if (now?.linkId !== null) return this.#lost(request);
    const state = mayBeInCor ? 'unknown' : 'cancelled';
    if (!(await this.#d.outbox.abandon(request.id, state, 'unlinked', this.#d.clock.now(), claim))) return this.#lost(request);
    this.#d.logger.info({ requestId: request.id, state }, 'time entry ended by an unlink during its attempt');
    return { kind: 'abandoned', request: { ...now, state, lastError: 'unlinked' } };
  }

  /** Someone else holds the request now: its outcome is theirs to record and to tell. */
  async #lost(request: TimeEntryRequestRecord): Promise<WriteOutcome> {
    this.#d.logger.warn({ requestId: request.id }, 'lost the claim of a time entry during an attempt');
    return { kind: 'duplicate', request: (await this.#d.outbox.get(request.id)) ?? request };
  }

  /**
   * The outbox worker's pass: every due request gets one attempt; final outcomes are told to the person, and
   * `afterWrite` once per person for all the pass wrote of theirs (a line's entries whose undo window ended together).
   */
  async drainDue(limit = 20, concurrency = DRAIN_CONCURRENCY): Promise<number> {
    const due = await this.#d.outbox.due(this.#d.clock.now(), limit);
    const written = new Map<string, { link: UserLinkRecord; outcomes: WriteOutcome[] }>();
    let handled = 0;
    let next = 0;
    const lane = async () => {
      for (let request = due[next++]; request !== undefined; request = due[next++]) {
        const link = request.linkId === null ? undefined : await this.#d.findLink(request.linkId);
        if (!link) {
          // Unlinked while its retry was being scheduled: it ends now, and the person is told.
          const state = request.outcomeUnknown ? 'unknown' : 'cancelled';
          if (!(await this.#d.outbox.abandon(request.id, state, 'unlinked', this.#d.clock.now()))) continue;
          handled++;
          await this.#d.notifier.abandoned({ tenantKey: request.tenantKey, slackUserId: request.slackUserId, tz: null }, { ...request, state }).catch((err: unknown) => this.#d.logger.warn({ err }, 'could not tell about an ended entry'));
          continue;
        }
        const outcome = await this.#attempt(link, request);
        if (outcome.kind === 'duplicate') continue; // another worker holds it
        handled++;
        const mine = written.get(link.id);
        if (mine) mine.outcomes.push(outcome);
        else written.set(link.id, { link, outcomes: [outcome] });
        await this.#tellLater(link, request, outcome).catch((err: unknown) => this.#d.logger.warn({ err }, 'could not tell about an entry written later'));
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, lane));
    } finally {
      for (const { link, outcomes } of written.values()) this.#told(link, outcomes);
    }
    return handled;
  }

  /**
   * What the person hears of an attempt the outbox made: written, refused for good, or (its first try, after the
   * undo window) queued because COR is not answering or waiting for a re-link, so that its "Logging… Undo" answer
   * no longer offers an Undo. The entries of one line are told together, once none of them waits out its window
   * any more.
   */
  async #tellLater(link: UserLinkRecord, request: TimeEntryRequestRecord, outcome: WriteOutcome): Promise<void> {
    const firstTry = request.attempts === 0;
    const told = outcome.kind === 'written' || outcome.kind === 'failed' || (outcome.kind === 'queued' && firstTry);
    if (!told) return;
    const line = lineKeyOf(request.idempotencyKey);
    if (line) return this.#d.notifier.lineProgress(link, line, firstTry);
    if (outcome.kind === 'written') return this.#writtenLater(link, request, outcome.entry);
    if (outcome.kind === 'failed') return this.#d.notifier.failedForGood(link, request, outcome.reason);
    if (outcome.kind === 'queued') return this.#d.notifier.queuedLater(link, outcome.request);
  }

  /** Tells the person: with the task's name and the day's total, as when an entry is written at once. */
  async #writtenLater(link: UserLinkRecord, request: TimeEntryRequestRecord, entry: WrittenEntry): Promise<void> {
    const api = this.#d.apiFor(link);
    const tz = link.tz ?? DEFAULT_TZ;
    const date = localParts(request.start, tz).date;
    const [task, total] = await Promise.all([this.#d.tasks.task(link, api, request.taskId).catch(() => entry.task), this.#d.dayTotal(link, date, tz).catch(() => undefined)]);
    await this.#d.notifier.writtenLater(link, request, { entry: { ...entry, task }, total, firstTry: request.attempts === 0 });
  }
}
