import type { Subcommands } from '../command.ts';
import { CALLBACKS, PROJECT_MODAL_BLOCKS, SUBCOMMANDS } from '../ids.ts';
import type { ListenerRegistry } from '../registry.ts';
import type { SlackServices } from '../services.ts';
import { projectSubcommand } from './command.ts';
import { projectDatePreview, projectSubmission } from './form.ts';

/** Channels as COR projects: `/cor project new | edit` and the project form. */
export function registerProjects(registry: ListenerRegistry, services: SlackServices): Subcommands {
  registry.view(CALLBACKS.project, projectSubmission(services));
  // Enter in the project form's date fields.
  registry.action(PROJECT_MODAL_BLOCKS.startAction, projectDatePreview(services));
  registry.action(PROJECT_MODAL_BLOCKS.endAction, projectDatePreview(services));
  return { [SUBCOMMANDS.project]: projectSubcommand(services) };
}
