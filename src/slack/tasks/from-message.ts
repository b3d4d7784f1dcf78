import type { AllMiddlewareArgs, MessageShortcut, SlackOptionsMiddlewareArgs, SlackShortcutMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { DEFAULT_TZ } from '../../domain/linking.ts';
import { dueDateIn } from '../../domain/parse/due-date.ts';
import { taskIdIn } from '../../domain/parse/log-command.ts';
import { fold } from '../../domain/parse/text.ts';
import { matchTask } from '../../domain/task-match.ts';
import type { TaskView } from '../../domain/tasks.ts';
import { corRefusal, toUserMessage } from '../../errors.ts';
import type { Texts } from '../../i18n/texts.ts';
import { localParts, zonedTimeToInstant } from '../../lib/zoned.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import type { Accept, AcceptedRun, AcceptedWork } from '../accepted.ts';
import { type Message, plain } from '../blocks.ts';
import { ACCEPTED, MESSAGE_TASK_BLOCKS as B } from '../ids.ts';
import { parseJsonText, tenantOfInteraction } from '../payloads.ts';
import { textsFor, textsOfLink, withLinkOrCard, zoneOf } from '../person.ts';
import { DM } from '../respond.ts';
import type { SlackServices } from '../services.ts';
import {
  addToTaskModal,
  createTaskModal,
  type MessageTaskMeta,
  messageTaskModalText,
  messageTaskThreadReply,
  pickOption,
  TEXT_INPUT_MAX,
  TITLE_MAX,
  taskPickOption,
  taskReference,
} from './message-blocks.ts';
import { mentionedUsers, plainMessageText, titleFromMessage } from './message-text.ts';

type ShortcutArgs = SlackShortcutMiddlewareArgs & AllMiddlewareArgs;
type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
type OptionsArgs = SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs;

/** How long the names of the people a message mentions are waited for before the form opens (the trigger lasts 3 s). */
const NAMES_WAIT_MS = 1_000;
/** Slack allows 100 options; fewer read better. */
const MAX_OPTIONS = 50;
/** A due date is a day: COR keeps a date-time, so it is that day's end of work in the person's zone. */
const DUE_HOUR = 18;

const metaSchema = z.object({
  t: z.string().min(1),
  u: z.string().min(1),
  c: z.string().min(1),
  m: z.string().min(1),
  th: z.string().min(1).optional(),
  p: z.number().int().positive().optional(),
  pn: z.string().min(1).optional(),
});

/** The person's link, or the shared link card (ephemeral, where the shortcut was used: not linked or to re-link) and undefined. */
async function linkOrCard(services: SlackServices, s: MessageShortcut, respond: ShortcutArgs['respond']): Promise<UserLinkRecord | undefined> {
  let found: UserLinkRecord | undefined;
  await withLinkOrCard(services, respond, { tenantKey: tenantOfInteraction(s), userId: s.user.id }, async (link) => {
    found = link;
  });
  return found;
}

/** The names of the people a message mentions, as far as Slack gives them within NAMES_WAIT_MS (else their ids stay). */
async function mentionNames(services: SlackServices, tenantKey: string, text: string): Promise<Map<string, string>> {
  const ids = mentionedUsers(text);
  const names = new Map<string, string>();
  if (ids.length === 0) return names;
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, NAMES_WAIT_MS);
  });
  const read = Promise.all(
    ids.map(async (id) => {
      const name = (await services.directory.profile(tenantKey, id).catch(() => undefined))?.realName;
      if (name) names.set(id, name);
    }),
  );
  await Promise.race([read, waited]);
  clearTimeout(timer);
  return new Map(names);
}

async function shortcutMeta(services: SlackServices, s: MessageShortcut, link: UserLinkRecord): Promise<MessageTaskMeta> {
  const project = await services.projects.ofChannel(link.tenantKey, s.channel.id).catch(() => undefined);
  const thread = s.message.thread_ts && s.message.thread_ts !== s.message.ts ? { th: s.message.thread_ts } : {};
  return { t: link.tenantKey, u: s.user.id, c: s.channel.id, m: s.message.ts, ...thread, ...(project ? { p: project.corProjectId, pn: project.name } : {}) };
}

