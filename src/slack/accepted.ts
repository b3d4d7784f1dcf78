import type { z } from 'zod';
import type { ResumedJob } from '../domain/accepted-work.ts';
import { AppError } from '../errors.ts';
import { textsIn } from '../i18n/texts.ts';
import { textsFor } from './person.ts';
import { afterAck, type AnswerPlace, answerAt, DM, type Respond, type ResponseMessage } from './respond.ts';
import type { SlackServices } from './services.ts';

/**
 * A kind of acknowledged work, declared once: its name, what it carries, where it answers and the work itself.
 * Registered once (`ListenerRegistry.acceptedWork`), which gives the only way to accept it: every kind a listener
 * accepts is one any instance can finish after a crash, the same way.
 */
export interface AcceptedWork<P> {
  /** its name in the store (ids.ts ACCEPTED): a request is keyed `${kind}:${tenant}:${requestId}` */
  kind: string;
  /** what it carries, checked again whenever it runs (one stored by an older version that does not fit is refused) */
  payload: z.ZodType<P>;
  /**
   * A request accepted before (the same key): done again (the default: it writes nothing twice, and answers the
   * click), or ignored (a message delivered twice must not be answered twice).
   */
  repeats?: 'redo' | 'ignore';
  /** where its answer goes, from what it carries: the same on whichever instance does the work */
  answer(payload: P, acceptedAt: Date): AnswerPlace;
  /** the work, from what it carries alone: right after the ack, or on another instance after a crash */
  run(services: SlackServices, job: AcceptedRun<P>): Promise<void>;
}

/**
 * One run of acknowledged work: `acceptedAt` is when it was acknowledged, the "now" of its words ("yesterday", a
 * timer's stop), whenever it runs; `respond` answers the person at `place`.
 */
export interface AcceptedRun<P> {
  payload: P;
  acceptedAt: Date;
  place: AnswerPlace;
  respond: Respond;
  /**
   * true when another instance took the request over (its holder stopped: it may have done part of the work, e.g.
   * COR may hold what it wrote); work that cannot be repeated looks for what was done before doing it again.
   */
  resumed: boolean;
}

/**
 * How a request is acknowledged: a plain ack (a click, a form, an event), or one that carries words (a command's:
 * `say` is what it says instead of its usual answer when the request could not be recorded).
 */
type AcceptAck = (() => Promise<void>) | { withWords: (say?: ResponseMessage) => Promise<void> };

/**
 * Accepts one request of a registered kind: `requestId` is the Slack request's own identity within its kind and
 * workspace. Records it, then acks, then does the work (through afterAck: failures are told), holding the request
 * (its lease renewed) until the work ends, and marks it done. An instance that stops before the end leaves it open;
 * `resumeAccepted` finishes it elsewhere. A store that fails or does not answer in time (Slack's 3 s) gets the
 * request acknowledged with "not saved, try again" (in the ack when it carries words, else where the answer goes,
 * beside what was clicked rather than in its place), and nothing done.
 */
export type Accept<P> = (services: SlackServices, request: { who: { tenantKey: string; slackUserId: string }; requestId: string; payload: P }, ack: AcceptAck) => Promise<void>;

/** Said when the store did not take the request in time: nothing was done, nothing will be. */
function notSaved(services: SlackServices, who: { tenantKey: string; slackUserId: string }): ResponseMessage {
  // The store is what failed: the language is what is known of them already, nothing is read.
  return { text: textsIn(services.languages.known(who.tenantKey, who.slackUserId)).t('accepted.notSaved') };
}

/** The kinds of acknowledged work the app knows, by name: what `resumeAccepted` finishes. */
export class AcceptedKinds {
  readonly #kinds = new Map<string, AcceptedWork<unknown>>();

