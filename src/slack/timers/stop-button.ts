import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { tenantOfInteraction } from '../payloads.ts';
import { zoneOf } from '../person.ts';
import { afterAck } from '../respond.ts';
import type { SlackServices } from '../services.ts';
import { stoppedLine } from './blocks.ts';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** "Stop" on the App Home timer: writes the entry (split at midnight), says so by DM, and redraws Home. */
export function stopTimerFromHome(services: SlackServices) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const body = args.body;
    const tenantKey = tenantOfInteraction(body);
    // App Home has no response_url: what goes wrong is said by DM.
    const dm = (text: string) => args.client.chat.postMessage({ channel: body.user.id, text });
    await afterAck(
      services,
      async () => {
        const link = await services.linking.requireLink(tenantKey, body.user.id).catch(() => undefined);
        if (!link) return;
        const { tz } = await zoneOf(services, link);
        const stopped = await services.timers.stop(link, services.linking.apiFor(link), tz);
        if (stopped) await dm(stoppedLine(stopped, tz));
        await services.home.opened(services, args.client, tenantKey, body.user.id);
      },
      dm,
    );
  };
}
