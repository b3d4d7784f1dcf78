import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { ReminderMessenger, SendResult } from '../../domain/reminders/ports.ts';
import type { PeopleLanguages } from '../../domain/languages.ts';
import type { ReminderContent } from '../../domain/reminders/selection.ts';
import { type Texts, textsIn } from '../../i18n/texts.ts';
import type { Clock } from '../../lib/clock.ts';
import { validZone } from '../../lib/zoned.ts';
import type { ReminderRecipient } from '../../store/links.ts';
import type { ReminderDeliveryRecord } from '../../store/reminders.ts';
import type { SlackClients } from '../services.ts';
import { slackFailureOf } from '../slack-errors.ts';
import { reminderDoneMessage, reminderMessage } from './blocks.ts';

/** Slack answers that will not change by trying again later: the DM is given up (and said so in the ledger). */
const PERMANENT = new Set([
  'channel_not_found',
  'user_not_found',
  'account_inactive',
  'user_disabled',
  'cannot_dm_bot',
  'is_archived',
  'not_in_channel',
  'invalid_blocks',
  'msg_too_long',
  'no_text',
  'unknown_tenant',
]);

/** Reminder DMs carry their delivery id in message metadata, so a retry can find one already posted. */
const METADATA_TYPE = 'cor_reminder';

const historySchema = z.object({
  messages: z.array(
    z.object({
      ts: z.string(),
      metadata: z.object({ event_type: z.string().optional(), event_payload: z.object({ delivery_id: z.string().optional() }).passthrough().optional() }).optional(),
    }),
  ),
});

const AWAY_EMOJI = new Set([':palm_tree:', ':desert_island:', ':beach_with_umbrella:', ':airplane:', ':face_with_thermometer:', ':thermometer:', ':mask:', ':sick:', ':baby:', ':out_of_office:']);
const AWAY_TEXT = /\b(vacation|vacationing|on holiday|holidays|out of (the )?office|ooo|pto|sick|on leave|parental leave|vacaciones|de viaje|fuera de (la )?oficina|de licencia|enfermo|enferma|ferias|férias|de folga|fora do escrit[oó]rio|doente)\b/i;

const zoneSchema = z.object({ user: z.object({ tz: z.string().min(1).optional() }) });

const statusSchema = z.object({
  user: z.object({
    profile: z
      .object({ status_text: z.string().optional(), status_emoji: z.string().optional(), status_expiration: z.number().optional() })
      .optional(),
  }),
});

/** Reminder DMs through the Web API: posted in the app's DM with the person, redrawn in place. */
export class SlackReminderMessenger implements ReminderMessenger {
  readonly #clients: SlackClients;
  readonly #clock: Clock;
  readonly #languages: PeopleLanguages;

  constructor(clients: SlackClients, clock: Clock, languages: PeopleLanguages) {
    this.#clients = clients;
    this.#clock = clock;
    this.#languages = languages;
  }

  /**
   * The reminded person's words: what the store knows (their choice, their link's Slack locale, kept current by
   * user_change), else the workspace default. No users.info per DM: a sweep sends thousands.
   */
  async #textsOf(link: ReminderRecipient): Promise<Texts> {
    return textsIn(await this.#languages.of(link.tenantKey, link.slackUserId, { link, askSlack: false }).catch(() => this.#languages.defaultLanguage));
  }

  async send(link: ReminderRecipient, delivery: Pick<ReminderDeliveryRecord, 'id' | 'attempts' | 'messageTs'>, content: ReminderContent): Promise<SendResult> {
    const deliveryId = delivery.id;
    try {
      const client = await this.#clients.forTenant(link.tenantKey);
      if (delivery.attempts > 1) {
        // An earlier attempt may have posted it and died before recording it: find it rather than post twice.
        const found = await this.#find(client, link.slackUserId, deliveryId, delivery.messageTs);
        if (found) return { ok: true, ...found };
      }
      const answer = await client.chat.postMessage({
        channel: link.slackUserId,
        ...reminderMessage(await this.#textsOf(link), content, deliveryId),
        metadata: { event_type: METADATA_TYPE, event_payload: { delivery_id: deliveryId } },
      });
      if (!answer.channel || !answer.ts) return { ok: false, permanent: false, uncertain: true, error: 'no_ts' };
      return { ok: true, channelId: answer.channel, messageTs: answer.ts };
    } catch (err) {
      // Slack that did not answer (a timeout, a dropped connection) may have posted it: the retry looks first.
      const { error, answered, retryAfterMs } = slackFailureOf(err);
      return { ok: false, permanent: PERMANENT.has(error), uncertain: !answered, error, retryAfterMs };
    }
  }

  async #find(client: WebClient, userId: string, deliveryId: string, after: string | null): Promise<{ channelId: string; messageTs: string } | undefined> {
    const channelId = z.object({ channel: z.object({ id: z.string() }) }).parse(await client.conversations.open({ users: userId })).channel.id;
    const history = historySchema.parse(await client.conversations.history({ channel: channelId, limit: 50, include_all_metadata: true }));
    const newer = (ts: string) => after === null || Number(ts) > Number(after);
    const mine = history.messages.find((m) => m.metadata?.event_type === METADATA_TYPE && m.metadata.event_payload?.delivery_id === deliveryId && newer(m.ts));
    return mine ? { channelId, messageTs: mine.ts } : undefined;
  }

  async update(link: ReminderRecipient, delivery: ReminderDeliveryRecord, content: ReminderContent): Promise<void> {
    if (!delivery.channelId || !delivery.messageTs) return;
    const client = await this.#clients.forTenant(link.tenantKey);
    const t = await this.#textsOf(link);
    const message = content.logged >= content.target - 0.01 ? reminderDoneMessage(t, content) : reminderMessage(t, content, delivery.id);
    await client.chat.update({ channel: delivery.channelId, ts: delivery.messageTs, ...message });
  }

  async timeZone(link: ReminderRecipient): Promise<string | undefined> {
    const client = await this.#clients.forTenant(link.tenantKey);
    return validZone(zoneSchema.parse(await client.users.info({ user: link.slackUserId })).user.tz);
  }

  async isAway(link: ReminderRecipient): Promise<boolean> {
    const client = await this.#clients.forTenant(link.tenantKey);
    const profile = statusSchema.parse(await client.users.info({ user: link.slackUserId })).user.profile;
    if (!profile) return false;
    const expires = profile.status_expiration ?? 0;
    if (expires > 0 && expires * 1000 < this.#clock.now().getTime()) return false;
    return AWAY_EMOJI.has(profile.status_emoji ?? '') || AWAY_TEXT.test(profile.status_text ?? '');
  }
}
