import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { taskIdIn } from '../../domain/parse/log-command.ts';
import { tenantOfInteraction } from '../payloads.ts';
import { linkCard, textsFor, textsOfLink } from '../person.ts';
import type { SlackServices } from '../services.ts';
import { openTaskStatusModal } from './open-status-form.ts';

/** Message shortcut "Change COR task status": the status form for the task the message links. */
export function taskStatusFromMessageShortcut(services: SlackServices) {
  return async ({ ack, shortcut, client, respond }: SlackShortcutMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const s = shortcut as MessageShortcut;
    const tenantKey = tenantOfInteraction(s);
    const link = await services.linking.requireLink(tenantKey, s.user.id).catch(() => undefined);
    if (!link) {
      const consentUrl = await services.linking.consentUrl(tenantKey, s.user.id);
      await respond({ response_type: 'ephemeral', ...linkCard(await textsFor(services, tenantKey, s.user.id), { consentUrl, reason: 'not_linked' }) });
      return;
    }
    const taskId = taskIdIn(s.message.text ?? '') ?? taskIdIn(JSON.stringify(s.message.attachments ?? []));
    if (taskId === undefined) {
      await respond({ response_type: 'ephemeral', text: (await textsOfLink(services, link)).t('tasks.shortcut.noTask') });
      return;
    }
    await openTaskStatusModal(services, client, { triggerId: s.trigger_id, link, taskId });
  };
}
