import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { splitSubcommand, slashCommandSchema, type SlashCommand } from '../../payloads.ts';
import type { SlackServices } from '../../services.ts';
import { usageCard } from '../../views/help.ts';
import { SUBCOMMANDS } from '../../views/ids.ts';
import { linkSubcommand, unlinkSubcommand, whoamiSubcommand } from './linking.ts';
import { logSubcommand } from './log.ts';
import { remindSubcommand } from './remind.ts';
import { taskSubcommand, tasksSubcommand } from './tasks.ts';
import { projectSubcommand } from './project.ts';
import { summarySubcommand } from './summary.ts';
import { timerSubcommand } from './timers.ts';

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
export type SubcommandHandler = (args: CommandArgs, command: SlashCommand, rest: string) => Promise<void>;

/**
 * `/cor <subcommand> ...`: routes to the subcommand's handler. An empty, `help` or unknown subcommand
 * answers with the usage card in the ack itself: never an error page.
 */
export function corCommand(services: SlackServices) {
  const handlers: Record<string, SubcommandHandler> = {
    [SUBCOMMANDS.help]: async ({ ack }) => {
      await ack({ response_type: 'ephemeral', ...usageCard() });
    },
    [SUBCOMMANDS.link]: linkSubcommand(services),
    [SUBCOMMANDS.whoami]: whoamiSubcommand(services),
    [SUBCOMMANDS.unlink]: unlinkSubcommand(services),
    [SUBCOMMANDS.log]: logSubcommand(services),
    [SUBCOMMANDS.today]: summarySubcommand(services, 'today'),
    [SUBCOMMANDS.week]: summarySubcommand(services, 'week'),
    [SUBCOMMANDS.start]: timerSubcommand(services, 'start'),
    [SUBCOMMANDS.stop]: timerSubcommand(services, 'stop'),
    [SUBCOMMANDS.status]: timerSubcommand(services, 'status'),
    [SUBCOMMANDS.remind]: remindSubcommand(services),
    [SUBCOMMANDS.tasks]: tasksSubcommand(services),
    [SUBCOMMANDS.task]: taskSubcommand(services),
    [SUBCOMMANDS.project]: projectSubcommand(services),
  };

  return async (args: CommandArgs): Promise<void> => {
    const parsed = slashCommandSchema.safeParse(args.command);
    if (!parsed.success) {
      await args.ack({ response_type: 'ephemeral', text: 'That request was incomplete; please try the command again.' });
      services.logger.warn({ issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'slash command payload failed validation');
      return;
    }
    const { sub, rest } = splitSubcommand(parsed.data.text);
    const handler = handlers[sub];
    if (handler) return handler(args, parsed.data, rest);
    await args.ack({ response_type: 'ephemeral', ...usageCard(sub === '' ? {} : { unknown: sub }) });
  };
}
