import type { ResourceAccess } from '../auth/can-access';

/**
 * 评价记录: every staff role reads it; the API limits each to their scope (a hall's roles their halls, a guide the
 * reviews of the cases their department was invited to). Nobody edits a citizen's review.
 * `hall-statistics`: the per-hall overview on the 工作台, for the town leaders and the county (handlers have their
 * own work queue there; guides have no hall).
 */
export const access: Record<string, ResourceAccess> = {
  reviews: { readers: ['HANDLER', 'TOWN_LEADER', 'DEPT_GUIDE', 'COUNTY_SUPERVISOR', 'ADMIN'] },
  'hall-statistics': { readers: ['TOWN_LEADER', 'COUNTY_SUPERVISOR', 'ADMIN'] },
};
