import type { ResourceAccess } from '../../auth/can-access';

/**
 * Master data: the admins keep it. Halls are read by every staff role (names in filters, a hall's office hours); the
 * county also reads windows, staff, departments and items. The API lets any signed-in user read them (hall names in
 * other screens) and only ADMIN write; here the menu stays short for the town roles.
 */
export const access: Record<string, ResourceAccess> = {
  halls: { readers: ['HANDLER', 'TOWN_LEADER', 'DEPT_GUIDE', 'COUNTY_SUPERVISOR', 'ADMIN'], editors: ['ADMIN'] },
  windows: { readers: ['COUNTY_SUPERVISOR', 'ADMIN'], editors: ['ADMIN'] },
  staff: { readers: ['COUNTY_SUPERVISOR', 'ADMIN'], editors: ['ADMIN'] },
  departments: { readers: ['COUNTY_SUPERVISOR', 'ADMIN'], editors: ['ADMIN'] },
  'service-items': { readers: ['COUNTY_SUPERVISOR', 'ADMIN'], editors: ['ADMIN'] },
};