/** Message shortcut "Create COR task": the form prefilled from the message, opened at once. */
export function createTaskFromMessageShortcut(services: SlackServices) {
  return async ({ ack, shortcut, client, respond }: ShortcutArgs): Promise<void> => {
    await ack();
    const s = shortcut as MessageShortcut;
    const link = await linkOrCard(services, s, respond);
    if (!link) return;
    const text = s.message.text ?? '';
    // The trigger lasts 3 s: nothing here waits on COR, and Slack only for the names (bounded).
    const [t, meta, names] = await Promise.all([textsFor(services, link.tenantKey, link.slackUserId, { link, askSlack: false }), shortcutMeta(services, s, link), mentionNames(services, link.tenantKey, text)]);
    const today = localParts(services.clock.now(), link.tz ?? DEFAULT_TZ).date;
    const fill = { title: titleFromMessage(text, names, TITLE_MAX), description: plainMessageText(text, names).trim(), due: dueDateIn(text, today) };
    // The project type-ahead answers from the cached list: read it now for the first keystroke.
    if (meta.p === undefined) void services.work.track(services.tasks.openTasks(link, services.linking.apiFor(link)).catch(() => undefined));
    await client.views.open({ trigger_id: s.trigger_id, view: createTaskModal(t, meta, fill) });
  };
}

/** Message shortcut "Add to COR task": the task the message links preselected (from what is known, no COR call). */
export function addToTaskFromMessageShortcut(services: SlackServices) {
  return async ({ ack, shortcut, client, respond }: ShortcutArgs): Promise<void> => {
    await ack();
    const s = shortcut as MessageShortcut;
    const link = await linkOrCard(services, s, respond);
    if (!link) return;
    const text = s.message.text ?? '';
    const [t, meta, names] = await Promise.all([textsFor(services, link.tenantKey, link.slackUserId, { link, askSlack: false }), shortcutMeta(services, s, link), mentionNames(services, link.tenantKey, text)]);
    const linked = taskIdIn(text) ?? taskIdIn(JSON.stringify(s.message.attachments ?? []));
    const known = linked === undefined ? undefined : services.tasks.cachedOpenTasks(link)?.find((task) => task.id === linked);
    const task = known ?? (linked === undefined ? undefined : { id: linked, title: `#${linked}`, project: undefined });
    // The type-ahead answers from the cached list: read it now for the first keystroke.
    void services.work.track(services.tasks.openTasks(link, services.linking.apiFor(link)).catch(() => undefined));
    await client.views.open({ trigger_id: s.trigger_id, view: addToTaskModal(t, meta, { task, message: plainMessageText(text, names).trim() }) });
  };
}

const suggestionSchema = z.object({ view: z.object({ private_metadata: z.string().optional() }).optional() });

/** The person's cached open tasks (never waiting on COR: Slack gives 3 s); a cold cache is read for the next keystroke. */
async function cachedTasks(services: SlackServices, body: OptionsArgs['body']): Promise<TaskView[]> {
  const link = await services.linking.findLink(tenantOfInteraction(body), body.user.id);
  if (!link) return [];
  const cached = services.tasks.cachedOpenTasks(link);
  if (!cached) void services.work.track(services.tasks.openTasks(link, services.linking.apiFor(link)).catch(() => undefined));
  return cached ?? [];
}

/** The project type-ahead of "Create COR task": the projects of the person's open tasks, by name. */
export function projectSelectOptions(services: SlackServices) {
  return async ({ ack, body, options }: OptionsArgs): Promise<void> => {
    const projects = new Map<number, string>();
    for (const task of await cachedTasks(services, body)) if (task.projectId !== undefined && task.project) projects.set(task.projectId, task.project);
    const query = fold(options.value.trim());
    const shown = [...projects].filter(([, name]) => fold(name).includes(query)).sort(([, a], [, b]) => a.localeCompare(b));
    await ack({ options: shown.slice(0, MAX_OPTIONS).map(([id, name]) => pickOption(name, id)) });
  };
}

/** The task type-ahead of "Add to COR task": the channel's project's tasks first, then the person's other open tasks. */
export function messageTaskSelectOptions(services: SlackServices) {
  return async ({ ack, body, options }: OptionsArgs): Promise<void> => {
    const tasks = await cachedTasks(services, body);
    const meta = metaSchema.safeParse(parseJsonText(suggestionSchema.safeParse(body).data?.view?.private_metadata));
    const channelProject = meta.success ? meta.data.p : undefined;
    const query = options.value.trim();
    let shown = tasks;
    if (query) {
      const match = matchTask(query, tasks, MAX_OPTIONS);
      shown = match.kind === 'clear' ? [match.task] : match.kind === 'several' ? match.options.map((o) => o.task) : [];
    }
    if (channelProject !== undefined) shown = [...shown.filter((task) => task.projectId === channelProject), ...shown.filter((task) => task.projectId !== channelProject)];
    await ack({ options: shown.slice(0, MAX_OPTIONS).map(taskPickOption) });
  };
}

