import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { TimeEntryRequestRecord } from '../../store/outbox.ts';
import { formatMinutes, type Message, section } from '../blocks.ts';
import { minutesOf, whenLine } from '../entry-answers.ts';
import { parseJsonText, tenantOfInteraction } from '../payloads.ts';
import { zoneOf } from '../person.ts';
import type { SlackServices } from '../services.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

const undoSchema = z.object({ t: z.string().min(1), u: z.string().min(1), r: z.array(z.string().min(1).max(64)).min(1).max(10) });

/** What Undo did: nothing logged, or (too late) what COR keeps and where to change it. */
function undoMessage(undone: TimeEntryRequestRecord[], kept: TimeEntryRequestRecord[], tz: string, taskUrl: (id: number) => string | undefined): Message {
  const taskRef = (id: number) => {
    const url = taskUrl(id);
    return url ? `<${url}|task #${id}>` : `task #${id}`;
  };
  const keptLines = kept.map((r) => `• ${formatMinutes(minutesOf(r))} on ${taskRef(r.taskId)}, ${whenLine(r, tz)}`);
  const text =
    kept.length === 0
      ? `↩︎ Undone: ${undone.length > 1 ? `none of these ${undone.length} entries was` : 'nothing was'} logged.`
      : `Too late to undo${undone.length > 0 ? ` ${kept.length} of them (the other ${undone.length} were undone)` : ''}: COR already has ${kept.length > 1 ? 'these entries' : 'this entry'} and keeps ${kept.length > 1 ? 'them' : 'it'}. Change ${kept.length > 1 ? 'them' : 'it'} in COR:\n${keptLines.join('\n')}`;
  return { text, blocks: [section(text)] };
}

/**
 * "Undo" on entries waiting out their undo window: those no attempt has touched are cancelled (nothing reaches
 * COR); any already written is said plainly, with COR's page to change it there. Someone else's button does
 * nothing.
 */
export function undoEntries(services: SlackServices) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const value = undoSchema.safeParse(parseJsonText((args.action as ButtonAction).value));
    const tenantKey = tenantOfInteraction(args.body);
    if (!value.success || value.data.u !== args.body.user.id || value.data.t !== tenantKey) {
      services.logger.warn({ user: args.body.user.id }, 'refused an Undo');
      return;
    }
    const link = await services.linking.requireLink(tenantKey, args.body.user.id);
    const { tz } = await zoneOf(services, link);
    const { undone, kept } = await services.entries.undo(link, value.data.r);
    const message = undoMessage(undone, kept, tz, services.corTaskUrl);
    if (args.body.response_url) await args.respond({ response_type: 'ephemeral', replace_original: true, ...message });
    else await args.client.chat.postMessage({ channel: args.body.user.id, text: message.text, blocks: message.blocks });
  };
}
