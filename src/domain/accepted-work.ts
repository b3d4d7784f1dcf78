import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../logger.ts';
import { AppError } from '../errors.ts';
import { keepRenewed } from '../lib/lease.ts';
import type { AcceptedClaim, AcceptedRequestRecord, AcceptedRequestRepository } from '../store/accepted.ts';

/** A request the bot acknowledged: what the work is (`kind`), for whom, and what it needs (`payload`). */
export interface AcceptedJob {
  /** the Slack request's own identity: a repeat of it is not a second request */
  key: string;
  kind: string;
  tenantKey: string;
  slackUserId: string;
  payload: unknown;
}

export interface ResumedJob extends AcceptedJob {
  /** when it was acknowledged: the "now" of its words, and the start of a response_url's 30 minutes */
  acceptedAt: Date;
}

interface AcceptedWorkDeps {
  store: AcceptedRequestRepository;
  clock: Clock;
  logger: Logger;
  leaseMs: number;
}

/** How long recording a request may take before its ack says it was not saved (the ack is due within 3 s). */
const ACCEPT_TIMEOUT_MS = 1_500;
/** A request left unfinished this many times (each time its instance stopped) is given up, and the person told. */
const MAX_ATTEMPTS = 3;
/** Finished requests are remembered this long, to tell a repeat of one from a new request. */
const KEEP_DONE_MS = 24 * 60 * 60_000;

/**
 * What the bot acknowledged is in the store before the ack goes out, and marked done when its work ends: an
 * instance that stops in between (a crash, a deploy) leaves it to any instance, which does the same work again
 * once the lease runs out (the lease is renewed while the work runs, so it is short: only a stopped instance lets
 * it run out). The work itself must be safe to repeat (time entries are keyed: never written twice).
 */
export class AcceptedWork {
  readonly #d: AcceptedWorkDeps;
  constructor(deps: AcceptedWorkDeps) {
    this.#d = deps;
  }

  /**
   * Records the request, held by this instance; undefined when it was accepted before (a repeat: not ours to
   * finish). Throws (`store_unavailable`) when the store fails or does not answer within `ACCEPT_TIMEOUT_MS`: the
   * ack must still go out within Slack's 3 s, saying it was not saved. A record that lands after that is marked done
   * at once, so that no instance ever does what the person was told was not saved.
   */
  async accept(job: AcceptedJob, now: Date): Promise<AcceptedClaim | undefined> {
    const recording = this.#d.store.accept(
      { key: job.key, kind: job.kind, tenantKey: job.tenantKey, slackUserId: job.slackUserId, payload: JSON.stringify(job.payload) },
      now,
      this.#d.leaseMs,
    );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), ACCEPT_TIMEOUT_MS);
    });
    try {
      const recorded = await Promise.race([recording, late]);
      if (recorded !== 'late') return recorded;
    } catch (err) {
      throw new AppError('store_unavailable', 'the store did not record an acknowledged request', { cause: err });
    } finally {
      clearTimeout(timer);
    }
    void recording
      .then((claim) => claim && this.#d.store.finish(claim.id, this.#d.clock.now()))
      .catch((err: unknown) => this.#d.logger.warn({ err, kind: job.kind }, 'a request recorded too late could not be closed'));
    throw new AppError('store_unavailable', 'the store did not record an acknowledged request in time');
  }

  /**
   * Does the work of a request this instance holds, then marks it done. While the work runs its lease is renewed
   * (every third of it, only while still ours), so a slow piece of work is never taken over by another instance,
   * and one whose instance stopped is taken over a lease after its last renewal.
   */
  async hold(claim: AcceptedClaim, work: () => Promise<void>): Promise<void> {
    let held = claim;
    const renewing = keepRenewed(
      this.#d.leaseMs,
      async () => {
        const until = new Date(this.#d.clock.now().getTime() + this.#d.leaseMs);
        if (!(await this.#d.store.renew(held, until))) {
          this.#d.logger.warn({ id: held.id }, 'an acknowledged request was taken over while this instance still worked on it');
          return false;
        }
        held = { id: held.id, until };
        return true;
      },
      (err) => this.#d.logger.warn({ err, id: held.id }, 'could not renew the lease of an acknowledged request'),
    );
    try {
      await work();
    } finally {
      renewing.stop();
    }
    await this.#d.store.finish(claim.id, this.#d.clock.now());
  }

  /** Drops requests finished over a day ago (the hourly housekeeping). */
  async forgetOld(): Promise<void> {
    await this.#d.store.forgetDoneBefore(new Date(this.#d.clock.now().getTime() - KEEP_DONE_MS));
  }

  /**
   * Finishes requests other instances left open: each is taken over (one instance wins it) and run again;
   * one left too often is given up (`giveUp` tells the person). Returns how many were taken over.
   */
  async resumeAbandoned(run: (job: ResumedJob) => Promise<void>, giveUp: (job: ResumedJob) => Promise<void>, limit = 20): Promise<number> {
    const now = this.#d.clock.now();
    let taken = 0;
    for (const record of await this.#d.store.abandoned(now, limit)) {
      const claim = await this.#d.store.takeOver(record.id, now, this.#d.leaseMs);
      if (!claim) continue;
      taken++;
      const job = jobOf(record);
      const attempts = record.attempts + 1;
      this.#d.logger.warn({ kind: job.kind, key: job.key, attempts }, 'finishing a request an instance left unfinished');
      await this.hold(claim, async () => {
        try {
          if (attempts > MAX_ATTEMPTS) await giveUp(job);
          else await run(job);
        } catch (err) {
          this.#d.logger.error({ err, kind: job.kind }, 'a resumed request failed');
        }
      });
    }
    return taken;
  }
}

function jobOf(r: AcceptedRequestRecord): ResumedJob {
  return { key: r.key, kind: r.kind, tenantKey: r.tenantKey, slackUserId: r.slackUserId, payload: JSON.parse(r.payload) as unknown, acceptedAt: r.createdAt };
}
