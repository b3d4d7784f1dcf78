import type { WebClient } from '@slack/web-api';
import { isGoneInCor, toUserMessage } from '../../errors.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import type { SlackServices } from '../services.ts';
import { type TaskModalMeta, taskModalForm, taskModalLoading, taskModalMessage } from './blocks.ts';
import { textsFor } from '../person.ts';

/**
 * Opens the task status form at once with a loading state (a trigger lasts 3 s), then fills it in when COR
 * has answered, so a slow COR never costs the person their click. From a card, a shortcut or App Home.
 */
export async function openTaskStatusModal(
  services: SlackServices,
  client: WebClient,
  opts: { triggerId: string; link: UserLinkRecord; taskId: number; responseUrl?: string | undefined },
): Promise<void> {
  const { link, taskId } = opts;
  const meta: TaskModalMeta = { t: link.tenantKey, u: link.slackUserId, task: taskId, ...(opts.responseUrl ? { r: opts.responseUrl } : {}) };
  // The trigger lasts 3 s: the language from what is stored (no Slack call before the form is open).
  const t = await textsFor(services, link.tenantKey, link.slackUserId, { link, askSlack: false });
  const opened = await client.views.open({ trigger_id: opts.triggerId, view: taskModalLoading(t, meta) });
  const viewId = opened.view?.id;
  if (!viewId) return;
  const api = services.linking.apiFor(link);
  let view;
  try {
    const [task] = await Promise.all([services.tasks.fresh(link, api, taskId), services.tasks.openTasks(link, api).catch(() => [])]);
    view = taskModalForm(t, task, services.tasks.statusOptions(link, task.status), meta);
  } catch (err) {
    const gone = isGoneInCor(err);
    view = taskModalMessage(t, meta, gone ? t.t('tasks.form.gone', { id: String(taskId) }) : toUserMessage(err, t));
  }
  await client.views.update({ view_id: viewId, hash: opened.view?.hash, view });
}
