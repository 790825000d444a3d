import type { ResourceAccess } from '../auth/can-access';
import { STAFF_ROLES } from '../auth/session';

/**
 * 评价记录: every staff role reads it; the API limits each to their scope (a hall's roles their halls, a guide the
 * reviews of the cases their department was invited to). Nobody edits a citizen's review.
 */
export const access: Record<string, ResourceAccess> = {
  reviews: { readers: STAFF_ROLES },
};
