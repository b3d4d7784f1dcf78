/**
 * Cooperative time slicing for background work. Code that runs after an ack calls `turn()` at its natural
 * break points (a COR answer arrived, a store write is next). Once background work has run for `budgetMs`
 * in one turn of the event loop, every `turn()` waits for the next one, so the loop goes back to polling
 * sockets first: Slack requests that arrived meanwhile are read and acknowledged before more work runs.
 */
export class TimeSlicer {
  readonly #budgetMs: number;
  #sliceStart = performance.now();
  #exhausted = false;
  #waiting: (() => void)[] = [];

  constructor(budgetMs = 4) {
    this.#budgetMs = budgetMs;
  }

  turn(): Promise<void> {
    if (!this.#exhausted && performance.now() - this.#sliceStart < this.#budgetMs) return Promise.resolve();
    if (!this.#exhausted) {
      this.#exhausted = true;
      // Runs in the next check phase, after the poll phase has taken in new requests.
      setImmediate(() => this.#nextSlice());
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #nextSlice(): void {
    this.#exhausted = false;
    this.#sliceStart = performance.now();
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const resolve of waiting) resolve();
  }
}
