import { WebClient } from '@slack/web-api';
import { AppError } from '../errors.ts';

/** The Web API client to use for a tenant's workspace (its bot token). */
export interface SlackClients {
  forTenant(tenantKey: string): Promise<WebClient>;
}

/** A single-workspace install: one bot token for its one tenant. */
export class SingleWorkspaceClients implements SlackClients {
  readonly #client: WebClient;
  readonly #tenantKey: string | undefined;

  constructor(botToken: string, apiUrl: string, tenantKey: string | undefined) {
    this.#client = new WebClient(botToken, { slackApiUrl: apiUrl });
    this.#tenantKey = tenantKey;
  }

  async forTenant(tenantKey: string): Promise<WebClient> {
    if (this.#tenantKey && tenantKey !== this.#tenantKey) throw new AppError('unknown_tenant', `no installation for ${tenantKey}`);
    return this.#client;
  }
}
