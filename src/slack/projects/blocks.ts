import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { INCOME_TYPES, type IncomeType } from '../../domain/projects.ts';
import { formatDate, plain } from '../blocks.ts';
import { CALLBACKS, PROJECT_MODAL_BLOCKS as B } from '../ids.ts';

/** Who opened the project form, for which channel, and whether it creates or edits. */
export interface ProjectModalMeta {
  t: string;
  u: string;
  c: string;
  mode: 'new' | 'edit';
  tz: string;
  /** the channel's name, for the form's lead line */
  n: string;
}

/** What the form shows in its fields (initial values) and under the dates (what was read). */
export interface ProjectFormValues {
  name?: string | undefined;
  client?: string | undefined;
  brief?: string | undefined;
  start?: string | undefined;
  end?: string | undefined;
  hours?: string | undefined;
  billable?: boolean | undefined;
  income?: IncomeType | undefined;
}

const INCOME_NAMES: Record<IncomeType, string> = { fee: 'Fee', one_time: 'One time', hourly_rate: 'Hourly rate', contract: 'Contract' };
const incomeOption = (t: IncomeType): PlainTextOption => ({ text: { type: 'plain_text', text: INCOME_NAMES[t] }, value: t });

function dateHint(read: string | undefined | null, fallback: string): { type: 'plain_text'; text: string } {
  if (read === null) return { type: 'plain_text', text: '⚠️ I cannot read that date. Try "next monday", "15/01" or "end of march".' };
  return { type: 'plain_text', text: read ? `→ ${formatDate(read)} ${read.slice(0, 4)}` : fallback };
}

export function projectModalLoading(meta: ProjectModalMeta): ModalView {
  return {
    type: 'modal',
    callback_id: CALLBACKS.project,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text', text: meta.mode === 'new' ? 'New COR project' : 'Edit COR project' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '⏳ Checking with COR…' } }],
  };
}

export function projectModalMessage(meta: ProjectModalMeta, text: string): ModalView {
  return { ...projectModalLoading(meta), blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/**
 * The project form. Dates are typed in words; pressing Enter in a date field shows the date it was read as
 * (`reads`: a date, `null` for unreadable, undefined for not typed yet). Pure.
 */
export function projectModal(meta: ProjectModalMeta, initial: ProjectFormValues, reads: { start?: string | null; end?: string | null } = {}): ModalView {
  const text = (blockId: string, actionId: string, label: string, opts: { value?: string | undefined; optional?: boolean; multiline?: boolean; hint?: { type: 'plain_text'; text: string }; dispatch?: boolean; placeholder?: string }): KnownBlock => ({
    type: 'input',
    block_id: blockId,
    optional: opts.optional ?? true,
    label: { type: 'plain_text', text: label },
    ...(opts.hint ? { hint: opts.hint } : {}),
    ...(opts.dispatch ? { dispatch_action: true } : {}),
    element: {
      type: 'plain_text_input',
      action_id: actionId,
      ...(opts.multiline ? { multiline: true } : {}),
      ...(opts.value ? { initial_value: opts.value.slice(0, 3000) } : {}),
      ...(opts.placeholder ? { placeholder: { type: 'plain_text', text: opts.placeholder } } : {}),
      ...(opts.dispatch ? { dispatch_action_config: { trigger_actions_on: ['on_enter_pressed'] } } : {}),
    },
  });
  const edit = meta.mode === 'edit';
  return {
    type: 'modal',
    callback_id: CALLBACKS.project,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text', text: edit ? 'Edit COR project' : 'New COR project' },
    submit: { type: 'plain_text', text: edit ? 'Save' : 'Create' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      { type: 'context', elements: [{ type: 'mrkdwn', text: `For #${plain(meta.n)}: this channel's COR project, the default for \`/cor log\` and \`/cor tasks\` here.${edit ? ' Empty fields stay as they are.' : ''}` }] },
      text(B.name, B.nameAction, 'Name', { value: initial.name, optional: edit }),
      text(B.client, B.clientAction, 'Client (its external id)', { value: initial.client, placeholder: 'acme-foods' }),
      text(B.brief, B.briefAction, 'Brief', { value: initial.brief, multiline: true }),
      text(B.start, B.startAction, 'Start', { value: initial.start, dispatch: true, hint: dateHint(reads.start, 'In words: "next monday", "15/01", "end of march". Press Enter to check.') }),
      text(B.end, B.endAction, 'End', { value: initial.end, dispatch: true, hint: dateHint(reads.end, 'In words, like the start.') }),
      text(B.hours, B.hoursAction, 'Estimated hours', { value: initial.hours, placeholder: '120' }),
      {
        type: 'input',
        block_id: B.income,
        optional: true,
        label: { type: 'plain_text', text: 'Income type' },
        element: { type: 'static_select', action_id: B.incomeAction, options: INCOME_TYPES.map(incomeOption), ...(initial.income ? { initial_option: incomeOption(initial.income) } : {}) },
      },
      {
        type: 'input',
        block_id: B.billable,
        optional: true,
        label: { type: 'plain_text', text: 'Billable' },
        element: {
          type: 'checkboxes',
          action_id: B.billableAction,
          options: [{ text: { type: 'plain_text', text: 'Billable to the client' }, value: 'on' }],
          ...(initial.billable ? { initial_options: [{ text: { type: 'plain_text', text: 'Billable to the client' }, value: 'on' }] } : {}),
        },
      },
    ],
  };
}
