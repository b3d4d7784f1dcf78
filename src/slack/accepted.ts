import type { z } from 'zod';
import type { AcceptedJob, ResumedJob } from '../domain/accepted-work.ts';
import { AppError } from '../errors.ts';
import { afterAck, answerAt, DM, type Respond, type ResponseMessage } from './respond.ts';
import type { SlackServices } from './services.ts';

/**
 * The work of an acknowledged request, from what was stored before the ack: run by the listener right after it,
 * or by any instance when the one that acknowledged it stopped first. `respond` answers the person; `acceptedAt`
 * is when it was acknowledged, the "now" of its words ("yesterday", a timer's stop), whenever it runs.
 */
export type AcceptedWorkRunner = (services: SlackServices, payload: unknown, respond: Respond, acceptedAt: Date) => Promise<void>;

/** An acknowledged request: `requestId` is the Slack request's own identity within its kind and workspace. */
export function acceptedJob(kind: string, who: { tenantKey: string; slackUserId: string }, requestId: string, payload: unknown, responseUrl?: string): AcceptedJob {
  return { key: `${kind}:${who.tenantKey}:${requestId}`, kind, tenantKey: who.tenantKey, slackUserId: who.slackUserId, payload, responseUrl };
}

/** The payload a request was stored with, checked (one stored by an older version may not fit: it is refused). */
export function storedPayload<T>(schema: z.ZodType<T>, payload: unknown, what: string): T {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw new AppError('bad_request', `a stored ${what} failed validation`);
  return parsed.data;
}

/**
 * How a request is acknowledged: a plain ack (a click, a form, an event), or one that carries words (a command's:
 * `say` is what it says instead of its usual answer when the request could not be recorded).
 */
export type AcceptAck = (() => Promise<void>) | { withWords: (say?: ResponseMessage) => Promise<void> };

/** Said when the store did not take the request in time: nothing was done, nothing will be. */
const NOT_SAVED: ResponseMessage = { text: '⚠️ Not saved: I could not record that just now (my storage is not answering). Nothing was done; please try again in a minute.' };

/**
 * Records the request, then acks, then does the work (through afterAck: failures are told), holding the request
 * (its lease renewed) until the work ends, and marks it done.
 * An instance that stops before the end leaves it open; `resumeAccepted` finishes it elsewhere. A repeat of a
 * request (same key) does the work again, which writes nothing twice and answers the click; `repeats: 'ignore'`
 * drops it instead (a message delivered twice must not be answered twice). A store that fails or does not answer
 * in time (Slack's 3 s) gets the request acknowledged with "not saved, try again" (in the ack when it carries
 * words, else through `respond`), and nothing done.
 */
export async function acceptThenWork(
  services: SlackServices,
  job: AcceptedJob,
  ack: AcceptAck,
  run: AcceptedWorkRunner,
  respond: Respond,
  repeats: 'redo' | 'ignore' = 'redo',
): Promise<void> {
  const acceptedAt = services.clock.now();
  let claim: Awaited<ReturnType<SlackServices['accepted']['accept']>>;
  try {
    claim = await services.accepted.accept(job, acceptedAt);
  } catch (err) {
    services.logger.error({ err, kind: job.kind }, 'could not record an acknowledged request: told the person it was not saved');
    if (typeof ack === 'function') {
      await ack();
      await respond(NOT_SAVED).catch((tellErr: unknown) => services.logger.warn({ err: tellErr }, 'could not tell the user a request was not saved'));
    } else await ack.withWords(NOT_SAVED);
    return;
  }
  await (typeof ack === 'function' ? ack() : ack.withWords());
  if (!claim && repeats === 'ignore') return;
  const work = () => afterAck(services, () => run(services, job.payload, respond, acceptedAt), (text) => respond({ text }));
  await (claim ? services.accepted.hold(claim, work) : work());
}

/** Finishes what stopped instances left: each request's own work, answered in place while it can be, else by DM. */
export function resumeAccepted(services: SlackServices, runners: ReadonlyMap<string, AcceptedWorkRunner>): Promise<number> {
  const answer = (job: ResumedJob): Respond =>
    answerAt(services.clients, services.clock.now(), job, job.responseUrl ? { kind: 'response_url', url: job.responseUrl, replace: true, since: job.acceptedAt } : DM);
  return services.accepted.resumeAbandoned(
    async (job) => {
      const run = runners.get(job.kind);
      const respond = answer(job);
      if (!run) return void (await respond({ text: 'I could not finish your last request (this version of the bot does not know it). Please send it again.' }));
      await afterAck(services, () => run(services, job.payload, respond, job.acceptedAt), (text) => respond({ text }));
    },
    (job) => answer(job)({ text: 'I could not finish your last request: it stopped me several times. Please send it again, or check in COR whether it was done.' }).then(() => undefined),
  );
}
