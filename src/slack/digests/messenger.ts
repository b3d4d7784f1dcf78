import type { WebClient } from '@slack/web-api';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { cacheOptions, PER_TENANT_MAX } from '../../lib/cache.ts';
import type { Clock } from '../../lib/clock.ts';
import type { ChartResult, DigestContent, DigestSlack, NudgeContent, NudgeSent, PostResult } from '../../domain/digests/service.ts';
import type { PeopleLanguages } from '../../domain/languages.ts';
import type { SlackDirectory } from '../../domain/linking.ts';
import { type Texts, textsIn } from '../../i18n/texts.ts';
import type { DigestRecord } from '../../store/digests.ts';
import type { ReminderRecipient } from '../../store/links.ts';
import { uploadChart } from '../files.ts';
import type { SlackClients } from '../services.ts';
import { isTransientSlackError, slackFailureOf } from '../slack-errors.ts';
import { digestChart, digestMessage, nudgeMessage } from './blocks.ts';

/** Groups change when an admin edits them: read again after this. */
const GROUP_TTL_MS = 5 * 60_000;


const membersSchema = z.object({ users: z.array(z.string()).default([]) });
const groupsSchema = z.object({ usergroups: z.array(z.object({ id: z.string(), name: z.string(), handle: z.string().optional() })).default([]) });

/** Digests in Slack: a user group's people, the digest message (names, never mentions), and nudges by DM. */
export class SlackDigestMessenger implements DigestSlack {
  readonly #clients: SlackClients;
  readonly #directory: SlackDirectory;
  readonly #languages: PeopleLanguages;
  /** a workspace's user groups (the form's type-ahead asks on every keystroke), for a few minutes */
  readonly #groupList: LRUCache<string, { id: string; name: string; handle?: string | undefined }[]>;
  /** a user group's members by "tenant|group", for a few minutes: a digest's Nudge and Send link buttons ask again */
  readonly #groups: LRUCache<string, string[], { tenantKey: string; usergroup: string }>;

