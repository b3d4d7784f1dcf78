import type { AccountClaim, EmailCheck, LinkNotifier, WaitingEntries } from '../../domain/linking.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import type { SlackClients } from '../services.ts';
import { accountClaimedMessage, linkRefusedMessage, relinkMessage, welcomeMessage } from './blocks.ts';

/** Sends the linking DMs (chat.postMessage to the user id posts in the app's DM). */
export class SlackLinkNotifier implements LinkNotifier {
  readonly #clients: SlackClients;
  constructor(clients: SlackClients) {
    this.#clients = clients;
  }

  async welcome(link: UserLinkRecord, emails: EmailCheck, waiting: WaitingEntries): Promise<void> {
    const client = await this.#clients.forTenant(link.tenantKey);
    await client.chat.postMessage({ channel: link.slackUserId, ...welcomeMessage(link, emails, waiting) });
  }

  async relinkNeeded(link: UserLinkRecord, consentUrl: string | undefined, waiting: number): Promise<void> {
    const client = await this.#clients.forTenant(link.tenantKey);
    await client.chat.postMessage({ channel: link.slackUserId, ...relinkMessage(consentUrl, waiting) });
  }

  async linkRefused(tenantKey: string, slackUserId: string, emails: Exclude<EmailCheck, 'same'>): Promise<void> {
    const client = await this.#clients.forTenant(tenantKey);
    await client.chat.postMessage({ channel: slackUserId, ...linkRefusedMessage(emails) });
  }

  async accountClaimed(tenantKey: string, ownerSlackUserId: string, claim: AccountClaim): Promise<void> {
    const client = await this.#clients.forTenant(tenantKey);
    await client.chat.postMessage({ channel: ownerSlackUserId, ...accountClaimedMessage(claim) });
  }
}
