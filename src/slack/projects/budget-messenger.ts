import type { BudgetAlert, BudgetPosted, BudgetSlack } from '../../domain/budget.ts';
import type { PeopleLanguages } from '../../domain/languages.ts';
import { textsIn } from '../../i18n/texts.ts';
import type { SlackClients } from '../services.ts';
import { slackFailureOf } from '../slack-errors.ts';
import { budgetAlertMessage } from './budget-blocks.ts';

/** Slack errors that pass by themselves: the alert is tried again at the next check. */
const TRANSIENT = new Set(['ratelimited', 'rate_limited', 'internal_error', 'service_unavailable', 'request_timeout']);

/** Budget alerts in Slack: one message in the project's channel, in the language of whoever made it a project. */
export class SlackBudgetMessenger implements BudgetSlack {
  readonly #clients: SlackClients;
  readonly #languages: PeopleLanguages;
  constructor(clients: SlackClients, languages: PeopleLanguages) {
    this.#clients = clients;
    this.#languages = languages;
  }

  async post(alert: BudgetAlert): Promise<BudgetPosted> {
    const { tenantKey, channelId, createdBy } = alert.channel;
    const t = textsIn(await this.#languages.of(tenantKey, createdBy).catch(() => this.#languages.defaultLanguage));
    const message = budgetAlertMessage(t, alert);
    try {
      const client = await this.#clients.forTenant(tenantKey);
      const posted = await client.chat.postMessage({ channel: channelId, text: message.text, blocks: message.blocks, unfurl_links: false });
      return { ok: true, messageTs: String(posted.ts) };
    } catch (err) {
      const { error, answered } = slackFailureOf(err);
      // Broken off (or failed inside Slack): it may be in the channel, so it is never posted again.
      if (!answered || error === 'fatal_error') return { ok: false, permanent: true, error };
      return { ok: false, permanent: !TRANSIENT.has(error), error };
    }
  }
}
