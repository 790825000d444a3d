import { ALL, NONE, type MatrixGroup } from './matrix-types';

/** Staff SMS rules and the county duty phone (issue 13): county-wide settings only admins read and change. */
const ADMIN_ONLY = { handler: NONE, leader: NONE, guide: NONE, county: NONE, admin: ALL };

export const groups: Record<string, MatrixGroup> = {
  'staff SMS: rules': { request: () => ({ method: 'GET', path: '/admin/staff-sms/rules' }), expected: ADMIN_ONLY },
  'staff SMS: change a rule': {
    request: () => ({ method: 'PUT', path: '/admin/staff-sms/rules/REASSIGNED/HANDLER', body: { enabled: false, holdOutsideOfficeTime: true } }),
    expected: ADMIN_ONLY,
  },
  'staff SMS: county duty phone': { request: () => ({ method: 'GET', path: '/admin/staff-sms/settings' }), expected: ADMIN_ONLY },
};
