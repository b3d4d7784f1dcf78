import type { Subcommands } from '../command.ts';
import { ACTIONS, SUBCOMMANDS } from '../ids.ts';
import type { ListenerRegistry } from '../registry.ts';
import type { SlackServices } from '../services.ts';
import { linkSubcommand, unlinkSubcommand, whoamiSubcommand } from './command.ts';
import { userChanged } from './profile-changed.ts';

/** Linking a Slack user to their COR account: `/cor link`, `whoami`, `unlink`, and profile changes. */
export function registerLinking(registry: ListenerRegistry, services: SlackServices): Subcommands {
  // The link card's button opens COR's consent page by itself; Slack still sends the click, which is acknowledged.
  registry.action(ACTIONS.openCorConsent, async ({ ack }) => {
    await ack();
  });
  registry.event('user_change', userChanged(services));
  return {
    [SUBCOMMANDS.link]: linkSubcommand(services),
    [SUBCOMMANDS.whoami]: whoamiSubcommand(services),
    [SUBCOMMANDS.unlink]: unlinkSubcommand(services),
  };
}
