import type { ModalView, PlainTextOption } from '@slack/types';
import type { TaskView } from '../../domain/tasks.ts';
import { CALLBACKS, LOG_MODAL_BLOCKS as B } from '../ids.ts';
import type { Texts } from '../../i18n/texts.ts';
import { truncate } from '../blocks.ts';

/** One task as an option of the task picker (Slack: text ≤ 75 chars, value ≤ 150). */
export function taskOption(task: Pick<TaskView, 'id' | 'title' | 'project'>): PlainTextOption {
  const label = task.project ? `${task.title} · ${task.project}` : task.title;
  return { text: { type: 'plain_text', text: truncate(label, 75) }, value: String(task.id) };
}

/**
 * The log-time form: task (type-ahead), day (a local date, never shifted through UTC), a duration or a start and
 * an end, and a note. `meta` rides in private_metadata (≤ 3,000 chars).
 */
export function logModal(t: Texts, opts: { today: string; meta: string; task?: Pick<TaskView, 'id' | 'title' | 'project'> | undefined; note?: string | undefined }): ModalView {
  return {
    type: 'modal',
    callback_id: CALLBACKS.logModal,
    private_metadata: opts.meta,
    title: { type: 'plain_text', text: t.t('log.form.title') },
    submit: { type: 'plain_text', text: t.t('log.button.logIt') },
    close: { type: 'plain_text', text: t.t('log.button.cancel') },
    blocks: [
      {
        type: 'input',
        block_id: B.task,
        label: { type: 'plain_text', text: t.t('log.form.task') },
        element: {
          type: 'external_select',
          action_id: B.taskAction,
          min_query_length: 0,
          placeholder: { type: 'plain_text', text: t.t('log.form.taskPlaceholder') },
          ...(opts.task ? { initial_option: taskOption(opts.task) } : {}),
        },
      },
      {
        type: 'input',
        block_id: B.date,
        label: { type: 'plain_text', text: t.t('log.form.day') },
        element: { type: 'datepicker', action_id: B.dateAction, initial_date: opts.today },
      },
      {
        type: 'input',
        block_id: B.duration,
        optional: true,
        label: { type: 'plain_text', text: t.t('log.form.howLong') },
        hint: { type: 'plain_text', text: t.t('log.form.hint') },
        element: { type: 'plain_text_input', action_id: B.durationAction, placeholder: { type: 'plain_text', text: '2h30' } },
      },
      { type: 'input', block_id: B.from, optional: true, label: { type: 'plain_text', text: t.t('log.form.from') }, element: { type: 'timepicker', action_id: B.fromAction } },
      { type: 'input', block_id: B.to, optional: true, label: { type: 'plain_text', text: t.t('log.form.to') }, element: { type: 'timepicker', action_id: B.toAction } },
      {
        type: 'input',
        block_id: B.note,
        optional: true,
        label: { type: 'plain_text', text: t.t('log.form.note') },
        element: { type: 'plain_text_input', action_id: B.noteAction, multiline: true, max_length: 2000, ...(opts.note ? { initial_value: truncate(opts.note, 2000) } : {}) },
      },
    ],
  };
}
