/**
 * Every Slack user is keyed by (tenant, user id). The tenant is the workspace, or the Enterprise Grid org for
 * org-wide installs, so a user of one workspace can never reach another workspace's links.
 */
export function tenantKeyOf(ids: { teamId?: string | undefined; enterpriseId?: string | undefined; isEnterpriseInstall?: boolean | undefined }): string {
  if (ids.isEnterpriseInstall && ids.enterpriseId) return `E:${ids.enterpriseId}`;
  if (ids.teamId) return `T:${ids.teamId}`;
  if (ids.enterpriseId) return `E:${ids.enterpriseId}`;
  throw new Error('a Slack request without a team or enterprise id');
}
