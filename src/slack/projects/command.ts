import { AppError, toUserMessage } from '../../errors.ts';
import type { SubcommandHandler } from '../command.ts';
import { tenantOfCommand } from '../payloads.ts';
import { answerWithLinkCard, textsFor, zoneOf } from '../person.ts';
import type { SlackServices } from '../services.ts';
import { type ProjectModalMeta, projectModal, projectModalLoading, projectModalMessage } from './blocks.ts';

const USAGE = '`/cor project new` makes this channel a COR project; `/cor project edit` changes it. (C-Level, Director and Project Manager roles in COR.)';

/**
 * `/cor project new | edit`: the project form for this channel. It opens at once (the trigger lasts 3 s) and
 * fills in once COR has said the person's role allows it.
 */
export function projectSubcommand(services: SlackServices): SubcommandHandler {
  return async (args, command, rest) => {
    const mode = rest === 'new' ? 'new' : rest === 'edit' ? 'edit' : undefined;
    if (!mode) return void (await args.ack({ response_type: 'ephemeral', text: USAGE }));
    if (!services.projects.enabled) {
      return void (await args.ack({ response_type: 'ephemeral', text: 'Projects from channels are not set up here: ask whoever runs this bot to set COR_INTEGRATION_SOURCE.' }));
    }
    const channelId = command.channel_id;
    if (!channelId) return void (await args.ack({ response_type: 'ephemeral', text: 'Run this in the channel that should become the project.' }));
    await args.ack();
    const tenantKey = tenantOfCommand(command);
    let link;
    try {
      link = await services.linking.requireLink(tenantKey, command.user_id);
    } catch (err) {
      if (err instanceof AppError && (err.code === 'not_linked' || err.code === 'needs_relink')) return answerWithLinkCard(services, args.respond, command, err.code);
      throw err;
    }
    const { tz } = await zoneOf(services, link);
    const meta: ProjectModalMeta = { t: tenantKey, u: command.user_id, c: channelId, mode, tz, n: command.channel_name ?? channelId };
    const opened = await args.client.views.open({ trigger_id: command.trigger_id, view: projectModalLoading(meta) });
    const viewId = opened.view?.id;
    if (!viewId) return;
    const show = (view: ReturnType<typeof projectModalLoading>) => args.client.views.update({ view_id: viewId, view });
    const [allowed, existing] = await Promise.all([services.linking.isLead(link).catch((err: unknown) => err), services.projects.ofChannel(tenantKey, channelId)]);
    if (allowed instanceof Error) return void (await show(projectModalMessage(meta, toUserMessage(allowed, await textsFor(services, tenantKey, command.user_id, { link })))));
    if (!allowed) return void (await show(projectModalMessage(meta, 'Only people with the C-Level, Director or Project Manager role in COR can create or change projects.')));
    if (mode === 'new' && existing) return void (await show(projectModalMessage(meta, `This channel is already the COR project *${existing.name}*: use \`/cor project edit\` to change it.`)));
    if (mode === 'edit' && !existing) return void (await show(projectModalMessage(meta, 'This channel has no COR project yet: use `/cor project new`.')));
    await show(projectModal(meta, { name: mode === 'new' ? meta.n : existing?.name }));
  };
}
