import type { Subcommands } from '../command.ts';
import { SUBCOMMANDS } from '../ids.ts';
import type { SlackServices } from '../services.ts';
import { languageSubcommand } from './command.ts';

/** The language the bot speaks to a person: `/cor language`. (App Home's language select is home/'s.) */
export function registerLanguage(services: SlackServices): Subcommands {
  return { [SUBCOMMANDS.language]: languageSubcommand(services) };
}
