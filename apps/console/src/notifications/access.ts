import type { ResourceAccess } from '../auth/can-access';
import { STAFF_ROLES } from '../auth/session';

/** 消息: every staff role reads its own notices; the API decides which are theirs (their data scope). */
export const access: Record<string, ResourceAccess> = {
  notifications: { readers: STAFF_ROLES },
};
