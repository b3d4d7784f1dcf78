/**
 * Counts Slack requests that are waiting for their ack. Background work (what runs after an ack) waits until
 * none is waiting, or at most `maxWaitMs`, so that a burst of requests is acknowledged first and the work
 * behind it does not push anyone's ack past the deadline.
 */
export class AckPressure {
  #waiting = 0;

  begin(): void {
    this.#waiting++;
  }

  end(): void {
    this.#waiting = Math.max(0, this.#waiting - 1);
  }

  get waiting(): number {
    return this.#waiting;
  }

  async whenQuiet(maxWaitMs = 250): Promise<void> {
    const deadline = performance.now() + maxWaitMs;
    // Always let already-arrived requests be read once, then keep yielding while any is waiting.
    do {
      await new Promise<void>((resolve) => setImmediate(resolve));
    } while (this.#waiting > 0 && performance.now() < deadline);
  }
}
