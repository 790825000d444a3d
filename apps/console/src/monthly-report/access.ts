import type { ResourceAccess } from '../auth/can-access';

/**
 * `monthly-report`: 月度通报. The county (supervisor, admin) prints the county's and any hall's; a town's handlers and
 * leaders their own hall's (the API refuses the rest); a department's guide has no hall to report on.
 */
export const access: Record<string, ResourceAccess> = {
  'monthly-report': { readers: ['HANDLER', 'TOWN_LEADER', 'COUNTY_SUPERVISOR', 'ADMIN'] },
};
