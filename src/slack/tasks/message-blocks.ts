import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { TaskView } from '../../domain/tasks.ts';
import type { Texts } from '../../i18n/texts.ts';
import { type Message, plain, truncate } from '../blocks.ts';
import { CALLBACKS, MESSAGE_TASK_BLOCKS as B } from '../ids.ts';
import { taskCard } from './blocks.ts';

/** COR's task titles: no limit is documented (shared/cor), so the form keeps them to this. */
export const TITLE_MAX = 200;
/** A plain_text_input holds at most 3,000 characters. */
export const TEXT_INPUT_MAX = 3_000;

/** What the two forms carry from the shortcut to the submit (checked against the submitter). */
export interface MessageTaskMeta {
  /** tenant, Slack user */
  t: string;
  u: string;
  /** the message: its channel and ts (its permalink) */
  c: string;
  m: string;
  /** the thread the message is a reply in, when it is one (replies go to that thread, not under the reply) */
  th?: string | undefined;
  /** the channel's COR project, when the channel is one: id and name */
  p?: number | undefined;
  pn?: string | undefined;
}

/** One option of a type-ahead (Slack: text ≤ 75 chars, value ≤ 150). */
export function pickOption(label: string, value: number): PlainTextOption {
  return { text: { type: 'plain_text', text: truncate(label, 75) }, value: String(value) };
}

export function taskPickOption(task: Pick<TaskView, 'id' | 'title' | 'project'>): PlainTextOption {
  return pickOption(task.project ? `${task.title} · ${task.project}` : task.title, task.id);
}

function shell(t: Texts, callbackId: string, title: string, meta: MessageTaskMeta, blocks: KnownBlock[], submit?: string): ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text', text: title },
    close: { type: 'plain_text', text: submit ? t.t('msgtask.cancel') : t.t('msgtask.close') },
    ...(submit ? { submit: { type: 'plain_text', text: submit } } : {}),
    blocks,
  };
}

/**
 * "Create COR task": title (the message's first line), the channel's project or a type-ahead of the person's,
 * description (the message), due date (read from the message when it says one). COR takes no assignee. Pure.
 */
export function createTaskModal(t: Texts, meta: MessageTaskMeta, fill: { title: string; description: string; due: string | undefined }): ModalView {
  const blocks: KnownBlock[] = [
    {
      type: 'input',
      block_id: B.title,
      label: { type: 'plain_text', text: t.t('msgtask.create.titleLabel') },
      element: { type: 'plain_text_input', action_id: B.titleAction, max_length: TITLE_MAX, ...(fill.title ? { initial_value: truncate(fill.title, TITLE_MAX) } : {}) },
    },
    meta.p !== undefined && meta.pn !== undefined
      ? { type: 'section', block_id: B.project, text: { type: 'mrkdwn', text: t.t('msgtask.create.channelProject', { project: plain(meta.pn) }) } }
      : {
          type: 'input',
          block_id: B.project,
          label: { type: 'plain_text', text: t.t('msgtask.create.project') },
          element: { type: 'external_select', action_id: B.projectAction, min_query_length: 0, placeholder: { type: 'plain_text', text: t.t('msgtask.create.projectPlaceholder') } },
        },
    {
      type: 'input',
      block_id: B.description,
      optional: true,
      label: { type: 'plain_text', text: t.t('msgtask.create.description') },
      hint: { type: 'plain_text', text: t.t('msgtask.linkAdded') },
      element: { type: 'plain_text_input', action_id: B.descriptionAction, multiline: true, max_length: TEXT_INPUT_MAX, ...(fill.description ? { initial_value: truncate(fill.description, TEXT_INPUT_MAX) } : {}) },
    },
    {
      type: 'input',
      block_id: B.due,
      optional: true,
      label: { type: 'plain_text', text: t.t('msgtask.create.due') },
      element: { type: 'datepicker', action_id: B.dueAction, ...(fill.due ? { initial_date: fill.due } : {}) },
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: t.t('msgtask.create.noAssignee') }] },
  ];
  return shell(t, CALLBACKS.taskCreate, t.t('msgtask.create.title'), meta, blocks, t.t('msgtask.create.submit'));
}

/** "Add to COR task": the task (type-ahead; the one the message links preselected) and the message to post. Pure. */
export function addToTaskModal(t: Texts, meta: MessageTaskMeta, fill: { task: Pick<TaskView, 'id' | 'title' | 'project'> | undefined; message: string }): ModalView {
  const blocks: KnownBlock[] = [
    {
      type: 'input',
      block_id: B.task,
      label: { type: 'plain_text', text: t.t('msgtask.add.task') },
      element: {
        type: 'external_select',
        action_id: B.taskAction,
        min_query_length: 0,
        placeholder: { type: 'plain_text', text: t.t('msgtask.add.taskPlaceholder') },
        ...(fill.task ? { initial_option: taskPickOption(fill.task) } : {}),
      },
    },
    {
      type: 'input',
      block_id: B.message,
      label: { type: 'plain_text', text: t.t('msgtask.add.message') },
      hint: { type: 'plain_text', text: t.t('msgtask.linkAdded') },
      element: { type: 'plain_text_input', action_id: B.messageAction, multiline: true, max_length: TEXT_INPUT_MAX, ...(fill.message ? { initial_value: truncate(fill.message, TEXT_INPUT_MAX) } : {}) },
    },
  ];
  return shell(t, CALLBACKS.taskMessage, t.t('msgtask.add.title'), meta, blocks, t.t('msgtask.add.submit'));
}

/** Either form once sent: "creating…", then what became of it (or COR's refusal), in plain words. Pure. */
export function messageTaskModalText(t: Texts, form: 'create' | 'add', meta: MessageTaskMeta, text: string): ModalView {
  return form === 'create'
    ? shell(t, CALLBACKS.taskCreate, t.t('msgtask.create.title'), meta, [{ type: 'section', text: { type: 'mrkdwn', text } }])
    : shell(t, CALLBACKS.taskMessage, t.t('msgtask.add.title'), meta, [{ type: 'section', text: { type: 'mrkdwn', text } }]);
}

/** A task as the thread reply and the form name it: its title linked to COR when the page is known, and its id. */
export function taskReference(task: Pick<TaskView, 'id' | 'title'>, url: string | undefined): string {
  const title = plain(truncate(task.title, TITLE_MAX));
  return url ? `<${url}|${title}> (#${task.id})` : `*${title}* (#${task.id})`;
}

/**
 * The reply in the message's thread, seen by the channel: the task made of it, or the one it was added to, then the
 * task's card as a COR task link unfurls (Slack does not unfurl the bot's own messages). Pure.
 */
export function messageTaskThreadReply(t: Texts, form: 'create' | 'add', who: string, task: TaskView, url: string | undefined, now: Date, tz: string): Message {
  const text = t.t(form === 'create' ? 'msgtask.create.thread' : 'msgtask.add.thread', { user: who, task: taskReference(task, url) });
  return { text, blocks: taskCard(t, task, now, tz, url, text).blocks };
}
