import { LRUCache } from 'lru-cache';
import { describe, expect, it } from 'vitest';
import { cacheOptions } from '../../../src/lib/cache.ts';
import { ManualClock } from '../../../src/lib/clock.ts';

const later = <T>(value: T, ms = 5) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('cacheOptions (lru-cache on the injected clock)', () => {
  it('holds at most `max` entries: the least recently used goes', () => {
    const cache = new LRUCache<string, number>(cacheOptions(new ManualClock('2026-11-18T12:00:00Z'), 2, 60_000));
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect([...cache.keys()].sort()).toEqual(['a', 'c']);
    expect(cache.size).toBe(2);
  });

  it('expires entries by the injected clock, not the real one', () => {
    const clock = new ManualClock('2026-11-18T12:00:00Z');
    const cache = new LRUCache<string, number>(cacheOptions(clock, 10, 60_000));
    cache.set('a', 1);
    clock.advance(60_000);
    expect(cache.get('a')).toBe(1);
    clock.advance(1);
    expect(cache.get('a')).toBeUndefined();
  });

  it('merges concurrent loads of one key into one call, and loads again once the entry expired', async () => {
    const clock = new ManualClock('2026-11-18T12:00:00Z');
    const calls: string[] = [];
    const cache = new LRUCache<string, string>({
      ...cacheOptions(clock, 10, 60_000),
      fetchMethod: (key) => {
        calls.push(key);
        return later(`${key}${calls.length}`);
      },
    });
    expect(await Promise.all([cache.forceFetch('a'), cache.forceFetch('a'), cache.forceFetch('b')])).toEqual(['a1', 'a1', 'b2']);
    expect(await cache.forceFetch('a')).toBe('a1');
    expect(calls).toEqual(['a', 'b']);
    clock.advance(60_001);
    expect(await cache.forceFetch('a')).toBe('a3');
  });

  it('keeps no failed load: every waiter gets the error and the next fetch loads again', async () => {
    let calls = 0;
    const cache = new LRUCache<string, number>({
      ...cacheOptions(new ManualClock('2026-11-18T12:00:00Z'), 10, 60_000),
      fetchMethod: async () => {
        calls++;
        await later(undefined);
        if (calls === 1) throw new Error('COR is down');
        return calls;
      },
    });
    const settled = await Promise.allSettled([cache.forceFetch('k'), cache.forceFetch('k')]);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
    expect(cache.has('k')).toBe(false);
    expect(await cache.forceFetch('k')).toBe(2);
    expect(calls).toBe(2);
  });

  it('answers a load whose entry was deleted meanwhile, without storing it', async () => {
    const cache = new LRUCache<string, string>({ ...cacheOptions(new ManualClock('2026-11-18T12:00:00Z'), 10, 60_000), fetchMethod: () => later('loaded') });
    const loading = cache.forceFetch('k');
    cache.delete('k');
    expect(await loading).toBe('loaded');
    expect(cache.has('k')).toBe(false);
  });
});