const selected = z.object({ value: z.string().regex(/^\d{1,12}$/), text: z.object({ text: z.string() }) });
const createStateSchema = z.object({
  [B.title]: z.object({ [B.titleAction]: z.object({ value: z.string().nullish() }) }),
  [B.project]: z.object({ [B.projectAction]: z.object({ selected_option: selected.nullish() }) }).optional(),
  [B.description]: z.object({ [B.descriptionAction]: z.object({ value: z.string().nullish() }) }),
  [B.due]: z.object({ [B.dueAction]: z.object({ selected_date: z.iso.date().nullish() }) }),
});
const addStateSchema = z.object({
  [B.task]: z.object({ [B.taskAction]: z.object({ selected_option: selected.nullish() }) }),
  [B.message]: z.object({ [B.messageAction]: z.object({ value: z.string().nullish() }) }),
});

/** Before the ack: the form and its values as sent by the person who opened it, or undefined (said on the form). */
async function checkedForm<S extends z.ZodType>(services: SlackServices, { ack, body, view }: SubmitArgs, state: S, firstBlock: string): Promise<{ t: Texts; meta: MessageTaskMeta; values: z.infer<S> } | undefined> {
  const meta = metaSchema.safeParse(parseJsonText(view.private_metadata));
  const values = state.safeParse(view.state.values);
  // Before the ack: the language from what is stored (no Slack call).
  const t = await textsFor(services, tenantOfInteraction(body), body.user.id, { askSlack: false });
  if (!meta.success || !values.success || meta.data.u !== body.user.id) {
    await ack({ response_action: 'errors', errors: { [firstBlock]: t.t('tasks.form.outOfDate') } });
    services.logger.warn({ user: body.user.id, callback: view.callback_id }, 'refused a form made from a message');
    return undefined;
  }
  return { t, meta: meta.data, values: values.data };
}

/** "Create COR task" sent: what was typed is checked on the form, then the task is made after the ack, once per form. */
export function taskCreateSubmission(services: SlackServices, accept: Accept<TaskCreation>) {
  return async (args: SubmitArgs): Promise<void> => {
    const form = await checkedForm(services, args, createStateSchema, B.title);
    if (!form) return;
    const { t, meta, values } = form;
    const title = (values[B.title][B.titleAction].value ?? '').replace(/\s+/g, ' ').trim();
    if (!title) return void (await args.ack({ response_action: 'errors', errors: { [B.title]: t.t('msgtask.create.writeTitle') } }));
    const picked = values[B.project]?.[B.projectAction].selected_option;
    const project = meta.p !== undefined ? { id: meta.p, name: meta.pn ?? `#${meta.p}` } : picked ? { id: Number(picked.value), name: picked.text.text } : undefined;
    if (!project) return void (await args.ack({ response_action: 'errors', errors: { [B.project]: t.t('msgtask.create.pickProject') } }));
    const description = values[B.description][B.descriptionAction].value?.trim() ?? '';
    const due = values[B.due][B.dueAction].selected_date ?? undefined;
    const payload: TaskCreation = { meta, title: title.slice(0, TITLE_MAX), projectId: project.id, projectName: project.name, description, ...(due ? { due } : {}), viewId: args.view.id };
    await accept(services, { who: { tenantKey: meta.t, slackUserId: meta.u }, requestId: args.view.id, payload }, () =>
      args.ack({ response_action: 'update', view: messageTaskModalText(t, 'create', meta, t.t('msgtask.create.saving')) }),
    );
  };
}

