import { z } from 'zod';
import { isGoneInCor } from '../../errors.ts';
import { acceptedJob, acceptThenWork, storedPayload } from '../accepted.ts';
import type { SubcommandHandler } from '../command.ts';
import { taskNotFoundMessage } from '../entry-answers.ts';
import { ACCEPTED } from '../ids.ts';
import { slashCommandSchema, tenantOfCommand } from '../payloads.ts';
import { withLinkOrCard, zoneOf } from '../person.ts';
import { type AnswerPlace, answerAt, type Respond, storedAnswerPlace } from '../respond.ts';
import type { SlackServices } from '../services.ts';
import {
  chooseTimerTaskMessage,
  noTimerMessage,
  noTimerTaskMessage,
  startedMessage,
  startUsageMessage,
  statusMessage,
  stoppedMessage,
} from './blocks.ts';

/**
 * `/cor start <task>`, `/cor stop`, `/cor status`: timers kept by the bot, written to COR on stop. Start and stop
 * are recorded before the ack (accepted.ts): one acknowledged and then cut short by a crash is finished elsewhere,
 * at the time it was asked.
 */
export function timerSubcommand(services: SlackServices, verb: 'start' | 'stop' | 'status'): SubcommandHandler {
  return async (args, command, rest) => {
    if (verb === 'start' && !rest) {
      await args.ack({ response_type: 'ephemeral', ...startUsageMessage() });
      return;
    }
    const working = { response_type: 'ephemeral' as const, text: '⏳ …' };
    const tenantKey = tenantOfCommand(command);
    const who = { tenantKey, slackUserId: command.user_id };
    const respond = answerAt(services.clients, services.clock.now(), who, inPlaceOf(command, services.clock.now()));
    if (verb === 'status') {
      await args.ack(working);
      await withLinkOrCard(services, respond, command, async (link) => {
        const { tz } = await zoneOf(services, link);
        await respond(statusMessage(await services.timers.status(link, services.linking.apiFor(link)), tz));
      });
      return;
    }
    const job = acceptedJob(ACCEPTED.timer, who, command.trigger_id, { command, verb, rest }, command.response_url);
    await acceptThenWork(services, job, { withWords: (say) => args.ack(say ? { response_type: 'ephemeral', ...say } : working) }, timerWork, respond);
  };
}

const timerWorkSchema = z.object({ command: slashCommandSchema, verb: z.enum(['start', 'stop']), rest: z.string() });

/** The answer to a command: in place of its first answer. */
function inPlaceOf(command: { response_url: string }, since: Date): AnswerPlace {
  return { kind: 'response_url', url: command.response_url, replace: true, since };
}

/** After `/cor start` or `/cor stop` was acknowledged (right after, or on another instance after a crash). */
export async function timerWork(services: SlackServices, payload: unknown, respond: Respond, acceptedAt: Date): Promise<void> {
  const job = storedPayload(timerWorkSchema, payload, 'timer command');
  const { command, verb, rest } = job;
  await withLinkOrCard(services, respond, command, async (link) => {
    const { tz } = await zoneOf(services, link);
    const api = services.linking.apiFor(link);
    if (verb === 'stop') {
      const stopped = await services.timers.stop(link, api, tz, acceptedAt, storedAnswerPlace(inPlaceOf(command, acceptedAt)));
      services.home.refresh(services, link);
      return void (await respond(stopped ? stoppedMessage(stopped, tz, link) : noTimerMessage()));
    }
    try {
      // The stopped timer's entries are told by DM: this answer is about the new timer.
      const started = await services.timers.start(link, api, rest, tz, acceptedAt);
      if (started.kind === 'choose') return void (await respond(chooseTimerTaskMessage(started.options)));
      if (started.kind === 'no_task') return void (await respond(noTimerTaskMessage(started.query)));
      services.home.refresh(services, link);
      await respond(startedMessage(started.task, started.timer.startedAt, tz, started.stoppedPrevious, link));
    } catch (err) {
      if (isGoneInCor(err)) return void (await respond(taskNotFoundMessage(Number(rest.replace('#', '')))));
      throw err;
    }
  });
}
