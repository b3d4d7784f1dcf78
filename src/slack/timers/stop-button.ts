import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { Accept, AcceptedRun, AcceptedWork } from '../accepted.ts';
import { rememberAnswer } from '../entry-answers.ts';
import { ACCEPTED } from '../ids.ts';
import { tenantOfInteraction } from '../payloads.ts';
import { textsOfLink, zoneOf } from '../person.ts';
import { DM } from '../respond.ts';
import type { SlackServices } from '../services.ts';
import { stoppedMessage } from './blocks.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** "Stop" on the App Home timer: recorded before the ack, then writes the entry (split at midnight), says so by DM, and redraws Home. */
export function stopTimerFromHome(services: SlackServices, accept: Accept<StopFromHome>) {
  return async (args: ActionArgs): Promise<void> => {
    const body = args.body;
    const tenantKey = tenantOfInteraction(body);
    await accept(services, { who: { tenantKey, slackUserId: body.user.id }, requestId: `${body.user.id}:${body.trigger_id}`, payload: { tenantKey, userId: body.user.id } }, () => args.ack());
  };
}

const stopFromHomeSchema = z.object({ tenantKey: z.string().min(1), userId: z.string().min(1) });
type StopFromHome = z.infer<typeof stopFromHomeSchema>;

/**
 * After Stop was acknowledged (right after, or on another instance after a crash): stops at the click's time. App
 * Home has no response_url: the answer, and what goes wrong, is said by DM.
 */
export const timerHomeStopWork: AcceptedWork<StopFromHome> = { kind: ACCEPTED.timerHomeStop, payload: stopFromHomeSchema, answer: () => DM, run: stopFromHome };

async function stopFromHome(services: SlackServices, { payload, acceptedAt, respond: dm }: AcceptedRun<StopFromHome>): Promise<void> {
  const { tenantKey, userId } = payload;
  const link = await services.linking.requireLink(tenantKey, userId).catch(() => undefined);
  if (!link) return;
  const { tz } = await zoneOf(services, link);
  // The Home it was clicked on is redrawn once, after the timer is gone (not when its entries are written, just before).
  const stopped = await services.home.redrawAfter(services, link, () => services.timers.stop(link, services.linking.apiFor(link), tz, acceptedAt), { onHome: true });
  // The DM says how it went: the last part's outcome turns it into ✓ (an earlier part's is told by DM).
  if (stopped) await rememberAnswer(services, stopped.outcomes.slice(-1).map((o) => o.outcome), await dm(stoppedMessage(await textsOfLink(services, link), stopped, tz, link)));
}