/** "Add to COR task" sent: the message is posted on the task after the ack, once per form. */
export function taskMessageSubmission(services: SlackServices, accept: Accept<TaskMessage>) {
  return async (args: SubmitArgs): Promise<void> => {
    const form = await checkedForm(services, args, addStateSchema, B.task);
    if (!form) return;
    const { t, meta, values } = form;
    const picked = values[B.task][B.taskAction].selected_option;
    if (!picked) return void (await args.ack({ response_action: 'errors', errors: { [B.task]: t.t('msgtask.add.pickTask') } }));
    const message = values[B.message][B.messageAction].value?.trim() ?? '';
    if (!message) return void (await args.ack({ response_action: 'errors', errors: { [B.message]: t.t('msgtask.add.writeMessage') } }));
    const payload: TaskMessage = { meta, taskId: Number(picked.value), taskLabel: picked.text.text, message, viewId: args.view.id };
    await accept(services, { who: { tenantKey: meta.t, slackUserId: meta.u }, requestId: args.view.id, payload }, () =>
      args.ack({ response_action: 'update', view: messageTaskModalText(t, 'add', meta, t.t('msgtask.add.saving')) }),
    );
  };
}

const taskCreationSchema = z.object({
  meta: metaSchema,
  title: z.string().min(1).max(TITLE_MAX),
  projectId: z.number().int().positive(),
  projectName: z.string().min(1),
  description: z.string().max(TEXT_INPUT_MAX),
  due: z.iso.date().optional(),
  viewId: z.string().min(1),
});
type TaskCreation = z.infer<typeof taskCreationSchema>;

const taskMessageSchema = z.object({
  meta: metaSchema,
  taskId: z.number().int().positive(),
  taskLabel: z.string(),
  message: z.string().min(1).max(TEXT_INPUT_MAX),
  viewId: z.string().min(1),
});
type TaskMessage = z.infer<typeof taskMessageSchema>;

/**
 * After "Create COR task" was acknowledged: the task made as the person, a reply in the message's thread, and the
 * result (or COR's refusal) in the form — by DM when the form is gone. COR has no idempotency keys, so a repeat of
 * the same form (a double click, Slack's retry) is ignored rather than done again, and a run taken over from a
 * stopped instance looks in COR for the task first (the message's permalink marks it).
 */
export const taskCreateWork: AcceptedWork<TaskCreation> = { kind: ACCEPTED.taskCreate, payload: taskCreationSchema, repeats: 'ignore', answer: () => DM, run: createTask };

/** After "Add to COR task" was acknowledged: the message posted on the task as the person, once; then as above. */
export const taskMessageWork: AcceptedWork<TaskMessage> = { kind: ACCEPTED.taskMessage, payload: taskMessageSchema, repeats: 'ignore', answer: () => DM, run: postMessage };

/** What both do before and after COR: the person's link and words, the message's link, how to show the result. */
async function messageWork(services: SlackServices, run: AcceptedRun<TaskCreation | TaskMessage>, form: 'create' | 'add') {
  const { meta, viewId } = run.payload;
  const client = await services.clients.forTenant(meta.t);
  const show = async (t: Texts, text: string) => void (await client.views.update({ view_id: viewId, view: messageTaskModalText(t, form, meta, text) }).catch(() => run.respond({ text })));
  const link = await services.linking.requireLink(meta.t, meta.u).catch(() => undefined);
  if (!link) {
    const t = await textsFor(services, meta.t, meta.u);
    await show(t, t.t('tasks.notLinkedAnyMore'));
    return undefined;
  }
  return { client, show, link, t: await textsOfLink(services, link), permalink: await permalinkOf(services, client, meta) };
}

/** The message's permalink (a read: safe to repeat); without it the task is still made, with the message's words. */
async function permalinkOf(services: SlackServices, client: WebClient, meta: MessageTaskMeta): Promise<string | undefined> {
  try {
    return z.object({ permalink: z.url() }).parse(await client.chat.getPermalink({ channel: meta.c, message_ts: meta.m })).permalink;
  } catch (err) {
    services.logger.info({ err }, 'no permalink for a message made a COR task');
    return undefined;
  }
}

/** The reply under the message, seen by the channel (in the person's language); false when Slack refused it. */
async function replyInThread(services: SlackServices, client: WebClient, meta: MessageTaskMeta, reply: Message): Promise<boolean> {
  try {
    await client.chat.postMessage({ channel: meta.c, thread_ts: meta.th ?? meta.m, text: reply.text, blocks: reply.blocks, unfurl_links: false });
    return true;
  } catch (err) {
    services.logger.info({ err }, 'could not reply in the thread of a message made a COR task');
    return false;
  }
}

