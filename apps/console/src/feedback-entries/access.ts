import type { ResourceAccess } from '../auth/can-access';

/**
 * 登记意见: the hall roles and the county enter 随时可评 items (as POST /api/feedback-entries allows); guides have
 * no hall. The page is the resource's list screen (so the menu shows it); nothing is listed or edited there.
 */
export const access: Record<string, ResourceAccess> = {
  'feedback-entries': { readers: ['HANDLER', 'TOWN_LEADER', 'COUNTY_SUPERVISOR', 'ADMIN'] },
};
