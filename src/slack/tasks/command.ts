import { taskIdIn } from '../../domain/parse/log-command.ts';
import { matchTask } from '../../domain/task-match.ts';
import type { TaskView } from '../../domain/tasks.ts';
import { isGoneInCor } from '../../errors.ts';
import type { Message } from '../blocks.ts';
import type { SubcommandHandler } from '../command.ts';
import { tenantOfCommand } from '../payloads.ts';
import { textsFor, textsOfLink, withLinkOrCard, zoneOf } from '../person.ts';
import type { SlackServices } from '../services.ts';
import { quoted, taskCard, taskNotFoundText, tasksMessage } from './blocks.ts';

/** Task titles are short: words past this many characters name no task, and are not read (nor carried on a button). */
const MAX_QUERY = 200;

/** The words of `/cor tasks` and `/cor task` that are read: the start of them. */
const queryOf = (words: string): string => words.slice(0, MAX_QUERY).trim();

/** The open tasks that match some words, best first (all of them without words). */
export function tasksMatching(open: TaskView[], words: string): TaskView[] {
  if (!words) return open;
  const match = matchTask(queryOf(words), open, 100);
  return match.kind === 'clear' ? [match.task] : match.kind === 'several' ? match.options.map((o) => o.task) : [];
}

/** In a channel that is a COR project, that project's tasks first (the order is otherwise kept). */
function channelProjectFirst(tasks: TaskView[], projectId: number | undefined): TaskView[] {
  if (projectId === undefined) return tasks;
  return [...tasks.filter((t) => t.projectId === projectId), ...tasks.filter((t) => t.projectId !== projectId)];
}

/** `/cor tasks [words]`: the person's open tasks, grouped by project, with their actions; paged. */
export function tasksSubcommand(services: SlackServices): SubcommandHandler {
  return async (args, command, rest) => {
    const before = await textsFor(services, tenantOfCommand(command), command.user_id, { askSlack: false });
    await args.ack({ response_type: 'ephemeral', text: before.t('tasks.reading') });
    await withLinkOrCard(services, args.respond, command, async (link) => {
      const { tz } = await zoneOf(services, link);
      const t = await textsOfLink(services, link);
      const open = await services.tasks.openTasks(link, services.linking.apiFor(link));
      const project = command.channel_id ? await services.projects.ofChannel(link.tenantKey, command.channel_id) : undefined;
      const query = queryOf(rest);
      const page = { tasks: channelProjectFirst(tasksMatching(open, query), project?.corProjectId), query: query || undefined, offset: 0 };
      await args.respond({ response_type: 'ephemeral', replace_original: true, ...tasksMessage(t, page, services.clock.now(), tz, services.corTaskUrl) });
    });
  };
}

/** `/cor task <#id | COR link | words>`: one task's card with its actions. */
export function taskSubcommand(services: SlackServices): SubcommandHandler {
  return async (args, command, rest) => {
    const before = await textsFor(services, tenantOfCommand(command), command.user_id, { askSlack: false });
    if (!rest) {
      await args.ack({ response_type: 'ephemeral', text: before.t('tasks.which') });
      return;
    }
    await args.ack({ response_type: 'ephemeral', text: before.t('tasks.readingOne') });
    await withLinkOrCard(services, args.respond, command, async (link) => {
      const { tz } = await zoneOf(services, link);
      const t = await textsOfLink(services, link);
      const api = services.linking.apiFor(link);
      const now = services.clock.now();
      const answer = async (m: Message) => args.respond({ response_type: 'ephemeral', replace_original: true, ...m });
      const id = taskIdIn(rest);
      if (id !== undefined) {
        try {
          const task = await services.tasks.fresh(link, api, id);
          return void (await answer(taskCard(t, task, now, tz, services.corTaskUrl(task.id))));
        } catch (err) {
          if (isGoneInCor(err)) return void (await answer(taskNotFoundText(t, `#${id}`)));
          throw err;
        }
      }
      const query = queryOf(rest);
      const found = tasksMatching(await services.tasks.openTasks(link, api), query);
      if (found.length === 0) return void (await answer(taskNotFoundText(t, quoted(query))));
      if (found.length === 1 && found[0]) return void (await answer(taskCard(t, found[0], now, tz, services.corTaskUrl(found[0].id))));
      await answer(tasksMessage(t, { tasks: found, query, offset: 0 }, now, tz, services.corTaskUrl));
    });
  };
}
