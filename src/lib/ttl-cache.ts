import type { Clock } from './clock.ts';
import { SingleFlight } from './single-flight.ts';

/** Values reused for `ttlMs` per key; concurrent misses of one key share one load. */
export class TtlCache<T> {
  readonly #ttlMs: number;
  readonly #values = new Map<string, { at: number; value: T }>();
  readonly #flights = new SingleFlight<T>();

  constructor(ttlMs: number) {
    this.#ttlMs = ttlMs;
  }

  async get(key: string, clock: Clock, load: () => Promise<T>): Promise<T> {
    const hit = this.#values.get(key);
    if (hit && clock.now().getTime() - hit.at < this.#ttlMs) return hit.value;
    return this.#flights.run(key, async () => {
      const value = await load();
      this.#values.set(key, { at: clock.now().getTime(), value });
      return value;
    });
  }

  delete(key: string): void {
    this.#values.delete(key);
  }
}
