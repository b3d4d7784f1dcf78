import type { ModalView, PlainTextOption } from '@slack/types';
import type { TaskView } from '../../domain/tasks.ts';
import { CALLBACKS, LOG_MODAL_BLOCKS as B } from '../ids.ts';
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
export function logModal(opts: { today: string; meta: string; task?: Pick<TaskView, 'id' | 'title' | 'project'> | undefined; note?: string | undefined }): ModalView {
  return {
    type: 'modal',
    callback_id: CALLBACKS.logModal,
    private_metadata: opts.meta,
    title: { type: 'plain_text', text: 'Log time in COR' },
    submit: { type: 'plain_text', text: 'Log it' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: B.task,
        label: { type: 'plain_text', text: 'Task' },
        element: {
          type: 'external_select',
          action_id: B.taskAction,
          min_query_length: 0,
          placeholder: { type: 'plain_text', text: 'Type to search your open tasks' },
          ...(opts.task ? { initial_option: taskOption(opts.task) } : {}),
        },
      },
      {
        type: 'input',
        block_id: B.date,
        label: { type: 'plain_text', text: 'Day' },
        element: { type: 'datepicker', action_id: B.dateAction, initial_date: opts.today },
      },
      {
        type: 'input',
        block_id: B.duration,
        optional: true,
        label: { type: 'plain_text', text: 'How long' },
        hint: { type: 'plain_text', text: 'Like 2h30, 45m or 1.5h; or leave it empty and give a start and an end.' },
        element: { type: 'plain_text_input', action_id: B.durationAction, placeholder: { type: 'plain_text', text: '2h30' } },
      },
      { type: 'input', block_id: B.from, optional: true, label: { type: 'plain_text', text: 'From' }, element: { type: 'timepicker', action_id: B.fromAction } },
      { type: 'input', block_id: B.to, optional: true, label: { type: 'plain_text', text: 'To' }, element: { type: 'timepicker', action_id: B.toAction } },
      {
        type: 'input',
        block_id: B.note,
        optional: true,
        label: { type: 'plain_text', text: 'Note' },
        element: { type: 'plain_text_input', action_id: B.noteAction, multiline: true, max_length: 2000, ...(opts.note ? { initial_value: truncate(opts.note, 2000) } : {}) },
      },
    ],
  };
}
