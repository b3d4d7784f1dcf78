import { LRUCache } from 'lru-cache';

/** Workspaces paced at once; one pushed out (the least recent) just starts unpaced. */
const PACED_KEYS_MAX = 1_000;

/**
 * Spaces out calls per key (a Slack workspace) to at most `perSecond`, so a fan-out of thousands of DMs
 * stays within Slack's limits instead of tripping them. Real elapsed time, not the business clock: this is
 * about how fast we talk to Slack. `Infinity` disables pacing.
 */
export class Pacer {
  readonly #intervalMs: number;
  /** per key, when its next call may go; an entry in the past is as good as none */
  readonly #next = new LRUCache<string, number>({ max: PACED_KEYS_MAX });

  constructor(perSecond: number) {
    this.#intervalMs = perSecond === Number.POSITIVE_INFINITY || perSecond <= 0 ? 0 : 1000 / perSecond;
  }

  /** Resolves when the caller may make its call; callers of one key are served one interval apart. */
  async wait(key: string): Promise<void> {
    const next = this.#next.get(key);
    if (this.#intervalMs === 0 && next === undefined) return;
    const now = performance.now();
    const slot = Math.max(now, next ?? 0);
    if (this.#intervalMs > 0) this.#next.set(key, slot + this.#intervalMs);
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  }

  /** Nobody of this key goes for `ms` from now (Slack answered 429 with that Retry-After), unlimited keys included. */
  holdFor(key: string, ms: number): void {
    const until = performance.now() + ms;
    if ((this.#next.get(key) ?? 0) < until) this.#next.set(key, until);
  }
}
