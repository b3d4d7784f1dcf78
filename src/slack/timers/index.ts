import type { Subcommands } from '../command.ts';
import { ACTIONS, SUBCOMMANDS } from '../ids.ts';
import type { ListenerRegistry } from '../registry.ts';
import type { SlackServices } from '../services.ts';
import { timerSubcommand, timerWork } from './command.ts';
import { stopTimerFromHome, timerHomeStopWork } from './stop-button.ts';

/** Timers kept by the bot and written to COR on stop: `/cor start`, `stop`, `status`, and Stop on App Home. */
export function registerTimers(registry: ListenerRegistry, services: SlackServices): Subcommands {
  registry.action(ACTIONS.timerStop, stopTimerFromHome(services, registry.acceptedWork(timerHomeStopWork)));
  const timer = registry.acceptedWork(timerWork);
  return {
    [SUBCOMMANDS.start]: timerSubcommand(services, timer, 'start'),
    [SUBCOMMANDS.stop]: timerSubcommand(services, timer, 'stop'),
    [SUBCOMMANDS.status]: timerSubcommand(services, timer, 'status'),
  };
}
