import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { TaskView } from '../../domain/tasks.ts';
import type { Texts } from '../../i18n/texts.ts';
import { type Message, plain, truncate } from '../blocks.ts';
import { ACTIONS, CALLBACKS, TASK_MODAL_BLOCKS as B } from '../ids.ts';
import { priorityName, priorityNames, statusName, taskActions, taskLines } from '../lines.ts';

/** Tasks per page of `/cor tasks` (each takes two blocks; a message holds at most 50). */
export const TASKS_PAGE = 10;
const TEXT_MAX = 2_900;
/** The words a list was filtered by, as shown back: the start of them (the answer must fit Slack's limits). */
const QUERY_SHOWN = 100;

/** The words said back to the person, quoted: plain, and cut short when long. */
export function quoted(words: string): string {
  return `“${plain(truncate(words, QUERY_SHOWN))}”`;
}

export interface TasksPage {
  tasks: TaskView[];
  /** the words the list was filtered by */
  query: string | undefined;
  offset: number;
}

/** `/cor tasks`: a page of open tasks grouped by project, each with its actions, and "Show more". Pure. */
export function tasksMessage(t: Texts, page: TasksPage, now: Date, tz: string, taskUrl: (id: number) => string | undefined): Message {
  const { tasks, query, offset } = page;
  if (tasks.length === 0) {
    const text = query ? t.t('tasks.list.noneMatching', { query: quoted(query) }) : t.t('tasks.list.none');
    return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
  }
  const shown = tasks.slice(offset, offset + TASKS_PAGE);
  const range = { from: offset + 1, to: offset + shown.length, total: tasks.length };
  const head = query ? t.t('tasks.list.headMatching', { query: quoted(query), ...range }) : t.t('tasks.list.head', range);
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: head } }];
  let project: string | undefined | null = null;
  for (const task of shown) {
    if (task.project !== project) {
      project = task.project;
      const where = [task.project ?? t.t('tasks.noProject'), task.client].filter(Boolean).map((s) => plain(s as string)).join(' · ');
      blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `📁 *${where}*` }] });
    }
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: taskLines(t, task, now, tz, taskUrl(task.id)).slice(0, TEXT_MAX) } }, taskActions(t, task));
  }
  if (offset + shown.length < tasks.length) {
    blocks.push({
      type: 'actions',
      elements: [{ type: 'button', action_id: ACTIONS.tasksMore, text: { type: 'plain_text', text: t.t('tasks.list.more', { left: tasks.length - offset - shown.length }) }, value: JSON.stringify({ o: offset + shown.length, q: query ?? '' }) }],
    });
  }
  return { text: t.t('tasks.list.text', { total: tasks.length }), blocks };
}

/** One task with its actions (`/cor task`, after a change). Pure. */
export function taskCard(t: Texts, task: TaskView, now: Date, tz: string, url: string | undefined, lead?: string): Message {
  const where = [task.project, task.client].filter(Boolean).map((s) => plain(s as string)).join(' · ');
  const blocks: KnownBlock[] = [];
  if (lead) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: lead } });
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: taskLines(t, task, now, tz, url).slice(0, TEXT_MAX) } });
  if (where) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `📁 ${where}` }] });
  blocks.push(taskActions(t, task));
  return { text: `${lead ? `${lead} ` : ''}${plain(task.title)} (#${task.id}): ${statusName(t, task.status)}`, blocks };
}

export function taskNotFoundText(t: Texts, ref: string): Message {
  const text = t.t('tasks.notFound', { ref: plain(ref) });
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/** What the status form carries from opening to submit (checked against the submitter). */
export interface TaskModalMeta {
  t: string;
  u: string;
  task: number;
  /** the response_url of the card it came from, to redraw it after a change */
  r?: string;
}

const option = (text: string, value: string): PlainTextOption => ({ text: { type: 'plain_text', text: text.slice(0, 75) }, value });

function modalShell(t: Texts, meta: TaskModalMeta, blocks: KnownBlock[], submit: boolean): ModalView {
  return {
    type: 'modal',
    callback_id: CALLBACKS.taskStatus,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text', text: t.t('tasks.form.title') },
    close: { type: 'plain_text', text: submit ? t.t('tasks.form.cancel') : t.t('tasks.form.close') },
    ...(submit ? { submit: { type: 'plain_text', text: t.t('tasks.form.save') } } : {}),
    blocks,
  };
}

/** Opened at once (the trigger lasts 3 s); the form replaces it when COR has answered. */
export function taskModalLoading(t: Texts, meta: TaskModalMeta): ModalView {
  return modalShell(t, meta, [{ type: 'section', text: { type: 'mrkdwn', text: t.t('tasks.form.loading', { id: String(meta.task) }) } }], false);
}

/** The change form: status (COR's four and the tenant's own), priority, and optionally time to log. Pure. */
export function taskModalForm(t: Texts, task: TaskView, statuses: string[], meta: TaskModalMeta, error?: string): ModalView {
  const statusOptions = statuses.slice(0, 100).map((s) => option(statusName(t, s), s));
  const priorityOptions = priorityNames(t).map((name, i) => option(name, String(i)));
  const currentStatus = statusOptions.find((o) => o.value === task.status);
  const currentPriority = task.priority === undefined ? undefined : priorityOptions[task.priority];
  const where = [task.project, task.client].filter(Boolean).map((s) => plain(s as string)).join(' · ');
  const blocks: KnownBlock[] = [];
  if (error) blocks.push({ type: 'section', block_id: B.error, text: { type: 'mrkdwn', text: `⚠️ ${plain(error)}` } });
  blocks.push(
    { type: 'section', text: { type: 'mrkdwn', text: `*${plain(task.title)}*  \`#${task.id}\`${where ? `\n${where}` : ''}\n${t.t('tasks.form.now', { status: statusName(t, task.status), priority: priorityName(t, task.priority) })}` } },
    {
      type: 'input',
      block_id: B.status,
      label: { type: 'plain_text', text: t.t('tasks.form.status') },
      element: { type: 'static_select', action_id: B.statusAction, options: statusOptions, ...(currentStatus ? { initial_option: currentStatus } : {}) },
    },
    {
      type: 'input',
      block_id: B.priority,
      label: { type: 'plain_text', text: t.t('tasks.form.priority') },
      element: { type: 'static_select', action_id: B.priorityAction, options: priorityOptions, ...(currentPriority ? { initial_option: currentPriority } : {}) },
    },
    {
      type: 'input',
      block_id: B.duration,
      optional: true,
      label: { type: 'plain_text', text: t.t('tasks.form.duration') },
      hint: { type: 'plain_text', text: t.t('tasks.form.durationHint') },
      element: { type: 'plain_text_input', action_id: B.durationAction },
    },
  );
  return modalShell(t, meta, blocks, true);
}

export function taskModalSaving(t: Texts, meta: TaskModalMeta): ModalView {
  return modalShell(t, meta, [{ type: 'section', text: { type: 'mrkdwn', text: t.t('tasks.form.saving') } }], false);
}

export function taskModalMessage(t: Texts, meta: TaskModalMeta, text: string): ModalView {
  return modalShell(t, meta, [{ type: 'section', text: { type: 'mrkdwn', text } }], false);
}

/** "✓ *Title* is now *In progress*, priority *Urgent*." and what became of the time logged with it. */
export function taskChangedText(t: Texts, task: TaskView, logged: string | undefined): string {
  const changed = t.t('tasks.changed', { title: plain(task.title), status: statusName(t, task.status), priority: priorityName(t, task.priority) });
  return logged ? `${changed}\n${logged}` : changed;
}
