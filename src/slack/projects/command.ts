import { AppError, toUserMessage } from '../../errors.ts';
import type { SubcommandHandler } from '../command.ts';
import { tenantOfCommand } from '../payloads.ts';
import { answerWithLinkCard, textsFor, zoneOf } from '../person.ts';
import type { SlackServices } from '../services.ts';
import { budgetAlertsSubcommand, budgetStatusSubcommand } from './budget-command.ts';
import { type ProjectModalMeta, projectModal, projectModalLoading, projectModalMessage } from './blocks.ts';

/**
 * `/cor project new | edit`: the project form (`status` and `alerts` are the channel project's budget) for this channel. It opens at once (the trigger lasts 3 s) and
 * fills in once COR has said the person's role allows it.
 */
export function projectSubcommand(services: SlackServices): SubcommandHandler {
  const status = budgetStatusSubcommand(services);
  const alerts = budgetAlertsSubcommand(services);
  return async (args, command, rest) => {
    const [word = '', ...more] = rest.trim().split(/\s+/);
    if (word.toLowerCase() === 'status') return status(args, command, more.join(' '));
    if (word.toLowerCase() === 'alerts') return alerts(args, command, more.join(' '));
    const tenantKey = tenantOfCommand(command);
    // Before the ack: what the store knows of their language, no Slack call.
    const t = await textsFor(services, tenantKey, command.user_id, { askSlack: false });
    const mode = rest === 'new' ? 'new' : rest === 'edit' ? 'edit' : undefined;
    if (!mode) return void (await args.ack({ response_type: 'ephemeral', text: t.t('project.usage') }));
    if (!services.projects.enabled) return void (await args.ack({ response_type: 'ephemeral', text: t.t('project.off') }));
    const channelId = command.channel_id;
    if (!channelId) return void (await args.ack({ response_type: 'ephemeral', text: t.t('project.noChannel') }));
    await args.ack();
    let link;
    try {
      link = await services.linking.requireLink(tenantKey, command.user_id);
    } catch (err) {
      if (err instanceof AppError && (err.code === 'not_linked' || err.code === 'needs_relink')) return answerWithLinkCard(services, args.respond, command, err.code);
      throw err;
    }
    const { tz } = await zoneOf(services, link);
    const meta: ProjectModalMeta = { t: tenantKey, u: command.user_id, c: channelId, mode, tz, n: command.channel_name ?? channelId };
    const opened = await args.client.views.open({ trigger_id: command.trigger_id, view: projectModalLoading(t, meta) });
    const viewId = opened.view?.id;
    if (!viewId) return;
    const show = (view: ReturnType<typeof projectModalLoading>) => args.client.views.update({ view_id: viewId, view });
    const [allowed, existing] = await Promise.all([services.linking.isLead(link).catch((err: unknown) => err), services.projects.ofChannel(tenantKey, channelId)]);
    if (allowed instanceof Error) return void (await show(projectModalMessage(t, meta, toUserMessage(allowed, t))));
    if (!allowed) return void (await show(projectModalMessage(t, meta, t.t('project.notLead'))));
    if (mode === 'new' && existing) return void (await show(projectModalMessage(t, meta, t.t('project.already', { name: existing.name }))));
    if (mode === 'edit' && !existing) return void (await show(projectModalMessage(t, meta, t.t('project.refusal.no_project'))));
    await show(projectModal(t, meta, { name: mode === 'new' ? meta.n : existing?.name }));
  };
}
