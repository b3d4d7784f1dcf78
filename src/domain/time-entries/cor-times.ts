import { LRUCache } from 'lru-cache';
import type { CorHour } from '../../cor/schemas.ts';
import { PER_TENANT_MAX } from '../../lib/cache.ts';
import { localParts, validZone, zonedTimeToInstant } from '../../lib/zoned.ts';

/**
 * COR writes its entries' `start` and `stop` as "YYYY-MM-DD HH:MM:SS" with no zone, and its documents don't say
 * whether that is UTC or the wall time of the entry's user (see shared/cor/NOTES.md). A workspace's COR shows which
 * the first time it answers a write of ours (`learn`); from then on every reader of its times (placement, day
 * totals, /cor today and week, reminders, digests) reads them that way through `read`. Until then they are read
 * as UTC, which is what we send.
 */
type Reading = 'utc' | 'zone';

const HAS_ZONE = /[zZ]|[+-]\d\d:?\d\d$/;
const NAIVE = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/;

/** A time COR wrote: as it says when it names a zone, else as UTC. */
export function corInstant(value: string): Date {
  return HAS_ZONE.test(value) ? new Date(value) : new Date(`${value.replace(' ', 'T')}Z`);
}

/** An entry's length in hours: its duration, else stop − start; 0 when COR gives neither. The one reading of it. */
export function entryHours(h: CorHour): number {
  if (h.duration !== undefined && h.duration !== null) return h.duration;
  return h.stop ? (corInstant(h.stop).getTime() - corInstant(h.start).getTime()) / 3_600_000 : 0;
}

/** A zone-less "YYYY-MM-DD HH:MM:SS" read as wall time in `tz`; undefined when it is not one. */
function wallInstant(naive: string, tz: string): Date | undefined {
  const m = NAIVE.exec(naive);
  if (!m || HAS_ZONE.test(naive)) return undefined;
  const at = zonedTimeToInstant(m[1] as string, Number(m[2]), Number(m[3]), tz);
  return new Date(at.getTime() + Number(m[4] ?? 0) * 1000);
}

/** A zone-less "YYYY-MM-DD HH:MM:SS" read as wall time in `tz`: the same minute as `instant` there. */
export function sameWallMinute(naive: string, instant: Date, tz: string): boolean {
  if (HAS_ZONE.test(naive)) return false;
  const p = localParts(instant, tz);
  return naive.slice(0, 16).replace('T', ' ') === `${p.date} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

export function sameMinute(a: Date, b: Date): boolean {
  return Math.floor(a.getTime() / 60_000) === Math.floor(b.getTime() / 60_000);
}

/** The zone an entry's wall times are in: the one COR gives with it (when the runtime knows it), else the person's. */
export function zoneOfEntry(hour: CorHour, tz: string): string {
  return validZone(hour.user?.timezone) ?? tz;
}

/** How each workspace's COR writes its zone-less times, once one of its answers showed it. One per process. */
export class CorTimes {
  /** never stale: a COR does not change how it writes times (bounded by workspaces, no ttl) */
  readonly #readings = new LRUCache<string, Reading>({ max: PER_TENANT_MAX });

  /** COR's answer to a write shows how it writes times: the start we sent, read as UTC or as the user's wall time. */
  learn(tenantKey: string, hour: CorHour, sent: Date, tz: string): void {
    const asUtc = sameMinute(corInstant(hour.start), sent);
    const asWall = sameWallMinute(hour.start, sent, zoneOfEntry(hour, tz));
    // A person whose zone is UTC's at that moment (London in winter) shows nothing: both readings agree.
    if (asUtc && asWall) return;
    if (asUtc) this.#readings.set(tenantKey, 'utc');
    else if (asWall) this.#readings.set(tenantKey, 'zone');
  }

  /** The workspace's reading once learned; undefined before (the lost-answer search then tries both). */
  reading(tenantKey: string): Reading | undefined {
    return this.#readings.get(tenantKey);
  }

  /**
   * A person's entries (`tz`: their zone) with `start` and `stop` as instants (ISO, UTC), read the way the
   * workspace's COR writes them. Every reader of COR's times goes through here once, right after reading them.
   */
  read(hours: CorHour[], tenantKey: string, tz: string): CorHour[] {
    if (this.#readings.get(tenantKey) !== 'zone') return hours;
    const instant = (value: string, hour: CorHour) => (wallInstant(value, zoneOfEntry(hour, tz)) ?? corInstant(value)).toISOString();
    return hours.map((h) => ({ ...h, start: instant(h.start, h), ...(h.stop ? { stop: instant(h.stop, h) } : {}) }));
  }
}
