import type { ResourceAccess } from '../auth/can-access';

/**
 * `improvement-items`: 优化清单 — the county and admins see every item, a hall's staff and a department's guide the
 * items they own (the API scopes the list; the buttons come from the item's allowedActions).
 * `improvement-proposals`: 优化建议 — the county's and the admins' view; only the county supervisor accepts or
 * dismisses (the editors).
 */
export const access: Record<string, ResourceAccess> = {
  'improvement-items': { readers: ['HANDLER', 'TOWN_LEADER', 'DEPT_GUIDE', 'COUNTY_SUPERVISOR', 'ADMIN'] },
  'improvement-proposals': { readers: ['COUNTY_SUPERVISOR', 'ADMIN'], editors: ['COUNTY_SUPERVISOR'] },
};
