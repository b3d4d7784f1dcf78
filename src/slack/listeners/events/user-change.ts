import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { tenantKeyOf } from '../../../domain/tenant.ts';
import type { SlackServices } from '../../services.ts';

const userSchema = z.object({ id: z.string(), team_id: z.string().optional(), tz: z.string().optional(), locale: z.string().optional() });

/**
 * A person changed their profile (often: travelled to another time zone). Reminders are scheduled in the
 * zone stored on the link, so it follows the profile here rather than waiting for their next command.
 */
export function userChanged(services: SlackServices) {
  return async ({ event, body }: SlackEventMiddlewareArgs<'user_change'> & AllMiddlewareArgs): Promise<void> => {
    const user = userSchema.safeParse(event.user);
    if (!user.success || !user.data.tz) return;
    const enterpriseId = typeof body.enterprise_id === 'string' ? body.enterprise_id : undefined;
    const teamId = user.data.team_id ?? (typeof body.team_id === 'string' ? body.team_id : undefined);
    const link = await services.store.links.find(tenantKeyOf({ teamId, enterpriseId, isEnterpriseInstall: body.is_enterprise_install === true }), user.data.id);
    if (!link || (link.tz === user.data.tz && (user.data.locale === undefined || link.locale === user.data.locale))) return;
    await services.store.links.updateProfile(link.id, { tz: user.data.tz, ...(user.data.locale ? { locale: user.data.locale } : {}) });
  };
}