  /** Registers a kind (once); what it returns is the only way to accept requests of that kind. */
  add<P>(work: AcceptedWork<P>): Accept<P> {
    if (this.#kinds.has(work.kind)) throw new Error(`acknowledged work ${work.kind} is already registered`);
    this.#kinds.set(work.kind, work);
    return (services, request, ack) => acceptThenWork(services, work, request, ack);
  }

  get(kind: string): AcceptedWork<unknown> | undefined {
    return this.#kinds.get(kind);
  }
}

async function acceptThenWork<P>(services: SlackServices, work: AcceptedWork<P>, request: Parameters<Accept<P>>[1], ack: AcceptAck): Promise<void> {
  const { who, requestId, payload } = request;
  const acceptedAt = services.clock.now();
  const place = work.answer(payload, acceptedAt);
  const respond = answerAt(services.clients, acceptedAt, who, place);
  const job = { key: `${work.kind}:${who.tenantKey}:${requestId}`, kind: work.kind, tenantKey: who.tenantKey, slackUserId: who.slackUserId, payload };
  let claim: Awaited<ReturnType<SlackServices['accepted']['accept']>>;
  try {
    claim = await services.accepted.accept(job, acceptedAt);
  } catch (err) {
    services.logger.error({ err, kind: work.kind }, 'could not record an acknowledged request: told the person it was not saved');
    if (typeof ack === 'function') {
      await ack();
      // Beside what was clicked, never in its place: the card and its buttons stay for the retry.
      const beside: AnswerPlace = place.kind === 'response_url' ? { ...place, replace: false } : place;
      await answerAt(services.clients, acceptedAt, who, beside)(notSaved(services, who)).catch((tellErr: unknown) => services.logger.warn({ err: tellErr }, 'could not tell the user a request was not saved'));
    } else await ack.withWords(notSaved(services, who));
    return;
  }
  await (typeof ack === 'function' ? ack() : ack.withWords());
  if (!claim && work.repeats === 'ignore') return;
  const run = () => afterAck(services, who, () => runWork(services, work, payload, { acceptedAt, place, respond, resumed: false }), (text) => respond({ text }));
  await (claim ? services.accepted.hold(claim, run) : run());
}

/** The work of a request from what it carries, checked first (the same check for the listener and after a crash). */
async function runWork<P>(services: SlackServices, work: AcceptedWork<P>, payload: unknown, at: Omit<AcceptedRun<P>, 'payload'>): Promise<void> {
  const parsed = work.payload.safeParse(payload);
  if (!parsed.success) throw new AppError('bad_request', `a stored ${work.kind} request failed validation`);
  await work.run(services, { ...at, payload: parsed.data });
}

/** Where a resumed request's answer goes: where its kind answers, or a DM when the kind or its payload is not known. */
function placeOf(work: AcceptedWork<unknown> | undefined, job: ResumedJob): AnswerPlace {
  const parsed = work?.payload.safeParse(job.payload);
  return work && parsed?.success ? work.answer(parsed.data, job.acceptedAt) : DM;
}

/** Finishes what stopped instances left: each request's own work, answered where its kind answers. */
export function resumeAccepted(services: SlackServices, kinds: AcceptedKinds): Promise<number> {
  const answer = (job: ResumedJob): { place: AnswerPlace; respond: Respond } => {
    const place = placeOf(kinds.get(job.kind), job);
    return { place, respond: answerAt(services.clients, services.clock.now(), job, place) };
  };
  return services.accepted.resumeAbandoned(
    async (job) => {
      const work = kinds.get(job.kind);
      const { place, respond } = answer(job);
      if (!work) return void (await respond({ text: (await textsFor(services, job.tenantKey, job.slackUserId)).t('accepted.unknownKind') }));
      await afterAck(services, job, () => runWork(services, work, job.payload, { acceptedAt: job.acceptedAt, place, respond, resumed: true }), (text) => respond({ text }));
    },
    async (job) => void (await answer(job).respond({ text: (await textsFor(services, job.tenantKey, job.slackUserId)).t('accepted.gaveUp') })),
  );
}
