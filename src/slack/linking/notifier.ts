import type { PeopleLanguages } from '../../domain/languages.ts';
import type { AccountClaim, EmailCheck, LinkNotifier, WaitingEntries } from '../../domain/linking.ts';
import { type Texts, textsIn } from '../../i18n/texts.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import type { SlackClients } from '../services.ts';
import { accountClaimedMessage, linkRefusedMessage, relinkMessage, welcomeMessage } from './blocks.ts';

/** Sends the linking DMs (chat.postMessage to the user id posts in the app's DM), each in its reader's language. */
export class SlackLinkNotifier implements LinkNotifier {
  readonly #clients: SlackClients;
  readonly #languages: PeopleLanguages;
  constructor(clients: SlackClients, languages: PeopleLanguages) {
    this.#clients = clients;
    this.#languages = languages;
  }

  async welcome(link: UserLinkRecord, emails: EmailCheck, waiting: WaitingEntries): Promise<void> {
    const t = await this.#texts(link.tenantKey, link.slackUserId, link);
    const client = await this.#clients.forTenant(link.tenantKey);
    await client.chat.postMessage({ channel: link.slackUserId, ...welcomeMessage(t, link, emails, waiting) });
  }

  async relinkNeeded(link: UserLinkRecord, consentUrl: string | undefined, waiting: number): Promise<void> {
    const t = await this.#texts(link.tenantKey, link.slackUserId, link);
    const client = await this.#clients.forTenant(link.tenantKey);
    await client.chat.postMessage({ channel: link.slackUserId, ...relinkMessage(t, consentUrl, waiting) });
  }

  async linkRefused(tenantKey: string, slackUserId: string, emails: Exclude<EmailCheck, 'same'>): Promise<void> {
    const t = await this.#texts(tenantKey, slackUserId);
    const client = await this.#clients.forTenant(tenantKey);
    await client.chat.postMessage({ channel: slackUserId, ...linkRefusedMessage(t, emails) });
  }

  async accountClaimed(tenantKey: string, ownerSlackUserId: string, claim: AccountClaim): Promise<void> {
    const t = await this.#texts(tenantKey, ownerSlackUserId);
    const client = await this.#clients.forTenant(tenantKey);
    await client.chat.postMessage({ channel: ownerSlackUserId, ...accountClaimedMessage(t, claim) });
  }

  /** The reader's words; the workspace default when their language cannot be found (the DM still goes). */
  async #texts(tenantKey: string, slackUserId: string, link?: UserLinkRecord): Promise<Texts> {
    return textsIn(await this.#languages.of(tenantKey, slackUserId, { link }).catch(() => this.#languages.defaultLanguage));
  }
}
