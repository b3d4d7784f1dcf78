import type { LinkNotifier } from '../../domain/linking.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import type { SlackClients } from '../services.ts';
import { relinkMessage, welcomeMessage } from './blocks.ts';

/** Sends the linking DMs (chat.postMessage to the user id posts in the app's DM). */
export class SlackLinkNotifier implements LinkNotifier {
  readonly #clients: SlackClients;
  constructor(clients: SlackClients) {
    this.#clients = clients;
  }

  async welcome(link: UserLinkRecord, warnings: string[]): Promise<void> {
    const client = await this.#clients.forTenant(link.tenantKey);
    await client.chat.postMessage({ channel: link.slackUserId, ...welcomeMessage(link, warnings) });
  }

  async relinkNeeded(link: UserLinkRecord, consentUrl: string | undefined): Promise<void> {
    const client = await this.#clients.forTenant(link.tenantKey);
    await client.chat.postMessage({ channel: link.slackUserId, ...relinkMessage(consentUrl) });
  }
}
