import type { ResourceAccess } from '../auth/can-access';

/** 刷好评核查: the county supervisor alone, as /api/praise-integrity allows (flags name windows, staff and addresses). */
export const access: Record<string, ResourceAccess> = {
  'praise-integrity/flags': { readers: ['COUNTY_SUPERVISOR'], editors: ['COUNTY_SUPERVISOR'] },
};
