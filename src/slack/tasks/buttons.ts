import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import { tenantOfInteraction, parseJsonText } from '../payloads.ts';
import { linkCard, textsFor, textsOfLink, zoneOf } from '../person.ts';
import type { SlackServices } from '../services.ts';
import { tasksMessage } from './blocks.ts';
import { tasksMatching } from './command.ts';
import { openTaskStatusModal } from './open-status-form.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

const moreSchema = z.object({ o: z.number().int().min(0).max(10_000), q: z.string().max(500) });


/** The clicker's link, or the link card in their place (answered through the response_url). */
async function clickerLink(services: SlackServices, args: ActionArgs): Promise<UserLinkRecord | undefined> {
  const tenantKey = tenantOfInteraction(args.body);
  try {
    return await services.linking.requireLink(tenantKey, args.body.user.id);
  } catch (err) {
    if (!(err instanceof AppError) || (err.code !== 'not_linked' && err.code !== 'needs_relink')) throw err;
    const consentUrl = await services.linking.consentUrl(tenantKey, args.body.user.id);
    if (args.body.response_url) await args.respond({ response_type: 'ephemeral', replace_original: false, ...linkCard(await textsFor(services, tenantKey, args.body.user.id), { consentUrl, reason: err.code }) });
    return undefined;
  }
}

/** "Change status" on a task card: the status form (see openTaskStatusModal). */
function changeStatus(services: SlackServices) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const value = (args.action as ButtonAction).value ?? '';
    if (!/^\d{1,12}$/.test(value)) return;
    const link = await clickerLink(services, args);
    if (!link) return;
    await openTaskStatusModal(services, args.client, { triggerId: args.body.trigger_id, link, taskId: Number(value), responseUrl: args.body.response_url });
  };
}

/** "Show more" under `/cor tasks`: the next page, in place. */
function more(services: SlackServices) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const page = moreSchema.safeParse(parseJsonText((args.action as ButtonAction).value));
    if (!page.success) return;
    const link = await clickerLink(services, args);
    if (!link) return;
    const { tz } = await zoneOf(services, link);
    const open = await services.tasks.openTasks(link, services.linking.apiFor(link));
    const tasks = tasksMatching(open, page.data.q);
    const t = await textsOfLink(services, link);
    await args.respond({ response_type: 'ephemeral', replace_original: true, ...tasksMessage(t, { tasks, query: page.data.q || undefined, offset: Math.min(page.data.o, Math.max(0, tasks.length - 1)) }, services.clock.now(), tz, services.corTaskUrl) });
  };
}

export const taskActions = { changeStatus, more };
