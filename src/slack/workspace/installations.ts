/** An installation of the app in a workspace (or org), as the store keeps it. */
interface InstallationRecord {
  tenantKey: string;
  teamId: string | null;
  enterpriseId: string | null;
  botUserId: string | null;
  botId: string | null;
  botToken: string;
  /** Slack's installation object as it came, for Bolt's InstallationStore. */
  installation: unknown;
}

/** What this feature needs of the installations in the store; main.ts passes the store's repository. */
export interface Installations {
  find(tenantKey: string): Promise<InstallationRecord | undefined>;
  save(install: InstallationRecord): Promise<void>;
  delete(tenantKey: string): Promise<unknown>;
}
