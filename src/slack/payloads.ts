import { z } from 'zod';
import { tenantKeyOf } from '../domain/tenant.ts';

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

/**
 * A person writing to the bot: a plain message in its Messages tab (no subtype: not an edit, a deletion, a bot's).
 * The one reading of such a message: log-time (a log) and reports (a report question) both take it, so the two
 * listeners see the same messages.
 */
const messageToBotSchema = z.object({
  type: z.literal('message'),
  channel_type: z.literal('im'),
  channel: z.string().min(1),
  user: z.string().min(1),
  text: z.string().max(40_000),
  ts: z.string().min(1),
  thread_ts: z.string().min(1).optional(),
  subtype: z.never().optional(),
  bot_id: z.never().optional(),
});
export type MessageToBot = z.infer<typeof messageToBotSchema>;

/** A message event as a person's message to the bot, or undefined (another kind of message, or the bot's own). */
export function messageToBotOf(event: unknown, botUserId: string | undefined): MessageToBot | undefined {
  const parsed = messageToBotSchema.safeParse(event);
  return parsed.success && parsed.data.user !== botUserId ? parsed.data : undefined;
}

/** Splits "/cor log 2h on X" text into the subcommand ("log") and the rest ("2h on X"). */
export function splitSubcommand(text: string): { sub: string; rest: string } {
  const trimmed = text.trim();
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  if (!match) return { sub: '', rest: '' };
  return { sub: (match[1] ?? '').toLowerCase(), rest: (match[2] ?? '').trim() };
}

/** JSON that Slack hands back as text (button values, private_metadata), or undefined when it is not JSON. */
export function parseJsonText(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** What an interaction (click, shortcut, options request) says about where it comes from. */
interface InteractionOrigin {
  user: { team_id?: string | undefined };
  team?: { id: string } | null | undefined;
  enterprise?: { id: string } | null | undefined;
  is_enterprise_install?: boolean | undefined;
}

/** The tenant of an interaction: the clicker's workspace, or the org for an org-wide install. */
export function tenantOfInteraction(body: InteractionOrigin): string {
  return tenantKeyOf({ teamId: body.user.team_id ?? body.team?.id, enterpriseId: body.enterprise?.id, isEnterpriseInstall: body.is_enterprise_install });
}

/** The tenant of an event: what Bolt worked out for it (its context), else the envelope's ids. */
export function tenantOfEvent(
  context: { teamId?: string | undefined; enterpriseId?: string | undefined; isEnterpriseInstall?: boolean | undefined },
  body: { team_id?: unknown; enterprise_id?: unknown },
): string {
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return tenantKeyOf({ teamId: context.teamId ?? text(body.team_id), enterpriseId: context.enterpriseId ?? text(body.enterprise_id), isEnterpriseInstall: context.isEnterpriseInstall });
}

/** The tenant of a slash command: the workspace it was run in, or the org for an org-wide install. */
export function tenantOfCommand(command: SlashCommand): string {
  return tenantKeyOf({ teamId: command.team_id, enterpriseId: command.enterprise_id, isEnterpriseInstall: command.is_enterprise_install === 'true' });
}
