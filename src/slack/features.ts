import { corCommand } from './command.ts';
import { registerDigests } from './digests/index.ts';
import { registerHome } from './home/index.ts';
import { COMMAND } from './ids.ts';
import { registerLanguage } from './language/index.ts';
import { registerLinking } from './linking/index.ts';
import { registerLogTime } from './log-time/index.ts';
import { registerProjects } from './projects/index.ts';
import type { ListenerRegistry } from './registry.ts';
import { registerReminders } from './reminders/index.ts';
import { registerReports } from './reports/index.ts';
import type { SlackServices } from './services.ts';
import { registerSummary } from './summary/index.ts';
import { registerTasks } from './tasks/index.ts';
import { registerTimers } from './timers/index.ts';
import { registerWorkspace } from './workspace/index.ts';

/**
 * The one list of features. Each registers its own listeners and returns its `/cor` subcommands, which the one
 * `/cor` command routes to.
 */
export function registerFeatures(registry: ListenerRegistry, services: SlackServices): void {
  const subcommands = [
    registerLinking(registry, services),
    registerLogTime(registry, services),
    registerSummary(services),
    registerReports(registry, services),
    registerTimers(registry, services),
    registerReminders(registry, services),
    registerTasks(registry, services),
    registerProjects(registry, services),
    registerDigests(registry, services),
    registerLanguage(services),
  ];
  registerHome(registry, services);
  registerWorkspace(registry, services);
  registry.command(COMMAND, corCommand(services, subcommands));
}
