import { LRUCache } from 'lru-cache';
import type { CorApi } from '../cor/client.ts';
import type { CorHour, CorUser, CorWorkingTime } from '../cor/schemas.ts';
import { cacheOptions } from '../lib/cache.ts';
import type { Clock } from '../lib/clock.ts';

/** People per GET /hours of many people (one request each). */
export const HOURS_BATCH = 250;
/** The company's users and working times change rarely: read again after this. */
const COMPANY_FACTS_TTL_MS = 15 * 60_000;

/**
 * The company as the app sees it in COR, for the sweeps that look at many people at once (reminders, digests):
 * every user (daily hours, leaves, role) and their working times, each read in one request and kept a while,
 * shared by both sweeps; and hours of many people, a batch per request.
 */
export class CompanyFacts {
  readonly #appCor: Pick<CorApi, 'usersAtOnce' | 'workingTimes' | 'hoursAtOnce'>;
  readonly #users: LRUCache<'all', Map<number, CorUser>>;
  readonly #workingTimes: LRUCache<'all', Map<number, CorWorkingTime[]>>;

  constructor(appCor: Pick<CorApi, 'usersAtOnce' | 'workingTimes' | 'hoursAtOnce'>, clock: Clock) {
    this.#appCor = appCor;
    this.#users = new LRUCache({ ...cacheOptions(clock, 1, COMPANY_FACTS_TTL_MS), fetchMethod: async () => new Map((await appCor.usersAtOnce()).map((u) => [u.id, u])) });
    this.#workingTimes = new LRUCache({ ...cacheOptions(clock, 1, COMPANY_FACTS_TTL_MS), fetchMethod: () => appCor.workingTimes() });
  }

  users(): Promise<Map<number, CorUser>> {
    return this.#users.forceFetch('all');
  }

  workingTimes(): Promise<Map<number, CorWorkingTime[]>> {
    return this.#workingTimes.forceFetch('all');
  }

  /** Hours of these COR users between two local dates (COR's own dates: the caller widens by a day), by user. */
  async hoursByUser(corUserIds: number[], dateStart: string, dateDeadline: string, batch = HOURS_BATCH): Promise<Map<number, CorHour[]>> {
    const byUser = new Map<number, CorHour[]>();
    const ids = [...new Set(corUserIds)];
    for (let i = 0; i < ids.length; i += batch) {
      for (const h of await this.#appCor.hoursAtOnce({ users: ids.slice(i, i + batch), dateStart, dateDeadline })) {
        if (h.user_id === undefined || h.user_id === null) continue;
        const list = byUser.get(h.user_id);
        if (list) list.push(h);
        else byUser.set(h.user_id, [h]);
      }
    }
    return byUser;
  }
}
