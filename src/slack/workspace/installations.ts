import type { InstallationRecord, NewInstallation } from '../../store/installations.ts';

/** What this feature needs of the installations in the store; main.ts passes the store's repository. */
export interface Installations {
  find(tenantKey: string): Promise<InstallationRecord | undefined>;
  save(install: NewInstallation): Promise<void>;
  delete(tenantKey: string): Promise<unknown>;
}
