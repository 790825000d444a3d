/** Roles of DOMAIN.md ("People"); SYSTEM is the workflow itself (clocks, notifications). */
export const ACTOR_ROLES = ['HANDLER', 'TOWN_LEADER', 'DEPT_GUIDE', 'COUNTY_SUPERVISOR', 'ADMIN', 'CITIZEN', 'SYSTEM'] as const;

export type ActorRole = (typeof ACTOR_ROLES)[number];

/**
 * Who takes an action, as the API authenticated them. `hallCodes` is the user's data scope: the halls whose
 * cases a HANDLER or TOWN_LEADER may act on (the county supervisor sees every hall).
 */
export interface Actor {
  userId: string;
  role: ActorRole;
  hallCodes: string[];
  /**
   * The county departments a DEPT_GUIDE works for (e.g. `yibao`): a guide acts on a case only when one of them was
   * invited to its coordinated rectification. Absent for every other role.
   */
  departmentCodes?: string[];
}
