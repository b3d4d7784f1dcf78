import { type MessagePort, Worker } from 'node:worker_threads';
import type { AckPressure } from '../../lib/pressure.ts';
import type { Logger } from '../../logger.ts';
import type { BackgroundEvent, BackgroundJob, RequestThreadEvent } from './jobs.ts';
import type { BackgroundLane } from './lane.ts';

/** Messages to the background thread. */
type ToBackground = { type: 'job'; id: number; job: BackgroundJob } | { type: 'event'; event: RequestThreadEvent } | { type: 'stop'; drainMs: number };
/** Messages from the background thread. */
type FromBackground = { type: 'ready' } | { type: 'done'; id: number } | { type: 'event'; event: BackgroundEvent } | { type: 'stopped' };

/** How long the background thread gets to start (tsx, Prisma and the store in a fresh isolate). */
const START_TIMEOUT_MS = 30_000;
/** After the background thread died, how long before another one is started, and the longest wait between tries. */
const RESTART_AFTER_MS = 5_000;
const RESTART_AFTER_MAX_MS = 60_000;

export interface WorkerLaneOptions {
  /** The module the thread starts with (a bootstrap that loads the composition root). */
  bootstrap: URL;
  workerData: unknown;
  logger: Logger;
  /** Runs a job in this thread while the background thread is not there (not started yet, or died). */
  fallback: (job: BackgroundJob) => Promise<void>;
  onEvent: (event: BackgroundEvent) => void;
  /** Slack requests waiting for their ack in this thread: jobs are handed over after them */
  pressure?: AckPressure;
  /** after the thread died, how long before another one starts (default 5 s; doubled after each failed start, to 1 min) */
  restartAfterMs?: number;
  /** told when the thread starts serving (true) and when it is gone (false): its scheduled work must run somewhere */
  onRunningChange?: (running: boolean) => void;
}

interface Pending {
  job: BackgroundJob;
  resolve: () => void;
}

/**
 * Runs jobs in a worker thread, so the thread that reads Slack's requests and acknowledges them never
 * waits behind the work after an ack (store writes, COR answers, their garbage). A job the thread had when
 * it died runs again here: every write is idempotent on its Slack request, so that never writes twice.
 */
export class WorkerLane implements BackgroundLane {
  readonly #opts: WorkerLaneOptions;
  #worker: Worker | undefined;
  #ready = false;
  #stopping = false;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();
  #stopped: (() => void) | undefined;

  constructor(opts: WorkerLaneOptions) {
    this.#opts = opts;
  }

