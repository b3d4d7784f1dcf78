import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { tenantKeyOf } from '../../domain/tenant.ts';
import { validZone } from '../../lib/zoned.ts';
import type { SlackServices } from '../services.ts';

const userSchema = z.object({ id: z.string(), team_id: z.string().optional(), tz: z.string().optional(), locale: z.string().optional() });

/**
 * A person changed their Slack profile: the cached profile is forgotten (someone not linked is spoken to in their
 * new language at once), their link follows its zone and language (see LinkingService.followProfile), and their App
 * Home is redrawn in them.
 */
export function userChanged(services: SlackServices) {
  return async ({ event, body }: SlackEventMiddlewareArgs<'user_change'> & AllMiddlewareArgs): Promise<void> => {
    const user = userSchema.safeParse(event.user);
    if (!user.success) return;
    const enterpriseId = typeof body.enterprise_id === 'string' ? body.enterprise_id : undefined;
    const teamId = user.data.team_id ?? (typeof body.team_id === 'string' ? body.team_id : undefined);
    const tenantKey = tenantKeyOf({ teamId, enterpriseId, isEnterpriseInstall: body.is_enterprise_install === true });
    services.directory.forget(tenantKey, user.data.id);
    // A zone the runtime does not know says nothing about where they are: the link keeps what it has.
    const tz = validZone(user.data.tz);
    if (!tz) return void services.languages.forget(tenantKey, user.data.id);
    const changed = await services.linking.followProfile(tenantKey, user.data.id, { tz, locale: user.data.locale });
    // After the link has the new locale: a lookup in between would keep the old one.
    services.languages.forget(tenantKey, user.data.id);
    if (changed) services.home.refresh(services, changed);
  };
}
