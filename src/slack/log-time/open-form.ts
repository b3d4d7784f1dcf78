import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { localParts } from '../../lib/zoned.ts';
import { textsOfLink, zoneOf } from '../person.ts';
import type { SlackServices } from '../services.ts';
import { logModal } from './form-blocks.ts';

/** What the log-time modal carries in private_metadata: whose it is. */
export const modalMetaSchema = z.object({ t: z.string().min(1), u: z.string().min(1), tz: z.string().min(1) });
type ModalMeta = z.infer<typeof modalMetaSchema>;

/**
 * Opens the log-time modal at once (the trigger lasts 3 s, so nothing here waits on COR) and warms the
 * person's open-task list in the background so the task type-ahead answers from it.
 * Returns false when the person is not linked (the caller shows the link card).
 */
export async function openLogModal(
  services: SlackServices,
  client: WebClient,
  opts: { triggerId: string; tenantKey: string; userId: string; taskId?: number | undefined; note?: string | undefined; date?: string | undefined },
): Promise<boolean> {
  const link = await services.linking.requireLink(opts.tenantKey, opts.userId).catch(() => undefined);
  if (!link) return false;
  const { tz } = await zoneOf(services, link);
  const t = await textsOfLink(services, link);
  const meta: ModalMeta = { t: opts.tenantKey, u: opts.userId, tz };
  const api = services.linking.apiFor(link);
  const known = opts.taskId === undefined ? undefined : services.tasks.cachedOpenTasks(link)?.find((t) => t.id === opts.taskId);
  const task = opts.taskId === undefined ? undefined : (known ?? { id: opts.taskId, title: t.t('log.form.taskNumbered', { taskId: String(opts.taskId) }), project: undefined });
  const today = localParts(services.clock.now(), tz).date;
  await client.views.open({
    trigger_id: opts.triggerId,
    view: logModal(t, { today: opts.date && opts.date < today ? opts.date : today, meta: JSON.stringify(meta), task, note: opts.note }),
  });
  void services.work.track(services.tasks.openTasks(link, api).catch((err: unknown) => services.logger.warn({ err }, 'could not warm the task list')));
  return true;
}
