import { parseThresholds } from '../../domain/budget.ts';
import { toUserMessage } from '../../errors.ts';
import type { SubcommandHandler } from '../command.ts';
import { tenantOfCommand } from '../payloads.ts';
import { textsFor, textsOfLink, withLinkOrCard } from '../person.ts';
import type { SlackServices } from '../services.ts';
import type { WebClient } from '@slack/web-api';
import type { BudgetFacts } from '../../domain/budget.ts';
import type { Texts } from '../../i18n/texts.ts';
import { uploadChart } from '../files.ts';
import { budgetChart, budgetStatusMessage, budgetThresholdsSaved } from './budget-blocks.ts';

/** `/cor project status`: the channel project's hours against its estimate, ephemeral, read from COR now. */
export function budgetStatusSubcommand(services: SlackServices): SubcommandHandler {
  return async (args, command) => {
    const tenantKey = tenantOfCommand(command);
    const before = await textsFor(services, tenantKey, command.user_id, { askSlack: false });
    const channelId = command.channel_id;
    if (!channelId) return void (await args.ack({ response_type: 'ephemeral', text: before.t('budget.status.noProject') }));
    await args.ack({ response_type: 'ephemeral', text: before.t('budget.working') });
    const t = await textsFor(services, tenantKey, command.user_id);
    try {
      const status = await services.budget.status(tenantKey, channelId);
      const message = budgetStatusMessage(t, status);
      // The same burn chart as an alert's, shared in no conversation and shown by its file id (an ephemeral answer
      // carries no file of its own); without it when it cannot be drawn or uploaded.
      const chart = status.kind === 'budget' ? await statusChart(args.client, t, status.facts).catch(() => undefined) : undefined;
      const blocks = chart ? [...(message.blocks ?? []), { type: 'image' as const, slack_file: { id: chart.fileId }, alt_text: chart.altText }] : message.blocks;
      await args.respond({ response_type: 'ephemeral', replace_original: true, ...message, ...(blocks ? { blocks } : {}) });
    } catch (err) {
      await args.respond({ response_type: 'ephemeral', replace_original: true, text: toUserMessage(err, t) });
    }
  };
}

async function statusChart(client: WebClient, t: Texts, facts: BudgetFacts): Promise<{ fileId: string; altText: string }> {
  const { chart, title, altWords } = budgetChart(t, facts);
  return uploadChart(client, chart, altWords, { filename: 'budget.png', title });
}

/** `/cor project alerts 50,80,100 | off`: the channel's budget alert thresholds, changed by C-Level, Directors or the project's own PM in COR. */
export function budgetAlertsSubcommand(services: SlackServices): SubcommandHandler {
  return async (args, command, words) => {
    const tenantKey = tenantOfCommand(command);
    const before = await textsFor(services, tenantKey, command.user_id, { askSlack: false });
    const parsed = parseThresholds(words);
    const channelId = command.channel_id;
    if (!channelId) return void (await args.ack({ response_type: 'ephemeral', text: before.t('budget.status.noProject') }));
    if (!parsed) return void (await args.ack({ response_type: 'ephemeral', text: before.t('budget.alerts.usage') }));
    await args.ack({ response_type: 'ephemeral', text: before.t('budget.working') });
    await withLinkOrCard(services, args.respond, command, async (link) => {
      const t = await textsOfLink(services, link);
      const answer = (text: string) => args.respond({ response_type: 'ephemeral', replace_original: true, text });
      try {
        const project = await services.projects.ofChannel(tenantKey, channelId);
        if (!project) return void (await answer(t.t('budget.status.noProject')));
        const roleId = await services.linking.roleOf(link);
        if (!(await services.budget.mayChangeThresholds(roleId, link.corUserId, project.corProjectId))) return void (await answer(t.t('budget.alerts.notLead')));
        const thresholds = parsed === 'off' ? [] : parsed;
        await services.budget.setThresholds(tenantKey, channelId, thresholds, command.user_id);
        await answer(budgetThresholdsSaved(t, thresholds));
      } catch (err) {
        await answer(toUserMessage(err, t));
      }
    });
  };
}
