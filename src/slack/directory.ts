import { z } from 'zod';
import type { SlackDirectory, SlackProfile } from '../domain/linking.ts';
import type { Clock } from '../lib/clock.ts';
import type { SlackClients } from './services.ts';

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

/** Slack profiles (email, IANA zone, locale) through users.info, cached per user. */
export class SlackProfileDirectory implements SlackDirectory {
  readonly #clients: SlackClients;
  readonly #clock: Clock;
  readonly #cache = new Map<string, { at: number; profile: SlackProfile }>();

  constructor(clients: SlackClients, clock: Clock) {
    this.#clients = clients;
    this.#clock = clock;
  }

  async profile(tenantKey: string, slackUserId: string): Promise<SlackProfile> {
    const key = `${tenantKey}/${slackUserId}`;
    const now = this.#clock.now().getTime();
    const cached = this.#cache.get(key);
    if (cached && now - cached.at < PROFILE_TTL_MS) return cached.profile;
    const client = await this.#clients.forTenant(tenantKey);
    const answer = userInfoSchema.parse(await client.users.info({ user: slackUserId, include_locale: true }));
    const profile: SlackProfile = {
      email: answer.user.profile?.email,
      tz: answer.user.tz,
      locale: answer.user.locale,
      realName: answer.user.real_name ?? answer.user.profile?.real_name,
    };
    this.#cache.set(key, { at: now, profile });
    return profile;
  }
}
