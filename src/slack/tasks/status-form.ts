import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { z } from 'zod';
import { findBareNumber, findDuration } from '../../domain/parse/duration.ts';
import type { ParsedLog } from '../../domain/parse/log-command.ts';
import type { TaskView } from '../../domain/tasks.ts';
import { waitsForRelink } from '../../domain/time-entries/model.ts';
import { corRefusal, toUserMessage } from '../../errors.ts';
import type { Texts } from '../../i18n/texts.ts';
import { localParts } from '../../lib/zoned.ts';
import { formatMinutes } from '../blocks.ts';
import type { Accept, AcceptedRun, AcceptedWork } from '../accepted.ts';
import { bentNotLoggedMessage, rememberAnswer, scheduledMessage } from '../entry-answers.ts';
import { ACCEPTED, TASK_MODAL_BLOCKS as B } from '../ids.ts';
import { parseJsonText } from '../payloads.ts';
import { textsOfLink, zoneOf } from '../person.ts';
import { DM, postToResponseUrl } from '../respond.ts';
import type { SlackServices } from '../services.ts';
import { taskCard, taskChangedText, type TaskModalMeta, taskModalForm, taskModalMessage, taskModalSaving } from './blocks.ts';

const metaSchema = z.object({ t: z.string().min(1), u: z.string().min(1), task: z.number().int().positive(), r: z.url().optional() });
const stateSchema = z.object({
  [B.status]: z.object({ [B.statusAction]: z.object({ selected_option: z.object({ value: z.string().min(1).max(100) }).nullish() }) }),
  [B.priority]: z.object({ [B.priorityAction]: z.object({ selected_option: z.object({ value: z.enum(['0', '1', '2', '3']) }).nullish() }) }),
  [B.duration]: z.object({ [B.durationAction]: z.object({ value: z.string().nullish() }) }),
});

/** Plain words for what COR refused; shown at the top of the form. */
function refusal(err: unknown, t: Texts): string {
  const cor = corRefusal(err);
  if (cor) {
    if (cor.code === 'forbidden') return 'COR says you are not allowed to change this task.';
    if (cor.code === 'not_found') return 'This task does not exist in COR any more.';
    if (cor.code === 'validation') return `COR refused the change: ${cor.corMessage ?? 'invalid values'}.`;
  }
  return toUserMessage(err, t);
}

/**
 * The status form: mistakes in what was typed come back on the field at once; then the form shows "saving"
 * (the ack never waits on COR), the PUT goes out with the task's current title, and the form shows the
 * result, or COR's refusal in plain words with the form to try again. The card it came from is redrawn.
 */
export function taskStatusSubmission(services: SlackServices, accept: Accept<StatusChange>) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const parsedMeta = metaSchema.safeParse(parseJsonText(view.private_metadata));
    const values = stateSchema.safeParse(view.state.values);
    if (!parsedMeta.success || !values.success || parsedMeta.data.u !== body.user.id) {
      await ack({ response_action: 'errors', errors: { [B.status]: 'This form is out of date; close it and open it again.' } });
      services.logger.warn({ user: body.user.id }, 'refused a task status form');
      return;
    }
    const meta: TaskModalMeta = parsedMeta.data;
    const status = values.data[B.status][B.statusAction].selected_option?.value;
    const priority = values.data[B.priority][B.priorityAction].selected_option?.value;
    const durationText = values.data[B.duration][B.durationAction].value?.trim() ?? '';
    let minutes: number | undefined;
    if (durationText) {
      const found = findDuration(durationText);
      const bare = findBareNumber(durationText);
      const problem = !found
        ? bare
          ? `Hours or minutes? Write ${bare.value}h or ${bare.value}m.`
          : 'Write a duration like 1h30 or 45m.'
        : 'problem' in found
          ? 'Time cannot be negative.'
          : found.minutes <= 0 || found.minutes > 24 * 60
            ? `${formatMinutes(found.minutes)} is not a day's worth of time.`
            : undefined;
      if (problem) {
        await ack({ response_action: 'errors', errors: { [B.duration]: problem } });
        return;
      }
      minutes = found && !('problem' in found) ? found.minutes : undefined;
    }
    if (!status) {
      await ack({ response_action: 'errors', errors: { [B.status]: 'Pick a status.' } });
      return;
    }
    const tenantKey = meta.t;
    const change: StatusChange = { meta, status, ...(priority === undefined ? {} : { priority: Number(priority) }), ...(minutes === undefined ? {} : { minutes }), viewId: view.id };
    await accept(services, { who: { tenantKey, slackUserId: meta.u }, requestId: view.id, payload: change }, () => ack({ response_action: 'update', view: taskModalSaving(meta) }));
  };
}

