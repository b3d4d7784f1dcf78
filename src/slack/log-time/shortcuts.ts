import type { AllMiddlewareArgs, GlobalShortcut, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { taskIdIn } from '../../domain/parse/log-command.ts';
import { tenantOfInteraction } from '../payloads.ts';
import { linkCard, textsFor } from '../person.ts';
import type { SlackServices } from '../services.ts';
import { openLogModal } from './open-form.ts';

type ShortcutArgs = SlackShortcutMiddlewareArgs & AllMiddlewareArgs;

/** Global shortcut "Log time to COR": the log-time modal, or a DM with the link card for someone not linked. */
export function logTimeShortcut(services: SlackServices) {
  return async ({ ack, shortcut, client }: ShortcutArgs): Promise<void> => {
    await ack();
    const s = shortcut as GlobalShortcut;
    const tenantKey = tenantOfInteraction(s);
    const opened = await openLogModal(services, client, { triggerId: s.trigger_id, tenantKey, userId: s.user.id });
    if (!opened) {
      const consentUrl = await services.linking.consentUrl(tenantKey, s.user.id);
      await client.chat.postMessage({ channel: s.user.id, ...linkCard(await textsFor(services, tenantKey, s.user.id), { consentUrl, reason: 'not_linked' }) });
    }
  };
}

/** Message shortcut "Log time to COR": the form with the message as the note, and its task when it links one. */
export function logTimeFromMessageShortcut(services: SlackServices) {
  return async ({ ack, shortcut, client, respond }: ShortcutArgs): Promise<void> => {
    await ack();
    const s = shortcut as MessageShortcut;
    const tenantKey = tenantOfInteraction(s);
    const text = s.message.text ?? '';
    const opened = await openLogModal(services, client, { triggerId: s.trigger_id, tenantKey, userId: s.user.id, taskId: taskIdIn(text), note: text.slice(0, 2_000) || undefined });
    if (!opened) {
      const consentUrl = await services.linking.consentUrl(tenantKey, s.user.id);
      await respond({ response_type: 'ephemeral', ...linkCard(await textsFor(services, tenantKey, s.user.id), { consentUrl, reason: 'not_linked' }) });
    }
  };
}
