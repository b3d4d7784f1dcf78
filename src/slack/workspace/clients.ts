import { type Logger as SlackLogger, WebClient } from '@slack/web-api';
import { LRUCache } from 'lru-cache';
import { AppError } from '../../errors.ts';
import { cacheOptions, PER_TENANT_MAX } from '../../lib/cache.ts';
import type { Clock } from '../../lib/clock.ts';
import type { SlackClients } from '../services.ts';
import type { Installations } from './installations.ts';

/** A single-workspace install: one bot token for its one tenant. */
export class SingleWorkspaceClients implements SlackClients {
  readonly #client: WebClient;
  readonly #tenantKey: string | undefined;

  /** `logger`: where the Web API client's own messages (retries after a 429) go; its default is the console. */
  constructor(botToken: string, apiUrl: string, tenantKey: string | undefined, logger?: SlackLogger) {
    this.#client = new WebClient(botToken, { slackApiUrl: apiUrl, ...(logger ? { logger } : {}) });
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
  readonly #apiUrl: string;
  /** by tenant key, with the token it was made for (a reinstall brings a new one) */
  readonly #cache: LRUCache<string, { token: string; client: WebClient }>;
  readonly #logger: SlackLogger | undefined;

  constructor(installations: Installations, apiUrl: string, clock: Clock, logger?: SlackLogger) {
    this.#installations = installations;
    this.#apiUrl = apiUrl;
    this.#cache = new LRUCache({ ...cacheOptions(clock, PER_TENANT_MAX, CLIENT_IDLE_TTL_MS), updateAgeOnGet: true });
    this.#logger = logger;
  }

  async forTenant(tenantKey: string): Promise<WebClient> {
    const installation = await this.#installations.find(tenantKey);
    if (!installation) throw new AppError('unknown_tenant', `no installation for ${tenantKey}`);
    const cached = this.#cache.get(tenantKey);
    if (cached?.token === installation.botToken) return cached.client;
    const client = new WebClient(installation.botToken, { slackApiUrl: this.#apiUrl, ...(this.#logger ? { logger: this.#logger } : {}) });
    this.#cache.set(tenantKey, { token: installation.botToken, client });
    return client;
  }
}
