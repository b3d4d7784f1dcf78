import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { INCOME_TYPES, type IncomeType, type ProjectRefusal } from '../../domain/projects.ts';
import type { Texts } from '../../i18n/texts.ts';
import { plain } from '../blocks.ts';
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

const incomeOption = (t: Texts, income: IncomeType): PlainTextOption => ({ text: { type: 'plain_text', text: t.t(`project.income.${income}`) }, value: income });

function dateHint(t: Texts, read: string | undefined | null, fallback: string): { type: 'plain_text'; text: string } {
  if (read === null) return { type: 'plain_text', text: t.t('project.form.dateUnread') };
  return { type: 'plain_text', text: read ? t.t('project.form.dateRead', { day: t.day(read), year: read.slice(0, 4) }) : fallback };
}

/** Why COR (or the bot) did not save the project, in words. */
export function refusalText(t: Texts, refusal: ProjectRefusal): string {
  if (refusal.reason === 'refused') return refusal.corSaid ? t.t('project.refusal.refusedSaid', { corSaid: refusal.corSaid }) : t.t('project.refusal.refused');
  return t.t(`project.refusal.${refusal.reason}`);
}

export function projectModalLoading(t: Texts, meta: ProjectModalMeta): ModalView {
  return {
    type: 'modal',
    callback_id: CALLBACKS.project,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text', text: meta.mode === 'new' ? t.t('project.form.titleNew') : t.t('project.form.titleEdit') },
    close: { type: 'plain_text', text: t.t('project.form.close') },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: t.t('project.form.checking') } }],
  };
}

export function projectModalMessage(t: Texts, meta: ProjectModalMeta, text: string): ModalView {
  return { ...projectModalLoading(t, meta), blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/**
 * The project form. Dates are typed in words; pressing Enter in a date field shows the date it was read as
 * (`reads`: a date, `null` for unreadable, undefined for not typed yet). Pure.
 */
export function projectModal(t: Texts, meta: ProjectModalMeta, initial: ProjectFormValues, reads: { start?: string | null; end?: string | null } = {}): ModalView {
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
  const billable: PlainTextOption = { text: { type: 'plain_text', text: t.t('project.form.billableOption') }, value: 'on' };
  return {
    type: 'modal',
    callback_id: CALLBACKS.project,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text', text: edit ? t.t('project.form.titleEdit') : t.t('project.form.titleNew') },
    submit: { type: 'plain_text', text: edit ? t.t('project.form.save') : t.t('project.form.create') },
    close: { type: 'plain_text', text: t.t('project.form.cancel') },
    blocks: [
      { type: 'context', elements: [{ type: 'mrkdwn', text: t.t('project.form.lead', { channel: plain(meta.n), edit: edit ? 'yes' : 'no' }) }] },
      text(B.name, B.nameAction, t.t('project.form.name'), { value: initial.name, optional: edit }),
      text(B.client, B.clientAction, t.t('project.form.client'), { value: initial.client, placeholder: 'acme-foods' }),
      text(B.brief, B.briefAction, t.t('project.form.brief'), { value: initial.brief, multiline: true }),
      text(B.start, B.startAction, t.t('project.form.start'), { value: initial.start, dispatch: true, hint: dateHint(t, reads.start, t.t('project.form.startHint')) }),
      text(B.end, B.endAction, t.t('project.form.end'), { value: initial.end, dispatch: true, hint: dateHint(t, reads.end, t.t('project.form.endHint')) }),
      text(B.hours, B.hoursAction, t.t('project.form.hours'), { value: initial.hours, placeholder: '120' }),
      {
        type: 'input',
        block_id: B.income,
        optional: true,
        label: { type: 'plain_text', text: t.t('project.form.income') },
        element: { type: 'static_select', action_id: B.incomeAction, options: INCOME_TYPES.map((income) => incomeOption(t, income)), ...(initial.income ? { initial_option: incomeOption(t, initial.income) } : {}) },
      },
      {
        type: 'input',
        block_id: B.billable,
        optional: true,
        label: { type: 'plain_text', text: t.t('project.form.billable') },
        element: { type: 'checkboxes', action_id: B.billableAction, options: [billable], ...(initial.billable ? { initial_options: [billable] } : {}) },
      },
    ],
  };
}
