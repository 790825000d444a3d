import type { ResourceAccess } from '../auth/can-access';

/** 上报管理: the county and admins, as /api/exchange allows (the exchange is county-wide; re-sending is theirs too). */
export const access: Record<string, ResourceAccess> = {
  exchange: { readers: ['COUNTY_SUPERVISOR', 'ADMIN'] },
};