  /** Starts the background thread and resolves once it serves jobs (rejects when it cannot start). */
  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(this.#opts.bootstrap, { workerData: this.#opts.workerData });
      this.#worker = worker;
      const timer = setTimeout(() => {
        reject(new Error('the background thread did not start in time'));
        void worker.terminate();
      }, START_TIMEOUT_MS);
      worker.on('message', (message: FromBackground) => {
        if (message.type === 'ready') {
          clearTimeout(timer);
          this.#ready = true;
          this.#opts.onRunningChange?.(true);
          resolve();
        } else this.#onMessage(message);
      });
      worker.on('error', (err) => this.#opts.logger.error({ err }, 'the background thread failed'));
      worker.on('exit', (code) => {
        clearTimeout(timer);
        const wasReady = this.#ready;
        this.#ready = false;
        this.#worker = undefined;
        if (!wasReady) return reject(new Error(`the background thread exited with ${code} before it was ready`));
        this.#onExit(code);
      });
    });
  }

  get running(): boolean {
    return this.#ready;
  }

  /** While the thread is down (or restarting), jobs run here. */
  get runsIn(): 'background thread' | 'request thread' {
    return this.#ready ? 'background thread' : 'request thread';
  }

  async run(job: BackgroundJob): Promise<void> {
    // Handing over is cheap, but the thread's work competes for the CPU with the acks of a burst: it waits for them.
    await this.#opts.pressure?.whenQuiet();
    const worker = this.#worker;
    if (!this.#ready || !worker) return this.#opts.fallback(job);
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, { job, resolve });
      worker.postMessage({ type: 'job', id, job } satisfies ToBackground);
    });
  }

  /** Tells the background thread something changed here (nothing to tell while it is down: it starts afresh). */
  tell(event: RequestThreadEvent): void {
    if (this.#ready) this.#worker?.postMessage({ type: 'event', event } satisfies ToBackground);
  }

  /** Lets the background thread finish its jobs and scheduled work (up to `drainMs`), then ends it. */
  async stop(drainMs: number): Promise<void> {
    this.#stopping = true;
    const worker = this.#worker;
    if (!worker) return;
    const stopped = new Promise<void>((resolve) => {
      this.#stopped = resolve;
      worker.once('exit', () => resolve());
    });
    worker.postMessage({ type: 'stop', drainMs } satisfies ToBackground);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([stopped, new Promise((resolve) => (timer = setTimeout(resolve, drainMs + 5_000)))]);
    clearTimeout(timer);
    await worker.terminate();
  }

  #onMessage(message: FromBackground): void {
    switch (message.type) {
      case 'done': {
        const pending = this.#pending.get(message.id);
        this.#pending.delete(message.id);
        pending?.resolve();
        return;
      }
      case 'event':
        return this.#opts.onEvent(message.event);
      case 'stopped':
        return this.#stopped?.();
      case 'ready':
        return;
    }
  }

  #onExit(code: number): void {
    const orphans = [...this.#pending.values()];
    this.#pending.clear();
    if (this.#stopping) {
      for (const p of orphans) p.resolve();
      return;
    }
    this.#opts.logger.error({ code, orphans: orphans.length }, 'the background thread exited: its jobs run here, and another thread starts soon');
    this.#opts.onRunningChange?.(false);
    for (const p of orphans) void this.#opts.fallback(p.job).finally(p.resolve);
    this.#restartLater(this.#opts.restartAfterMs ?? RESTART_AFTER_MS);
  }

  /** Tries again and again (waits doubling up to a minute): meanwhile everything runs in this thread. */
  #restartLater(waitMs: number): void {
    setTimeout(() => {
      if (this.#stopping) return;
      this.start().catch((err: unknown) => {
        this.#opts.logger.error({ err, retryInMs: Math.min(waitMs * 2, RESTART_AFTER_MAX_MS) }, 'could not restart the background thread');
        this.#restartLater(Math.min(waitMs * 2, RESTART_AFTER_MAX_MS));
      });
    }, waitMs).unref();
  }
}

/**
 * The background thread's side: runs each job it is sent and says when it is done; `stop` finishes the
 * thread's own work first. Sends `ready` at once.
 */
export function serveBackgroundJobs(
  port: MessagePort,
  handlers: {
    run: (job: BackgroundJob) => Promise<void>;
    onEvent: (event: RequestThreadEvent) => void;
    stop: (drainMs: number) => Promise<void>;
    logger: Logger;
  },
): { emit: (event: BackgroundEvent) => void } {
  port.on('message', (message: ToBackground) => {
    if (message.type === 'job') {
      handlers
        .run(message.job)
        .catch((err: unknown) => handlers.logger.error({ err }, 'a background job failed'))
        .finally(() => port.postMessage({ type: 'done', id: message.id } satisfies FromBackground));
      return;
    }
    if (message.type === 'event') return handlers.onEvent(message.event);
    void handlers
      .stop(message.drainMs)
      .catch((err: unknown) => handlers.logger.error({ err }, 'the background thread did not stop cleanly'))
      .finally(() => port.postMessage({ type: 'stopped' } satisfies FromBackground));
  });
  port.postMessage({ type: 'ready' } satisfies FromBackground);
  return { emit: (event) => port.postMessage({ type: 'event', event } satisfies FromBackground) };
}
