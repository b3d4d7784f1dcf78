import type { WebClient } from '@slack/web-api';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { cacheOptions, PER_TENANT_MAX } from '../../lib/cache.ts';
import type { Clock } from '../../lib/clock.ts';
import type { DigestContent, DigestSlack, NudgeContent, NudgeSent, PostResult } from '../../domain/digests/service.ts';
import type { SlackDirectory } from '../../domain/linking.ts';
import type { DigestRecord } from '../../store/digests.ts';
import type { ReminderRecipient } from '../../store/links.ts';
import type { SlackClients } from '../services.ts';
import { slackFailureOf } from '../slack-errors.ts';
import { formatDate } from '../blocks.ts';
import { digestMessage, nudgeMessage } from './blocks.ts';

/** Groups change when an admin edits them: read again after this. */
const GROUP_TTL_MS = 5 * 60_000;

/** Slack errors that pass by themselves: the digest is tried again later; any other ends it (its lead is told). */
const TRANSIENT = new Set(['ratelimited', 'rate_limited', 'internal_error', 'service_unavailable', 'request_timeout', 'team_added_to_org']);



const membersSchema = z.object({ users: z.array(z.string()).default([]) });
const groupsSchema = z.object({ usergroups: z.array(z.object({ id: z.string(), name: z.string(), handle: z.string().optional() })).default([]) });

/** Digests in Slack: a user group's people, the digest message (names, never mentions), and nudges by DM. */
export class SlackDigestMessenger implements DigestSlack {
  readonly #clients: SlackClients;
  readonly #directory: SlackDirectory;
  /** a workspace's user groups (the form's type-ahead asks on every keystroke), for a few minutes */
  readonly #groupList: LRUCache<string, { id: string; name: string; handle?: string | undefined }[]>;
  /** a user group's members by "tenant|group", for a few minutes: a digest's Nudge and Send link buttons ask again */
  readonly #groups: LRUCache<string, string[], { tenantKey: string; usergroup: string }>;

  constructor(clients: SlackClients, directory: SlackDirectory, clock: Clock) {
    this.#clients = clients;
    this.#directory = directory;
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
    const message = digestMessage(content, names);
    try {
      const posted = await client.chat.postMessage({ channel: digest.channelId, text: message.text, blocks: message.blocks, unfurl_links: false });
      return { ok: true, channelId: String(posted.channel), messageTs: String(posted.ts) };
    } catch (err) {
      const { error, answered } = slackFailureOf(err);
      // The request broke off (or Slack failed inside): it may be posted, so never again.
      if (!answered || error === 'fatal_error') return { ok: false, permanent: false, uncertain: true, error };
      if (TRANSIENT.has(error)) return { ok: false, permanent: false, error };
      // Its owner learns why it did not arrive (the bot is not in that channel, most often).
      await client.chat
        .postMessage({ channel: digest.ownerSlackUserId, text: `I could not post your digest in ${digest.channelId === digest.ownerSlackUserId ? 'our DM' : `<#${digest.channelId}>`} (${error}). ${error === 'not_in_channel' ? 'Invite me there, or pick another channel' : 'Check it'} with \`/cor digest\`.` })
        .catch(() => undefined);
      return { ok: false, permanent: true, error };
    }
  }

  async unknown(digest: DigestRecord, days: string[]): Promise<void> {
    const where = digest.channelId === digest.ownerSlackUserId ? 'our DM' : `<#${digest.channelId}>`;
    const about = days[0] ? ` about ${days.length > 1 ? `the week of ${formatDate(days[0])}` : formatDate(days[0])}` : '';
    await (await this.#clients.forTenant(digest.tenantKey)).chat.postMessage({
      channel: digest.ownerSlackUserId,
      text: `I cannot tell whether your digest${about} went out in ${where} (I was stopped, or Slack did not answer, while posting it). Look there; I did not post it again, so it cannot show twice.`,
    });
  }

  async ownerNoLongerLeads(digest: DigestRecord): Promise<void> {
    await (await this.#clients.forTenant(digest.tenantKey)).chat.postMessage({
      channel: digest.ownerSlackUserId,
      text: 'Your digest was not sent: COR no longer gives you the C-Level, Director or Project Manager role, and digests are for leads. Pause or delete it with `/cor digest`.',
    });
  }

  async nudge(person: ReminderRecipient, content: NudgeContent): Promise<NudgeSent> {
    const message = nudgeMessage(content);
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
