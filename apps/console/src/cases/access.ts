import type { ResourceAccess } from '../auth/can-access';
import { STAFF_ROLES } from '../auth/session';

/** 办件: every staff role reads the cases of their scope (the API decides which); they come from the business systems. */
export const access: Record<string, ResourceAccess> = {
  cases: { readers: STAFF_ROLES },
};
