import type { GlobalShortcut } from '@slack/bolt';
import { tenantKeyOf } from '../../../domain/tenant.ts';
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
    const tenantKey = tenantKeyOf({ teamId: s.user.team_id ?? s.team?.id, enterpriseId: s.enterprise?.id, isEnterpriseInstall: s.is_enterprise_install });
    const opened = await openLogModal(services, client, { triggerId: s.trigger_id, tenantKey, userId: s.user.id });
    if (!opened) {
      const consentUrl = await services.linking.consentUrl(tenantKey, s.user.id);
      await client.chat.postMessage({ channel: s.user.id, ...linkCard({ consentUrl, reason: 'not_linked' }) });
    }
  });
}
