import { isReportQuestion } from '../../domain/parse/report-question.ts';
import type { Subcommands } from '../command.ts';
import { ACTIONS, CALLBACKS, REPORT_MODAL_BLOCKS, SUBCOMMANDS } from '../ids.ts';
import { messagesToBot } from '../messages-to-bot.ts';
import type { ListenerRegistry } from '../registry.ts';
import type { SlackServices } from '../services.ts';
import { downloadCsv, pickScope, shareReport } from './buttons.ts';
import { reportSubcommand } from './command.ts';
import { reportMessageWork } from './dm.ts';
import { groupOptions, reportSubmission, scopeOptions } from './form.ts';

/** Reports of hours: `/cor report`, its form, report questions written to the bot, and a report's buttons. */
export function registerReports(registry: ListenerRegistry, services: SlackServices): Subcommands {
  registry.action(ACTIONS.reportCsv, downloadCsv(services));
  registry.action(ACTIONS.reportShare, shareReport(services));
  registry.action(ACTIONS.reportPick, pickScope(services));
  registry.view(CALLBACKS.report, reportSubmission(services));
  registry.options(REPORT_MODAL_BLOCKS.scopeAction, scopeOptions(services));
  registry.options(REPORT_MODAL_BLOCKS.groupAction, groupOptions(services));
  registry.event('message', messagesToBot(services, registry.acceptedWork(reportMessageWork), isReportQuestion));
  return { [SUBCOMMANDS.report]: reportSubcommand(services) };
}
