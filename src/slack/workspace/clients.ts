import type { WebClient } from '@slack/web-api';
import { LRUCache } from 'lru-cache';
import { AppError } from '../../errors.ts';
import { cacheOptions, PER_TENANT_MAX } from '../../lib/cache.ts';
import type { Clock } from '../../lib/clock.ts';
import type { SlackClients } from '../services.ts';
import { slackClient, type SlackClientSettings } from '../slack-client.ts';
import type { Installations } from './installations.ts';

/** A single-workspace install: one bot token for its one tenant. */
export class SingleWorkspaceClients implements SlackClients {
  readonly #client: WebClient;
  readonly #tenantKey: string | undefined;

  constructor(botToken: string, settings: SlackClientSettings, tenantKey: string | undefined) {
    this.#client = slackClient(botToken, settings);
    this.#tenantKey = tenantKey;
  }

  async forTenant(tenantKey: string): Promise<WebClient> {
    if (this.#tenantKey && tenantKey !== this.#tenantKey) throw new AppError('unknown_tenant', `no installation for ${tenantKey}`);
    return this.#client;
  }
}

/** A workspace's Web API client is dropped after this long unused (a new one is cheap). */
const CLIENT_IDLE_TTL_MS = 60 * 60_000;

/** A multi-workspace install: each tenant's bot token comes from its installation in the store. */
export class MultiWorkspaceClients implements SlackClients {
  readonly #installations: Installations;
  readonly #settings: SlackClientSettings;
  /** by tenant key, with the token it was made for (a reinstall brings a new one) */
  readonly #cache: LRUCache<string, { token: string; client: WebClient }>;

  constructor(installations: Installations, settings: SlackClientSettings, clock: Clock) {
    this.#installations = installations;
    this.#settings = settings;
    this.#cache = new LRUCache({ ...cacheOptions(clock, PER_TENANT_MAX, CLIENT_IDLE_TTL_MS), updateAgeOnGet: true });
  }

  async forTenant(tenantKey: string): Promise<WebClient> {
    const installation = await this.#installations.find(tenantKey);
    if (!installation) throw new AppError('unknown_tenant', `no installation for ${tenantKey}`);
    const cached = this.#cache.get(tenantKey);
    if (cached?.token === installation.botToken) return cached.client;
    const client = slackClient(installation.botToken, this.#settings);
    this.#cache.set(tenantKey, { token: installation.botToken, client });
    return client;
  }
}
