import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { textsIn } from '../i18n/texts.ts';
import { usageCard } from './help.ts';
import { SUBCOMMANDS } from './ids.ts';
import { splitSubcommand, slashCommandSchema, type SlashCommand, tenantOfCommand } from './payloads.ts';
import { textsFor } from './person.ts';
import type { SlackServices } from './services.ts';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
export type SubcommandHandler = (args: CommandArgs, command: SlashCommand, rest: string) => Promise<void>;
type Subcommand = (typeof SUBCOMMANDS)[keyof typeof SUBCOMMANDS];
/** The subcommands a feature answers, by name; its register function returns them. */
export type Subcommands = Partial<Record<Subcommand, SubcommandHandler>>;

/**
 * `/cor <subcommand> ...`: routes to the handler a feature gave for the subcommand. An empty, `help` or unknown
 * subcommand answers with the usage card in the ack itself: never an error page.
 */
export function corCommand(services: Pick<SlackServices, 'logger' | 'entries' | 'languages'>, features: Subcommands[]) {
  const undoSeconds = Math.round(services.entries.undoWindowMs / 1000);
  // Answered in the ack itself: the language is the person's as the store knows it (no Slack call before an ack).
  const textsOf = (command: SlashCommand) => textsFor(services, tenantOfCommand(command), command.user_id, { askSlack: false });
  const help: SubcommandHandler = async ({ ack }, command) => {
    await ack({ response_type: 'ephemeral', ...usageCard(await textsOf(command), { undoSeconds }) });
  };
  const handlers = new Map<string, SubcommandHandler>([[SUBCOMMANDS.help, help]]);
  for (const subcommands of features) {
    for (const [name, handler] of Object.entries(subcommands)) {
      if (handlers.has(name)) throw new Error(`two handlers for /cor ${name}`);
      handlers.set(name, handler);
    }
  }

  return async (args: CommandArgs): Promise<void> => {
    const parsed = slashCommandSchema.safeParse(args.command);
    if (!parsed.success) {
      await args.ack({ response_type: 'ephemeral', text: textsIn(services.languages.defaultLanguage).t('error.incompleteRequest') });
      services.logger.warn({ issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'slash command payload failed validation');
      return;
    }
    const { sub, rest } = splitSubcommand(parsed.data.text);
    const handler = handlers.get(sub);
    if (handler) return handler(args, parsed.data, rest);
    await args.ack({ response_type: 'ephemeral', ...usageCard(await textsOf(parsed.data), sub === '' ? { undoSeconds } : { unknown: sub, undoSeconds }) });
  };
}
