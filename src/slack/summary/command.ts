import { addDays, localParts } from '../../lib/zoned.ts';
import type { SubcommandHandler } from '../command.ts';
import { tenantOfCommand } from '../payloads.ts';
import { textsFor, textsOfLink, withLinkOrCard, zoneOf } from '../person.ts';
import type { SlackServices } from '../services.ts';
import { todayMessage, weekMessage } from './blocks.ts';

/** `/cor today` and `/cor week`: what was logged, from GET /hours, against the person's targets. */
export function summarySubcommand(services: SlackServices, period: 'today' | 'week'): SubcommandHandler {
  return async (args, command) => {
    const early = await textsFor(services, tenantOfCommand(command), command.user_id, { askSlack: false });
    await args.ack({ response_type: 'ephemeral', text: early.t('summary.reading') });
    await withLinkOrCard(services, args.respond, command, async (link) => {
      const t = await textsOfLink(services, link);
      const { tz } = await zoneOf(services, link);
      const today = localParts(services.clock.now(), tz);
      const from = period === 'today' ? today.date : addDays(today.date, 1 - today.weekday);
      const to = period === 'today' ? today.date : addDays(from, 6);
      const summary = await services.entries.summary(link, tz, from, to);
      const message = period === 'today' ? todayMessage(t, summary, tz) : weekMessage(t, summary);
      await args.respond({ response_type: 'ephemeral', replace_original: true, ...message });
    });
  };
}
