import type { ResourceAccess } from '../../auth/can-access';

/**
 * The rules and accounts admins keep. The county supervisor reads the rules (option sets, clocks, the calendar) and the
 * audit log — supervising the halls and the admins is its job — and changes none of them; accounts and integration
 * keys are the admins' alone. The API checks the same on every request.
 */
export const access: Record<string, ResourceAccess> = {
  'admin/option-sets': { readers: ['COUNTY_SUPERVISOR', 'ADMIN'], editors: ['ADMIN'] },
  'admin/sla-policies': { readers: ['COUNTY_SUPERVISOR', 'ADMIN'], editors: ['ADMIN'] },
  'calendar-years': { readers: ['COUNTY_SUPERVISOR', 'ADMIN'], editors: ['ADMIN'] },
  'admin/api-clients': { readers: ['ADMIN'], editors: ['ADMIN'] },
  'admin/users': { readers: ['ADMIN'], editors: ['ADMIN'] },
  'admin/staff-sms': { readers: ['ADMIN'], editors: ['ADMIN'] },
  'admin/audit-log': { readers: ['COUNTY_SUPERVISOR', 'ADMIN'] },
};
