import type { ResourceAccess } from '../auth/can-access';

/** 办件导入: the county and admins, as POST /api/cases/import allows (a row may name any hall). */
export const access: Record<string, ResourceAccess> = {
  'case-import': { readers: ['COUNTY_SUPERVISOR', 'ADMIN'] },
};
