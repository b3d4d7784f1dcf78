import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import { tenantKeyOf } from '../../domain/tenant.ts';
import { AppError } from '../../errors.ts';
import type { Installations } from './installations.ts';

/** Bolt's InstallationStore over our repository (bot tokens and the raw installation encrypted at rest). */
export function prismaInstallationStore(installations: Installations): InstallationStore {
  return {
    async storeInstallation(installation: Installation<'v1' | 'v2', boolean>) {
      const botToken = installation.bot?.token;
      if (!botToken) throw new AppError('install', 'the installation carries no bot token');
      await installations.save({
        tenantKey: tenantKeyOf({ teamId: installation.team?.id, enterpriseId: installation.enterprise?.id, isEnterpriseInstall: installation.isEnterpriseInstall }),
        teamId: installation.team?.id ?? null,
        enterpriseId: installation.enterprise?.id ?? null,
        botUserId: installation.bot?.userId ?? null,
        botId: installation.bot?.id ?? null,
        botToken,
        installation,
      });
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const found = await installations.find(tenantKeyOf(query));
      if (!found) throw new AppError('unknown_tenant', 'no installation for this workspace');
      return found.installation as Installation<'v1' | 'v2', boolean>;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await installations.delete(tenantKeyOf(query));
    },
  };
}
