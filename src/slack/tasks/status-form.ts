import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { z } from 'zod';
import { findBareNumber, findDuration } from '../../domain/parse/duration.ts';
import type { ParsedLog } from '../../domain/parse/log-command.ts';
import type { TaskView } from '../../domain/tasks.ts';
import { waitsForRelink } from '../../domain/time-entries/model.ts';
import { corRefusal, reasonWords, toUserMessage } from '../../errors.ts';
import type { Texts } from '../../i18n/texts.ts';
import { localParts } from '../../lib/zoned.ts';
import type { Accept, AcceptedRun, AcceptedWork } from '../accepted.ts';
import { bentNotLoggedMessage, rememberAnswer, scheduledMessage } from '../entry-answers.ts';
import { plain } from '../blocks.ts';
import { ACCEPTED, TASK_MODAL_BLOCKS as B } from '../ids.ts';
import { parseJsonText, tenantOfInteraction } from '../payloads.ts';
import { textsFor, textsOfLink, zoneOf } from '../person.ts';
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
    if (cor.code === 'forbidden') return t.t('tasks.refused.forbidden');
    if (cor.code === 'not_found') return t.t('tasks.refused.gone');
    if (cor.code === 'validation') return cor.corMessage ? t.t('tasks.refused.said', { corSaid: cor.corMessage }) : t.t('tasks.refused.invalid');
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
    // Before the ack: the language from what is stored (no Slack call).
    const t = await textsFor(services, tenantOfInteraction(body), body.user.id, { askSlack: false });
    if (!parsedMeta.success || !values.success || parsedMeta.data.u !== body.user.id) {
      await ack({ response_action: 'errors', errors: { [B.status]: t.t('tasks.form.outOfDate') } });
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
          ? t.t('tasks.form.hoursOrMinutes', { n: bare.value })
          : t.t('tasks.form.writeDuration')
        : 'problem' in found
          ? t.t('tasks.form.negative')
          : found.minutes <= 0 || found.minutes > 24 * 60
            ? t.t('tasks.form.tooLong', { duration: t.minutes(found.minutes) })
            : undefined;
      if (problem) {
        await ack({ response_action: 'errors', errors: { [B.duration]: problem } });
        return;
      }
      minutes = found && !('problem' in found) ? found.minutes : undefined;
    }
    if (!status) {
      await ack({ response_action: 'errors', errors: { [B.status]: t.t('tasks.form.pickStatus') } });
      return;
    }
    const tenantKey = meta.t;
    const change: StatusChange = { meta, status, ...(priority === undefined ? {} : { priority: Number(priority) }), ...(minutes === undefined ? {} : { minutes }), viewId: view.id };
    await accept(services, { who: { tenantKey, slackUserId: meta.u }, requestId: view.id, payload: change }, () => ack({ response_action: 'update', view: taskModalSaving(t, meta) }));
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
    const t = await textsFor(services, meta.t, meta.u);
    const text = t.t('tasks.notLinkedAnyMore');
    return void (await show(taskModalMessage(t, meta, text), text));
  }
  const t = await textsOfLink(services, link);
  const api = services.linking.apiFor(link);
  let task: TaskView;
  try {
    task = await services.tasks.change(link, api, meta.task, { status, priority });
  } catch (err) {
    const again = await services.tasks.fresh(link, api, meta.task).catch(() => undefined);
    const message = refusal(err, t);
    const form = again ? taskModalForm(t, again, services.tasks.statusOptions(link, again.status), meta, message) : taskModalMessage(t, meta, `⚠️ ${message}`);
    await show(form, t.t('tasks.notChanged', { id: String(meta.task), message }));
    return;
  }
  const { tz } = await zoneOf(services, link);
  let logged: string | undefined;
  // Home shows the new status: redrawn once, after the hours asked with it are written too.
  await services.home.redrawAfter(services, link, async () => {
    if (minutes !== undefined) {
      const parsed: ParsedLog = { date: localParts(acceptedAt, tz).date, dateSource: 'explicit', span: { kind: 'duration', minutes }, task: { kind: 'id', id: task.id }, note: undefined, language: 'en' };
      const resolution = await services.entries.resolve(link, parsed, tz);
      if (resolution.kind === 'confirm') logged = bentNotLoggedMessage(t, resolution.proposal, tz).text;
      else if (resolution.kind === 'ready') {
        const outcome = await services.entries.submit(link, resolution.proposal, `status:${viewId}`, undefined);
        // A form cannot carry the Undo: it comes by DM while the entry waits out its window.
        if (outcome.kind === 'scheduled') await rememberAnswer(services, [outcome], await dm(scheduledMessage(t, resolution.proposal, tz, link, [outcome.request.id])));
        const duration = t.minutes(minutes);
        logged =
          outcome.kind === 'written' || outcome.kind === 'duplicate'
            ? t.t('tasks.logged.written', { duration })
            : outcome.kind === 'scheduled'
              ? t.t('tasks.logged.scheduled', { duration, seconds: Math.round(services.entries.undoWindowMs / 1000) })
              : outcome.kind === 'queued'
                ? waitsForRelink(outcome.request)
                  ? t.t('tasks.logged.relink', { duration })
                  : t.t('tasks.logged.queued', { duration })
                : outcome.kind === 'failed'
                  ? t.t('tasks.logged.failed', { duration, reason: plain(reasonWords(outcome.reason, t)) })
                  : t.t('tasks.logged.unlinked', { duration });
      }
    }
  });
  const done = taskChangedText(t, task, logged);
  await show(taskModalMessage(t, meta, done), done);
  if (meta.r) {
    await postToResponseUrl(meta.r, { replace_original: true, ...taskCard(t, task, services.clock.now(), tz, services.corTaskUrl(task.id), done.split('\n')[0]) }).catch((err: unknown) =>
      services.logger.info({ err }, 'could not redraw the task card (its response_url may have expired)'),
    );
  }
}
