import { isGoneInCor } from '../../errors.ts';
import type { Message } from '../blocks.ts';
import type { SubcommandHandler } from '../command.ts';
import { taskNotFoundMessage } from '../entry-answers.ts';
import { withLinkOrCard, zoneOf } from '../person.ts';
import type { SlackServices } from '../services.ts';
import {
  chooseTimerTaskMessage,
  noTimerMessage,
  noTimerTaskMessage,
  startedMessage,
  startUsageMessage,
  statusMessage,
  stoppedLine,
} from './blocks.ts';

/** `/cor start <task>`, `/cor stop`, `/cor status`: timers kept by the bot, written to COR on stop. */
export function timerSubcommand(services: SlackServices, verb: 'start' | 'stop' | 'status'): SubcommandHandler {
  return async (args, command, rest) => {
    if (verb === 'start' && !rest) {
      await args.ack({ response_type: 'ephemeral', ...startUsageMessage() });
      return;
    }
    await args.ack({ response_type: 'ephemeral', text: '⏳ …' });
    const respond = (m: Message) => args.respond({ response_type: 'ephemeral', replace_original: true, ...m });
    await withLinkOrCard(services, args.respond, command, async (link) => {
      const { tz } = await zoneOf(services, link);
      const api = services.linking.apiFor(link);
      if (verb === 'status') return void (await respond(statusMessage(await services.timers.status(link, api), tz)));
      if (verb === 'stop') {
        const stopped = await services.timers.stop(link, api, tz);
        services.home.refresh(services, link);
        return void (await respond(stopped ? { text: stoppedLine(stopped, tz), blocks: [{ type: 'section', text: { type: 'mrkdwn', text: stoppedLine(stopped, tz) } }] } : noTimerMessage()));
      }
      try {
        const started = await services.timers.start(link, api, rest, tz);
        if (started.kind === 'choose') return void (await respond(chooseTimerTaskMessage(started.options)));
        if (started.kind === 'no_task') return void (await respond(noTimerTaskMessage(started.query)));
        services.home.refresh(services, link);
        await respond(startedMessage(started.task, started.timer.startedAt, tz, started.stoppedPrevious));
      } catch (err) {
        if (isGoneInCor(err)) {
          return void (await respond(taskNotFoundMessage(Number(rest.replace('#', '')))));
        }
        throw err;
      }
    });
  };
}
