import type { Subcommands } from '../command.ts';
import { ACCEPTED, ACTIONS, SUBCOMMANDS } from '../ids.ts';
import type { ListenerRegistry } from '../registry.ts';
import type { SlackServices } from '../services.ts';
import { timerSubcommand, timerWork } from './command.ts';
import { stopFromHome, stopTimerFromHome } from './stop-button.ts';

/** Timers kept by the bot and written to COR on stop: `/cor start`, `stop`, `status`, and Stop on App Home. */
export function registerTimers(registry: ListenerRegistry, services: SlackServices): Subcommands {
  registry.action(ACTIONS.timerStop, stopTimerFromHome(services));
  registry.acceptedWork(ACCEPTED.timer, timerWork);
  registry.acceptedWork(ACCEPTED.timerHomeStop, stopFromHome);
  return {
    [SUBCOMMANDS.start]: timerSubcommand(services, 'start'),
    [SUBCOMMANDS.stop]: timerSubcommand(services, 'stop'),
    [SUBCOMMANDS.status]: timerSubcommand(services, 'status'),
  };
}
