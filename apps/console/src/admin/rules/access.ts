import type { ResourceAccess } from '../../auth/can-access';

/** Option sets, SLA policies, the calendar, API keys, users, the audit log: filled in by the rules module. */
export const access: Record<string, ResourceAccess> = {};
