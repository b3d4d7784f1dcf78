import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { matchTask } from '../../domain/task-match.ts';
import { tenantOfInteraction } from '../payloads.ts';
import type { SlackServices } from '../services.ts';
import { taskOption } from './form-blocks.ts';

/** Slack allows 100 options; fewer read better. */
const MAX_OPTIONS = 50;

/**
 * The task type-ahead: answered in the ack from the person's cached open tasks, never waiting on COR (Slack
 * gives 3 s). A cold cache is filled in the background for the next keystroke.
 */
export function taskSelectOptions(services: SlackServices) {
  return async ({ ack, body, options }: SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs): Promise<void> => {
    const tenantKey = tenantOfInteraction(body);
    const link = await services.linking.findLink(tenantKey, body.user.id);
    const cached = link ? services.tasks.cachedOpenTasks(link) : undefined;
    if (link && !cached) void services.work.track(services.tasks.openTasks(link, services.linking.apiFor(link)).catch(() => undefined));
    const tasks = cached ?? [];
    const query = options.value.trim();
    let shown = tasks;
    if (query) {
      const match = matchTask(query, tasks, MAX_OPTIONS);
      shown = match.kind === 'clear' ? [match.task] : match.kind === 'several' ? match.options.map((o) => o.task) : [];
    }
    await ack({ options: shown.slice(0, MAX_OPTIONS).map(taskOption) });
  };
}