/** COR's refusals in plain words: not on the project, no role to create, gone, invalid. */
function refusal(err: unknown, t: Texts, form: 'create' | 'add', subject: string, taskId?: number): string {
  const cor = corRefusal(err);
  if (cor?.code === 'forbidden') return form === 'create' ? t.t('msgtask.refused.create', { project: plain(subject) }) : t.t('msgtask.refused.write', { task: `*${plain(subject)}*` });
  if (cor?.code === 'not_found' && taskId !== undefined) return t.t('msgtask.refused.gone', { id: String(taskId) });
  if (cor?.code === 'validation') return cor.corMessage ? t.t('msgtask.refused.said', { corSaid: cor.corMessage }) : t.t('msgtask.refused.invalid');
  return toUserMessage(err, t);
}

/** COR's answer never came (or broke off): what was asked may be done, so "try again" could do it twice. */
function mayBeDone(err: unknown): boolean {
  const code = corRefusal(err)?.code;
  return code === 'timeout' || code === 'network' || code === 'server' || code === 'bad_response';
}

async function createTask(services: SlackServices, run: AcceptedRun<TaskCreation>): Promise<void> {
  const ready = await messageWork(services, run, 'create');
  if (!ready) return;
  const { client, show, link, t, permalink } = ready;
  const { meta, title, projectId, projectName, description, due } = run.payload;
  const { tz } = await zoneOf(services, link);
  const api = services.linking.apiFor(link);
  let made: Awaited<ReturnType<SlackServices['tasks']['create']>>;
  let adopted = false;
  try {
    // Taken over from an instance that stopped: COR may have made the task already (its permalink marks it).
    const before = run.resumed && permalink ? await services.tasks.madeFrom(link, api, { title, projectId }, permalink) : undefined;
    adopted = before !== undefined;
    made = before
      ? { task: before, detailsSaved: true }
      : await services.tasks.create(link, api, {
          title,
          projectId,
          description: [description, permalink].filter(Boolean).join('\n\n') || undefined,
          deadline: due ? zonedTimeToInstant(due, DUE_HOUR, 0, tz).toISOString() : undefined,
        });
  } catch (err) {
    if (mayBeDone(err)) return void (await show(t, `⚠️ ${t.t('msgtask.create.mayExist', { project: plain(projectName) })}`));
    return void (await show(t, `⚠️ ${refusal(err, t, 'create', projectName)}`));
  }
  if (adopted) services.logger.info({ task: made.task.id }, 'a task made from a message before its instance stopped was found in COR: not made again');
  const url = services.corTaskUrl(made.task.id);
  const replied = await replyInThread(services, client, meta, messageTaskThreadReply(t, 'create', meta.u, made.task, url, services.clock.now(), tz));
  const lines = [t.t('msgtask.create.done', { task: taskReference(made.task, url), project: plain(made.task.project ?? projectName) })];
  if (!made.detailsSaved) lines.push(t.t('msgtask.create.detailsNotSaved'));
  const done = lines.join('\n');
  await show(t, replied ? done : t.t('msgtask.threadFailed', { done }));
}

async function postMessage(services: SlackServices, run: AcceptedRun<TaskMessage>): Promise<void> {
  const ready = await messageWork(services, run, 'add');
  if (!ready) return;
  const { client, show, link, t, permalink } = ready;
  const { meta, taskId, taskLabel, message } = run.payload;
  const api = services.linking.apiFor(link);
  let task: TaskView;
  let adopted = false;
  try {
    // Taken over from an instance that stopped: COR may hold the message already (its permalink marks it).
    adopted = run.resumed && permalink !== undefined && (await services.tasks.hasMessage(api, taskId, permalink));
    task = adopted ? await services.tasks.task(link, api, taskId) : await services.tasks.addMessage(link, api, taskId, [message, permalink].filter(Boolean).join('\n\n'));
  } catch (err) {
    if (mayBeDone(err)) return void (await show(t, `⚠️ ${t.t('msgtask.add.mayExist', { task: plain(taskLabel) })}`));
    return void (await show(t, `⚠️ ${refusal(err, t, 'add', taskLabel, taskId)}`));
  }
  if (adopted) services.logger.info({ task: taskId }, 'a message added to a task before its instance stopped was found in COR: not posted again');
  const url = services.corTaskUrl(task.id);
  const { tz } = await zoneOf(services, link);
  const replied = await replyInThread(services, client, meta, messageTaskThreadReply(t, 'add', meta.u, task, url, services.clock.now(), tz));
  const done = t.t('msgtask.add.done', { task: taskReference(task, url) });
  await show(t, replied ? done : t.t('msgtask.threadFailed', { done }));
}
