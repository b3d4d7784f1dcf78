import type { Subcommands } from '../command.ts';
import { SUBCOMMANDS } from '../ids.ts';
import type { SlackServices } from '../services.ts';
import { summarySubcommand } from './command.ts';

/** What was logged: `/cor today` and `/cor week`. No buttons or forms of its own. */
export function registerSummary(services: SlackServices): Subcommands {
  return { [SUBCOMMANDS.today]: summarySubcommand(services, 'today'), [SUBCOMMANDS.week]: summarySubcommand(services, 'week') };
}
