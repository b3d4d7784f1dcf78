import type { AckPressure } from '../../lib/pressure.ts';
import type { BackgroundJob } from './jobs.ts';

/** Where work that continues after an ack runs: this thread, or the background thread. */
export interface BackgroundLane {
  /** Resolves when the job has finished (its own failures are handled inside it). */
  run(job: BackgroundJob): Promise<void>;
  /** Where jobs run now (health reports it). */
  readonly runsIn: 'background thread' | 'request thread';
}

/**
 * Runs jobs in this thread, after the Slack requests already waiting for their ack (tests, and
 * BACKGROUND_THREAD=false).
 */
export class InProcessLane implements BackgroundLane {
  readonly #runJob: (job: BackgroundJob) => Promise<void>;
  readonly #pressure: AckPressure;
  readonly runsIn = 'request thread';

  constructor(runJob: (job: BackgroundJob) => Promise<void>, pressure: AckPressure) {
    this.#runJob = runJob;
    this.#pressure = pressure;
  }

  async run(job: BackgroundJob): Promise<void> {
    await this.#pressure.whenQuiet();
    await this.#runJob(job);
  }
}
