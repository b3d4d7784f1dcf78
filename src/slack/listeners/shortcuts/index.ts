import { tenantOfInteraction } from '../../payloads.ts';
import type { GlobalShortcut, MessageShortcut } from '@slack/bolt';
import { taskIdIn } from '../../../domain/parse/log-command.ts';
import { openTaskStatusModal } from '../../task-modal.ts';
import { openLogModal } from '../../log-modal.ts';
import type { SlackServices } from '../../services.ts';
import { SHORTCUTS } from '../../views/ids.ts';
import { linkCard } from '../../views/linking.ts';
import type { ListenerRegistry } from '../registry.ts';

export function registerShortcuts(registry: ListenerRegistry, services: SlackServices): void {
  // Global shortcut "Log time to COR": the log-time modal, or a DM with the link card for someone not linked.
  registry.shortcut(SHORTCUTS.logTime, async ({ ack, shortcut, client }) => {
    await ack();
    const s = shortcut as GlobalShortcut;
    const tenantKey = tenantOfInteraction(s);
    const opened = await openLogModal(services, client, { triggerId: s.trigger_id, tenantKey, userId: s.user.id });
    if (!opened) {
      const consentUrl = await services.linking.consentUrl(tenantKey, s.user.id);
      await client.chat.postMessage({ channel: s.user.id, ...linkCard({ consentUrl, reason: 'not_linked' }) });
    }
  });

  // Message shortcut "Log time to COR": the form with the message as the note, and its task when it links one.
  registry.shortcut(SHORTCUTS.logTimeFromMessage, async ({ ack, shortcut, client, respond }) => {
    await ack();
    const s = shortcut as MessageShortcut;
    const tenantKey = tenantOfInteraction(s);
    const text = s.message.text ?? '';
    const opened = await openLogModal(services, client, { triggerId: s.trigger_id, tenantKey, userId: s.user.id, taskId: taskIdIn(text), note: text.slice(0, 2_000) || undefined });
    if (!opened) {
      const consentUrl = await services.linking.consentUrl(tenantKey, s.user.id);
      await respond({ response_type: 'ephemeral', ...linkCard({ consentUrl, reason: 'not_linked' }) });
    }
  });

  // Message shortcut "Change COR task status": the status form for the task the message links.
  registry.shortcut(SHORTCUTS.taskStatusFromMessage, async ({ ack, shortcut, client, respond }) => {
    await ack();
    const s = shortcut as MessageShortcut;
    const tenantKey = tenantOfInteraction(s);
    const link = await services.linking.requireLink(tenantKey, s.user.id).catch(() => undefined);
    if (!link) {
      const consentUrl = await services.linking.consentUrl(tenantKey, s.user.id);
      await respond({ response_type: 'ephemeral', ...linkCard({ consentUrl, reason: 'not_linked' }) });
      return;
    }
    const taskId = taskIdIn(s.message.text ?? '') ?? taskIdIn(JSON.stringify(s.message.attachments ?? []));
    if (taskId === undefined) {
      await respond({ response_type: 'ephemeral', text: 'That message does not link a COR task (a COR task link or `#id`). Try `/cor task <words>`.' });
      return;
    }
    await openTaskStatusModal(services, client, { triggerId: s.trigger_id, link, taskId });
  });
}

