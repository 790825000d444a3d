import type { ResourceAccess } from '../auth/can-access';

/**
 * `supervision`: 超期督办, the county's view over every hall. `hall-statistics`: the per-hall overview on the 工作台,
 * for the town leaders and the county (handlers have their own work queue there; guides have no hall).
 * `read-model-reconciliation`: 数据核对 under 超期督办; only admins change N (the days of closed cases it checks).
 */
export const access: Record<string, ResourceAccess> = {
  supervision: { readers: ['COUNTY_SUPERVISOR', 'ADMIN'] },
  'hall-statistics': { readers: ['TOWN_LEADER', 'COUNTY_SUPERVISOR', 'ADMIN'] },
  'read-model-reconciliation': { readers: ['COUNTY_SUPERVISOR', 'ADMIN'], editors: ['ADMIN'] },
};
