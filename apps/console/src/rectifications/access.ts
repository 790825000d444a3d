import type { ResourceAccess } from '../auth/can-access';
import { STAFF_ROLES } from '../auth/session';

/** 差评工单: every staff role works or watches cases; the API limits each to their scope. Nobody edits one as a record. */
export const access: Record<string, ResourceAccess> = {
  rectifications: { readers: STAFF_ROLES },
  /** 通话记录导入: a hall's staff for their halls, the county for any (the API checks the hall). */
  'call-log-import': { readers: ['HANDLER', 'TOWN_LEADER', 'COUNTY_SUPERVISOR', 'ADMIN'] },
};
