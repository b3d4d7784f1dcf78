import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import type { SlackProfile } from '../domain/linking.ts';
import { cacheOptions, PER_PERSON_MAX } from '../lib/cache.ts';
import type { Clock } from '../lib/clock.ts';
import { validZone } from '../lib/zoned.ts';
import type { SlackClients, SlackProfiles } from './services.ts';
import { slackFailureOf } from './slack-errors.ts';

/** Profiles change rarely; timezone changes still show up within this long. */
const PROFILE_TTL_MS = 10 * 60_000;

const userInfoSchema = z.object({
  user: z.object({
    tz: z.string().optional(),
    locale: z.string().optional(),
    real_name: z.string().optional(),
    profile: z.object({ email: z.string().optional(), real_name: z.string().optional() }).optional(),
  }),
});

const lookupSchema = z.object({ user: z.object({ id: z.string() }) });

/** Slack profiles (email, IANA zone, locale) through users.info, cached per user; members by email. */
export class SlackProfileDirectory implements SlackProfiles {
  readonly #clients: SlackClients;
  /** by `tenantKey/slackUserId`; concurrent reads of one person make one users.info call */
  readonly #cache: LRUCache<string, SlackProfile, { tenantKey: string; slackUserId: string }>;

  constructor(clients: SlackClients, clock: Clock) {
    this.#clients = clients;
    this.#cache = new LRUCache({
      ...cacheOptions(clock, PER_PERSON_MAX, PROFILE_TTL_MS),
      fetchMethod: (_key, _stale, { context }) => this.#read(context.tenantKey, context.slackUserId),
    });
  }

  profile(tenantKey: string, slackUserId: string): Promise<SlackProfile> {
    return this.#cache.forceFetch(`${tenantKey}/${slackUserId}`, { context: { tenantKey, slackUserId } });
  }

  /** Their profile changed: the next read asks Slack (a read under way still ends with what it gets). */
  forget(tenantKey: string, slackUserId: string): void {
    this.#cache.delete(`${tenantKey}/${slackUserId}`);
  }

  /** users.lookupByEmail (users:read.email): `users_not_found` is nobody; any other failure is thrown. */
  async userIdByEmail(tenantKey: string, email: string): Promise<string | undefined> {
    const client = await this.#clients.forTenant(tenantKey);
    try {
      return lookupSchema.parse(await client.users.lookupByEmail({ email })).user.id;
    } catch (err) {
      if (slackFailureOf(err).error === 'users_not_found') return undefined;
      throw err;
    }
  }

  async #read(tenantKey: string, slackUserId: string): Promise<SlackProfile> {
    const client = await this.#clients.forTenant(tenantKey);
    const answer = userInfoSchema.parse(await client.users.info({ user: slackUserId, include_locale: true }));
    return {
      email: answer.user.profile?.email,
      // A zone the runtime does not know is no zone: the bot asks rather than computing dates with it.
      tz: validZone(answer.user.tz),
      locale: answer.user.locale,
      realName: answer.user.real_name ?? answer.user.profile?.real_name,
    };
  }
}
