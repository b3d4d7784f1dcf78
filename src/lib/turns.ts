/**
 * Lets at most `perTurn` waiting flows go on per turn of the event loop. Work that resumes after I/O (a COR
 * answer, an ack) waits here, so a wave of answers arriving together is worked through a few at a time, with
 * the sockets read in between: Slack requests that arrive meanwhile are acknowledged without waiting for the
 * whole wave.
 */
export class TurnGate {
  readonly #perTurn: number;
  #waiting: (() => void)[] = [];
  #scheduled = false;

  constructor(perTurn = 4) {
    this.#perTurn = perTurn;
  }

  next(): Promise<void> {
    return new Promise((resolve) => {
      this.#waiting.push(resolve);
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    // Run from the check phase, an immediate set here waits for the next turn: the poll phase comes first.
    setImmediate(() => this.#release());
  }

  #release(): void {
    this.#scheduled = false;
    for (const resolve of this.#waiting.splice(0, this.#perTurn)) resolve();
    if (this.#waiting.length > 0) this.#schedule();
  }
}