  constructor(clients: SlackClients, directory: SlackDirectory, clock: Clock, languages: PeopleLanguages) {
    this.#clients = clients;
    this.#directory = directory;
    this.#languages = languages;
    this.#groupList = new LRUCache({
      ...cacheOptions(clock, PER_TENANT_MAX, GROUP_TTL_MS),
      fetchMethod: async (tenantKey) => groupsSchema.parse(await (await this.#clients.forTenant(tenantKey)).usergroups.list({})).usergroups,
    });
    this.#groups = new LRUCache({
      ...cacheOptions(clock, PER_TENANT_MAX, GROUP_TTL_MS),
      fetchMethod: async (_key, _stale, { context }) => {
        const client = await this.#clients.forTenant(context.tenantKey);
        return membersSchema.parse(await client.usergroups.users.list({ usergroup: context.usergroup })).users;
      },
    });
  }

  /** A person's words (the workspace default when the store does not answer). */
  async #textsOf(tenantKey: string, slackUserId: string): Promise<Texts> {
    return textsIn(await this.#languages.of(tenantKey, slackUserId).catch(() => this.#languages.defaultLanguage));
  }

  /** The digest's words: the language its owner picked for it, else the owner's own. */
  async #textsOfDigest(digest: DigestRecord): Promise<Texts> {
    return digest.language ? textsIn(digest.language) : this.#textsOf(digest.tenantKey, digest.ownerSlackUserId);
  }

  async userGroups(tenantKey: string): Promise<{ id: string; name: string; handle?: string | undefined }[]> {
    return this.#groupList.forceFetch(tenantKey);
  }

  async members(digest: DigestRecord): Promise<string[]> {
    if (digest.audience.kind === 'people') return digest.audience.slackUserIds;
    if (digest.audience.kind !== 'usergroup') return [];
    const context = { tenantKey: digest.tenantKey, usergroup: digest.audience.usergroupId };
    return this.#groups.forceFetch(`${context.tenantKey}|${context.usergroup}`, { context });
  }

  async post(content: DigestContent): Promise<PostResult> {
    const { digest } = content;
    let client: WebClient;
    try {
      client = await this.#clients.forTenant(digest.tenantKey);
    } catch (err) {
      return { ok: false, permanent: true, error: slackFailureOf(err).error };
    }
    // People not linked to COR are named from their Slack profile (linked ones by their COR name).
    const unlinked = content.rows.flatMap((r) => (r.kind === 'unlinked' && r.slackUserId ? [r.slackUserId] : []));
    const names = new Map(await Promise.all(unlinked.map(async (id) => [id, (await this.#directory.profile(digest.tenantKey, id).catch(() => undefined))?.realName ?? id] as const)));
    const message = digestMessage(await this.#textsOfDigest(digest), content, names);
    try {
      const posted = await client.chat.postMessage({ channel: digest.channelId, text: message.text, blocks: message.blocks, unfurl_links: false });
      return { ok: true, channelId: String(posted.channel), messageTs: String(posted.ts) };
    } catch (err) {
      const { error, answered } = slackFailureOf(err);
      // The request broke off (or Slack failed inside): it may be posted, so never again.
      if (!answered || error === 'fatal_error') return { ok: false, permanent: false, uncertain: true, error };
      if (isTransientSlackError(error)) return { ok: false, permanent: false, error };
      // Its owner learns why it did not arrive (the bot is not in that channel, most often).
      // Its owner learns it in their own language (not the digest's).
      const t = await this.#textsOf(digest.tenantKey, digest.ownerSlackUserId);
      const where = digest.channelId === digest.ownerSlackUserId ? t.t('digest.where.ourDm') : `<#${digest.channelId}>`;
      await client.chat.postMessage({ channel: digest.ownerSlackUserId, text: t.t('digest.postFailed', { where, error, notInChannel: error === 'not_in_channel' ? 'yes' : 'no' }) }).catch(() => undefined);
      return { ok: false, permanent: true, error };
    }
  }

  /** Drawn here (tens of ms of CPU, after the digest is posted), in the digest's language, and shared once: a failed upload is said, not retried. */
  async chart(content: DigestContent, posted: { channelId: string; messageTs: string }): Promise<ChartResult> {
    const drawn = digestChart(await this.#textsOfDigest(content.digest), content);
    if (!drawn) return { ok: true, shared: false };
    try {
      const client = await this.#clients.forTenant(content.digest.tenantKey);
      const filename = `digest-${content.period.period.replace(':', '-')}.png`;
      await uploadChart(client, drawn.chart, drawn.altText, { channel: posted.channelId, threadTs: posted.messageTs, filename, title: drawn.title });
      return { ok: true, shared: true };
    } catch (err) {
      return { ok: false, error: slackFailureOf(err).error };
    }
  }

  async unknown(digest: DigestRecord, days: string[]): Promise<void> {
    const t = await this.#textsOf(digest.tenantKey, digest.ownerSlackUserId);
    const where = digest.channelId === digest.ownerSlackUserId ? t.t('digest.where.ourDm') : `<#${digest.channelId}>`;
    const about = !days[0] ? 'none' : days.length > 1 ? 'week' : 'day';
    await (await this.#clients.forTenant(digest.tenantKey)).chat.postMessage({
      channel: digest.ownerSlackUserId,
      text: t.t('digest.unknown', { about, date: days[0] ? t.day(days[0]) : '', where }),
    });
  }

  async ownerNoLongerLeads(digest: DigestRecord): Promise<void> {
    await (await this.#clients.forTenant(digest.tenantKey)).chat.postMessage({
      channel: digest.ownerSlackUserId,
      text: (await this.#textsOf(digest.tenantKey, digest.ownerSlackUserId)).t('digest.ownerNoLongerLeads'),
    });
  }

  async nudge(person: ReminderRecipient, content: NudgeContent): Promise<NudgeSent> {
    // In the nudged person's language (not the lead's).
    const message = nudgeMessage(await this.#textsOf(person.tenantKey, person.slackUserId), content);
    const client = await this.#clients.forTenant(person.tenantKey);
    try {
      await client.chat.postMessage({ channel: person.slackUserId, text: message.text, blocks: message.blocks });
      return { ok: true };
    } catch (err) {
      const { error, answered } = slackFailureOf(err);
      return { ok: false, uncertain: !answered, error };
    }
  }
}
