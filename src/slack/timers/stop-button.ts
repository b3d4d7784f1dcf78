import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { acceptedJob, acceptThenWork, storedPayload } from '../accepted.ts';
import { rememberAnswer } from '../entry-answers.ts';
import { ACCEPTED } from '../ids.ts';
import { tenantOfInteraction } from '../payloads.ts';
import { zoneOf } from '../person.ts';
import { answerAt, DM, type Respond } from '../respond.ts';
import type { SlackServices } from '../services.ts';
import { stoppedMessage } from './blocks.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** "Stop" on the App Home timer: recorded before the ack, then writes the entry (split at midnight), says so by DM, and redraws Home. */
export function stopTimerFromHome(services: SlackServices) {
  return async (args: ActionArgs): Promise<void> => {
    const body = args.body;
    const tenantKey = tenantOfInteraction(body);
    // App Home has no response_url: the answer, and what goes wrong, is said by DM.
    const who = { tenantKey, slackUserId: body.user.id };
    const dm = answerAt(services.clients, services.clock.now(), who, DM);
    const job = acceptedJob(ACCEPTED.timerHomeStop, who, `${body.user.id}:${body.trigger_id}`, { tenantKey, userId: body.user.id });
    await acceptThenWork(services, job, () => args.ack(), stopFromHome, dm);
  };
}

const stopFromHomeSchema = z.object({ tenantKey: z.string().min(1), userId: z.string().min(1) });

/** After Stop was acknowledged (right after, or on another instance after a crash): stops at the click's time. */
export async function stopFromHome(services: SlackServices, payload: unknown, dm: Respond, acceptedAt: Date): Promise<void> {
  const job = storedPayload(stopFromHomeSchema, payload, 'timer Stop');
  const { tenantKey, userId } = job;
  const link = await services.linking.requireLink(tenantKey, userId).catch(() => undefined);
  if (!link) return;
  const { tz } = await zoneOf(services, link);
  const stopped = await services.timers.stop(link, services.linking.apiFor(link), tz, acceptedAt);
  // The DM says how it went: the last part's outcome turns it into ✓ (an earlier part's is told by DM).
  if (stopped) await rememberAnswer(services, stopped.outcomes.slice(-1).map((o) => o.outcome), await dm(stoppedMessage(stopped, tz, link)));
  await services.home.opened(services, await services.clients.forTenant(tenantKey), tenantKey, userId);
}
