import type { BudgetAlert, BudgetCharted, BudgetPosted, BudgetSlack } from '../../domain/budget.ts';
import type { PeopleLanguages } from '../../domain/languages.ts';
import { type Texts, textsIn } from '../../i18n/texts.ts';
import { plain, section } from '../blocks.ts';
import { uploadChart } from '../files.ts';
import type { SlackClients } from '../services.ts';
import { isTransientSlackError, slackFailureOf } from '../slack-errors.ts';
import { budgetAlertMessage, budgetChart } from './budget-blocks.ts';


/**
 * Budget alerts in Slack: one message in the project's channel, then its burn chart (a PNG) in its thread, in the
 * language of whoever made the channel a project.
 */
export class SlackBudgetMessenger implements BudgetSlack {
  readonly #clients: SlackClients;
  readonly #languages: PeopleLanguages;
  constructor(clients: SlackClients, languages: PeopleLanguages) {
    this.#clients = clients;
    this.#languages = languages;
  }

  async #texts(alert: BudgetAlert): Promise<Texts> {
    const { tenantKey, createdBy } = alert.channel;
    return textsIn(await this.#languages.of(tenantKey, createdBy).catch(() => this.#languages.defaultLanguage));
  }

  async post(alert: BudgetAlert): Promise<BudgetPosted> {
    const { tenantKey, channelId } = alert.channel;
    const t = await this.#texts(alert);
    const message = budgetAlertMessage(t, alert);
    try {
      const client = await this.#clients.forTenant(tenantKey);
      const posted = await client.chat.postMessage({ channel: channelId, text: message.text, blocks: message.blocks, unfurl_links: false });
      return { ok: true, messageTs: String(posted.ts) };
    } catch (err) {
      const { error, answered } = slackFailureOf(err);
      // Broken off (or failed inside Slack): it may be in the channel, so it is never posted again.
      if (!answered || error === 'fatal_error') return { ok: false, permanent: true, uncertain: true, error };
      return { ok: false, permanent: !isTransientSlackError(error), error };
    }
  }

  async refused(alert: BudgetAlert, error: string): Promise<void> {
    const { tenantKey, channelId, createdBy, name } = alert.channel;
    const t = await this.#texts(alert);
    const text = t.t('budget.refused', { threshold: alert.threshold, project: plain(name), channel: channelId, error });
    const client = await this.#clients.forTenant(tenantKey);
    await client.chat.postMessage({ channel: createdBy, text, blocks: [section(text)] });
  }

  /** Drawn here (tens of ms of CPU, after the alert is posted) and shared once: a failed upload is said, not retried. */
  async chart(alert: BudgetAlert, threadTs: string): Promise<BudgetCharted> {
    const { tenantKey, channelId, corProjectId } = alert.channel;
    const { chart, title, altWords } = budgetChart(await this.#texts(alert), alert.facts);
    try {
      const client = await this.#clients.forTenant(tenantKey);
      await uploadChart(client, chart, altWords, { channel: channelId, threadTs, filename: `budget-${corProjectId}.png`, title });
      return { ok: true };
    } catch (err) {
      return { ok: false, error: slackFailureOf(err).error };
    }
  }
}
