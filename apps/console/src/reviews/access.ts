import type { ResourceAccess } from '../auth/can-access';

/** 评价记录 and statistics: filled in by the reviews module. */
export const access: Record<string, ResourceAccess> = {};
