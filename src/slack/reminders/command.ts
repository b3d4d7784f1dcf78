import { applyRemindChanges, parseRemindCommand } from '../../domain/parse/remind-command.ts';
import { localParts } from '../../lib/zoned.ts';
import type { SubcommandHandler } from '../command.ts';
import { textsFor, textsOfLink, withLinkOrCard, zoneOf } from '../person.ts';
import { tenantOfCommand } from '../payloads.ts';
import type { SlackServices } from '../services.ts';
import { remindErrorMessage, settingsCard } from './blocks.ts';

/** `/cor remind [changes]`: shows the reminder settings, or changes them from words (`at 18:00`, `off`, `skip tomorrow`...). */
export function remindSubcommand(services: SlackServices): SubcommandHandler {
  return async (args, command, rest) => {
    const before = await textsFor(services, tenantOfCommand(command), command.user_id, { askSlack: false });
    await args.ack({ response_type: 'ephemeral', text: before.t('remind.reading') });
    await withLinkOrCard(services, args.respond, command, async (link) => {
      const { tz } = await zoneOf(services, link);
      const t = await textsOfLink(services, link);
      const current = await services.reminders.settings(link);
      const parsed = parseRemindCommand(rest, { today: localParts(services.clock.now(), tz).date });
      if (!parsed.ok) return void (await args.respond({ response_type: 'ephemeral', replace_original: true, ...remindErrorMessage(t, parsed.error) }));
      const changed = parsed.changes.length > 0;
      const setting = changed ? await services.reminders.saveSettings(link, applyRemindChanges(current, parsed.changes)) : current;
      if (changed) services.home.refresh(services, link);
      await args.respond({ response_type: 'ephemeral', replace_original: true, ...settingsCard(t, setting, tz, changed) });
    });
  };
}
