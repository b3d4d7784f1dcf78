import { z } from 'zod';

/** The fields of a slash command the app relies on, checked at the boundary. */
export const slashCommandSchema = z.object({
  command: z.string(),
  text: z.string().default(''),
  user_id: z.string().min(1),
  team_id: z.string().min(1),
  enterprise_id: z.string().optional(),
  is_enterprise_install: z.string().optional(),
  channel_id: z.string().optional(),
  channel_name: z.string().optional(),
  response_url: z.string().url(),
  trigger_id: z.string().min(1),
});
export type SlashCommand = z.infer<typeof slashCommandSchema>;

/** Splits "/cor log 2h on X" text into the subcommand ("log") and the rest ("2h on X"). */
export function splitSubcommand(text: string): { sub: string; rest: string } {
  const trimmed = text.trim();
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  if (!match) return { sub: '', rest: '' };
  return { sub: (match[1] ?? '').toLowerCase(), rest: (match[2] ?? '').trim() };
}