const statusChangeSchema = z.object({
  meta: metaSchema,
  status: z.string().min(1).max(100),
  priority: z.number().int().min(0).max(3).optional(),
  minutes: z.number().positive().max(24 * 60).optional(),
  viewId: z.string().min(1),
});
type StatusChange = z.infer<typeof statusChangeSchema>;

/**
 * After the status form was acknowledged (right after, or on another instance after a crash): the PUT, the hours
 * (on the day it was sent, keyed by the form: written once), and the result in the form — or, when the form is
 * gone (closed, or a crash took too long), by DM.
 */
export const taskStatusWork: AcceptedWork<StatusChange> = { kind: ACCEPTED.taskStatus, payload: statusChangeSchema, answer: () => DM, run: changeTaskStatus };

async function changeTaskStatus(services: SlackServices, { payload, acceptedAt, respond: dm }: AcceptedRun<StatusChange>): Promise<void> {
  const { meta, status, priority, minutes, viewId } = payload;
  const client = await services.clients.forTenant(meta.t);
  const show = (v: ModalView, plain: string) => client.views.update({ view_id: viewId, view: v }).catch(() => dm({ text: plain }));
  const link = await services.linking.requireLink(meta.t, meta.u).catch(() => undefined);
  if (!link) {
    const text = 'Your Slack account is not linked to COR any more: run `/cor link` first.';
    return void (await show(taskModalMessage(meta, text), text));
  }
  const api = services.linking.apiFor(link);
  let task: TaskView;
  try {
    task = await services.tasks.change(link, api, meta.task, { status, priority });
  } catch (err) {
    const again = await services.tasks.fresh(link, api, meta.task).catch(() => undefined);
    const message = refusal(err, await textsOfLink(services, link));
    await show(again ? taskModalForm(again, services.tasks.statusOptions(link, again.status), meta, message) : taskModalMessage(meta, `⚠️ ${message}`), `⚠️ Task #${meta.task} was not changed: ${message}`);
    return;
  }
  const { tz } = await zoneOf(services, link);
  let logged: string | undefined;
  // Home shows the new status: redrawn once, after the hours asked with it are written too.
  await services.home.redrawAfter(services, link, async () => {
    if (minutes !== undefined) {
      const parsed: ParsedLog = { date: localParts(acceptedAt, tz).date, dateSource: 'explicit', span: { kind: 'duration', minutes }, task: { kind: 'id', id: task.id }, note: undefined, language: 'en' };
      const resolution = await services.entries.resolve(link, parsed, tz);
      if (resolution.kind === 'confirm') logged = bentNotLoggedMessage(await textsOfLink(services, link), resolution.proposal, tz).text;
      else if (resolution.kind === 'ready') {
        const outcome = await services.entries.submit(link, resolution.proposal, `status:${viewId}`, undefined);
        // A form cannot carry the Undo: it comes by DM while the entry waits out its window.
        if (outcome.kind === 'scheduled') await rememberAnswer(services, [outcome], await dm(scheduledMessage(await textsOfLink(services, link), resolution.proposal, tz, link, [outcome.request.id])));
        logged =
          outcome.kind === 'written' || outcome.kind === 'duplicate'
            ? `✓ ${formatMinutes(minutes)} logged on it today.`
            : outcome.kind === 'scheduled'
              ? `⏳ ${formatMinutes(minutes)} will be logged on it today in ${Math.round(services.entries.undoWindowMs / 1000)} s (undo it from the message I sent you).`
              : outcome.kind === 'queued'
              ? waitsForRelink(outcome.request)
                ? `⏳ ${formatMinutes(minutes)} saved: COR no longer accepts my access for you, I will log it as soon as you link again (\`/cor link\`).`
                : `⏳ ${formatMinutes(minutes)} queued: COR is not answering, I will log it as soon as it does.`
              : outcome.kind === 'failed'
                ? `⚠️ The ${formatMinutes(minutes)} could not be logged: ${outcome.reason}.`
                : `⚠️ The ${formatMinutes(minutes)} were not logged: you unlinked from COR meanwhile.`;
      }
    }
  });
  const done = taskChangedText(task, logged);
  await show(taskModalMessage(meta, done), done);
  if (meta.r) {
    await postToResponseUrl(meta.r, { replace_original: true, ...taskCard(task, services.clock.now(), tz, services.corTaskUrl(task.id), done.split('\n')[0]) }).catch((err: unknown) =>
      services.logger.info({ err }, 'could not redraw the task card (its response_url may have expired)'),
    );
  }
}
