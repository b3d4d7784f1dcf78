import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { Texts } from '../../i18n/texts.ts';
import type { TimeEntryRequestRecord } from '../../store/outbox.ts';
import { type Message, section } from '../blocks.ts';
import { minutesOf, whenLine } from '../entry-answers.ts';
import { parseJsonText, tenantOfInteraction } from '../payloads.ts';
import { textsOfLink, zoneOf } from '../person.ts';
import type { SlackServices } from '../services.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

const undoSchema = z.object({ t: z.string().min(1), u: z.string().min(1), r: z.array(z.string().min(1).max(64)).min(1).max(50) });

/** What Undo did: nothing logged, or (too late) where each entry stands, with COR's page to change a written one. */
function undoMessage(t: Texts, undone: TimeEntryRequestRecord[], kept: TimeEntryRequestRecord[], tz: string, taskUrl: (id: number) => string | undefined): Message {
  if (kept.length === 0) {
    const text = undone.length > 1 ? t.t('log.undo.none', { count: undone.length }) : t.t('log.undo.nothing');
    return { text, blocks: [section(text)] };
  }
  const taskRef = (id: number) => {
    const url = taskUrl(id);
    const name = t.t('log.undo.task', { taskId: String(id) });
    return url ? `<${url}|${name}>` : name;
  };
  const fate = (r: TimeEntryRequestRecord) => t.t(`log.undo.fate.${r.state}`);
  const lines = kept.map((r) => t.t('log.undo.line', { duration: t.minutes(minutesOf(r)), task: taskRef(r.taskId), when: whenLine(t, r, tz), fate: fate(r) }));
  const lead = undone.length > 0 ? t.t('log.undo.someLate', { count: undone.length }) : t.t('log.undo.late');
  const text = `${lead}\n${lines.join('\n')}`;
  return { text, blocks: [section(text)] };
}

/**
 * "Undo" on entries waiting out their undo window: those no attempt has touched, or waiting for a re-link and
 * surely not in COR, are cancelled (nothing reaches COR); any already written is said plainly, with COR's page to change it there. Someone else's button does
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
    // Undo asks nothing of COR: it works while the link waits to be renewed too (its entries wait for the re-link).
    const link = await services.linking.findLink(tenantKey, args.body.user.id);
    if (!link) throw new AppError('not_linked', 'not linked');
    const { tz } = await zoneOf(services, link);
    const { undone, kept } = await services.entries.undo(link, value.data.r);
    const message = undoMessage(await textsOfLink(services, link), undone, kept, tz, services.corTaskUrl);
    if (args.body.response_url) await args.respond({ response_type: 'ephemeral', replace_original: true, ...message });
    else await args.client.chat.postMessage({ channel: args.body.user.id, text: message.text, blocks: message.blocks });
  };
}
