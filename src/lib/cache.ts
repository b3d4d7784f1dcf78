import type { Clock } from './clock.ts';

/** The part of lru-cache's options every cache of the bot sets the same way. */
interface CacheOptions {
  max: number;
  ttl: number;
  ttlResolution: 0;
  ignoreFetchAbort: true;
  perf: { now(): number };
}

/**
 * Options for an `LRUCache`: at most `max` entries, each good for `ttlMs` by the injected clock, read at every
 * lookup (`ttlResolution: 0`), so a manual clock moves it. Through `fetch()` concurrent loads of one key are
 * merged, and a load that fails stores nothing. `ignoreFetchAbort`: a load whose entry was deleted, replaced
 * or evicted meanwhile still answers its callers; its value is just not stored.
 *
 *   new LRUCache<string, Profile>({ ...cacheOptions(clock, PEOPLE, PROFILE_TTL_MS), fetchMethod: ... })
 */
export function cacheOptions(clock: Clock, max: number, ttlMs: number): CacheOptions {
  return { max, ttl: ttlMs, ttlResolution: 0, ignoreFetchAbort: true, perf: { now: () => clock.now().getTime() } };
}

/** Entries of a cache kept per person (or per person and a day, a task, a channel): the people active at once. */
export const PER_PERSON_MAX = 10_000;
/** Entries of a cache kept per workspace (or COR company). */
export const PER_TENANT_MAX = 1_000;
