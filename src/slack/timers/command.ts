import { z } from 'zod';
import { isGoneInCor } from '../../errors.ts';
import type { Accept, AcceptedRun, AcceptedWork } from '../accepted.ts';
import type { SubcommandHandler } from '../command.ts';
import { taskNotFoundMessage } from '../entry-answers.ts';
import { ACCEPTED } from '../ids.ts';
import { slashCommandSchema, tenantOfCommand } from '../payloads.ts';
import { textsFor, textsOfLink, withLinkOrCard, zoneOf } from '../person.ts';
import { answerAt, inPlaceOf, storedAnswerPlace } from '../respond.ts';
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
export function timerSubcommand(services: SlackServices, accept: Accept<TimerWork>, verb: 'start' | 'stop' | 'status'): SubcommandHandler {
  return async (args, command, rest) => {
    if (verb === 'start' && !rest) {
      // Before the ack: the language from what is stored (no Slack call).
      const t = await textsFor(services, tenantOfCommand(command), command.user_id, { askSlack: false });
      await args.ack({ response_type: 'ephemeral', ...startUsageMessage(t) });
      return;
    }
    const working = { response_type: 'ephemeral' as const, text: '⏳ …' };
    const who = { tenantKey: tenantOfCommand(command), slackUserId: command.user_id };
    if (verb === 'status') {
      await args.ack(working);
      const respond = answerAt(services.clients, services.clock.now(), who, inPlaceOf(command.response_url, services.clock.now()));
      await withLinkOrCard(services, respond, command, async (link) => {
        const { tz } = await zoneOf(services, link);
        const t = await textsOfLink(services, link);
        await respond(statusMessage(t, await services.timers.status(link, services.linking.apiFor(link)), tz));
      });
      return;
    }
    await accept(services, { who, requestId: command.trigger_id, payload: { command, verb, rest } }, { withWords: (say) => args.ack(say ? { response_type: 'ephemeral', ...say } : working) });
  };
}

const timerWorkSchema = z.object({ command: slashCommandSchema, verb: z.enum(['start', 'stop']), rest: z.string() });
type TimerWork = z.infer<typeof timerWorkSchema>;

/** After `/cor start` or `/cor stop` was acknowledged (right after, or on another instance after a crash): answered in place. */
export const timerWork: AcceptedWork<TimerWork> = { kind: ACCEPTED.timer, payload: timerWorkSchema, answer: ({ command }, acceptedAt) => inPlaceOf(command.response_url, acceptedAt), run: startOrStop };

async function startOrStop(services: SlackServices, { payload, acceptedAt, place, respond }: AcceptedRun<TimerWork>): Promise<void> {
  const { command, verb, rest } = payload;
  await withLinkOrCard(services, respond, command, async (link) => {
    const { tz } = await zoneOf(services, link);
    const t = await textsOfLink(services, link);
    const api = services.linking.apiFor(link);
    if (verb === 'stop') {
      // Home is redrawn once, after the timer is gone (not when its entries are written, just before).
      const stopped = await services.home.redrawAfter(services, link, () => services.timers.stop(link, api, tz, acceptedAt, storedAnswerPlace(place)), { changed: (s) => s !== undefined });
      return void (await respond(stopped ? stoppedMessage(t, stopped, tz, link) : noTimerMessage(t)));
    }
    try {
      // The stopped timer's entries are told by DM: this answer is about the new timer.
      const started = await services.home.redrawAfter(services, link, () => services.timers.start(link, api, rest, tz, acceptedAt), { changed: (r) => r.kind === 'started' });
      if (started.kind === 'choose') return void (await respond(chooseTimerTaskMessage(t, started.options)));
      if (started.kind === 'no_task') return void (await respond(noTimerTaskMessage(t, started.query)));
      await respond(startedMessage(t, started.task, started.timer.startedAt, tz, started.stoppedPrevious, link));
    } catch (err) {
      if (isGoneInCor(err)) return void (await respond(taskNotFoundMessage(t, Number(rest.replace('#', '')))));
      throw err;
    }
  });
}
