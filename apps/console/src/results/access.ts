import type { ResourceAccess } from '../auth/can-access';

/**
 * `results`: 统计分析, the figures the county is judged by. A town's handlers and leaders see their own hall (the API
 * scopes them), the county and admins every hall; a department's guide has no hall to measure.
 * `results-settings`: the minimum number of reviews before anything is ranked — shown to every reader, set by admins.
 */
export const access: Record<string, ResourceAccess> = {
  results: { readers: ['HANDLER', 'TOWN_LEADER', 'COUNTY_SUPERVISOR', 'ADMIN'] },
  'results-settings': { readers: ['HANDLER', 'TOWN_LEADER', 'COUNTY_SUPERVISOR', 'ADMIN'], editors: ['ADMIN'] },
};
