import type { ResourceAccess } from '../../auth/can-access';

/** Master data: every staff role reads it (hall names in filters); admins keep it. */
export const access: Record<string, ResourceAccess> = {
  halls: { readers: ['HANDLER', 'TOWN_LEADER', 'DEPT_GUIDE', 'COUNTY_SUPERVISOR', 'ADMIN'] },
};
