import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { taskIdIn } from '../../domain/parse/log-command.ts';
import { tenantOfEvent } from '../payloads.ts';
import { textsOfLink, zoneOf } from '../person.ts';
import type { SlackServices } from '../services.ts';
import { taskCard } from './blocks.ts';

const eventSchema = z.object({
  channel: z.string().min(1),
  user: z.string().min(1),
  message_ts: z.string().optional(),
  unfurl_id: z.string().optional(),
  source: z.enum(['composer', 'conversations_history']).optional(),
  links: z.array(z.object({ url: z.string().max(2_000), domain: z.string() })).max(20),
});

/** At most this many COR links are unfurled per message (each is a COR read). */
const MAX_UNFURLS = 5;

/**
 * A COR task link was shared: it unfurls as the task's card (status, priority, deadline, the two actions),
 * read as the person who shared it. Someone not linked to COR gets no preview: the bot cannot read COR for them.
 */
export function linkShared(services: SlackServices) {
  return async ({ event, body, client, context }: SlackEventMiddlewareArgs<'link_shared'> & AllMiddlewareArgs): Promise<void> => {
    const parsed = eventSchema.safeParse(event);
    if (!parsed.success) return;
    const e = parsed.data;
    const tenantKey = tenantOfEvent(context, body);
    const link = await services.linking.findLink(tenantKey, e.user);
    if (!link || link.state !== 'active') return;
    const api = services.linking.apiFor(link);
    const { tz } = await zoneOf(services, link);
    // In the language of the person who shared it (the preview is theirs).
    const t = await textsOfLink(services, link);
    const unfurls: Record<string, { blocks: ReturnType<typeof taskCard>['blocks'] }> = {};
    for (const shared of e.links.slice(0, MAX_UNFURLS)) {
      const taskId = taskIdIn(shared.url);
      if (taskId === undefined) continue;
      const task = await services.tasks.fresh(link, api, taskId).catch(() => undefined);
      if (task) unfurls[shared.url] = { blocks: taskCard(t, task, services.clock.now(), tz, services.corTaskUrl(task.id)).blocks };
    }
    if (Object.keys(unfurls).length === 0) return;
    if (e.unfurl_id && e.source) await client.chat.unfurl({ unfurl_id: e.unfurl_id, source: e.source, unfurls });
    else if (e.message_ts) await client.chat.unfurl({ channel: e.channel, ts: e.message_ts, unfurls });
  };
}
