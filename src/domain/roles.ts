/** COR roles (`role_id` of GET /me): 1 C-Level, 2 Director, 3 Project Manager, 4 Collaborator, 5 Freelancer, 6 Client. */
const LEAD_ROLES = [1, 2, 3];

/** C-Level, Director and Project Manager lead others: they may create projects and get digests of their people. */
export function isLeadRole(roleId: number | null | undefined): boolean {
  return roleId !== undefined && roleId !== null && LEAD_ROLES.includes(roleId);
}

/** C-Level and Directors lead every project; a Project Manager leads the projects whose `pm_id` is theirs. */
export function leadsEveryProject(roleId: number | null | undefined): boolean {
  return roleId === 1 || roleId === 2;
}
