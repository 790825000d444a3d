import type { ResourceAccess } from '../auth/can-access';

/**
 * `results`: 统计分析, the figures the county is judged by. A town's handlers and leaders see their own hall (the API
 * scopes them), the county and admins every hall; a department's guide has no hall to measure.
 */
export const access: Record<string, ResourceAccess> = {
  results: { readers: ['HANDLER', 'TOWN_LEADER', 'COUNTY_SUPERVISOR', 'ADMIN'] },
};
