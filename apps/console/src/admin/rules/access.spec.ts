import { describe, expect, it } from '@jest/globals';
import { canAccess } from '../../auth/can-access';
import type { StaffRole } from '../../auth/session';

describe('who opens the rule and account screens', () => {
  it.each<[StaffRole, string, string, boolean]>([
    ['ADMIN', 'create', 'admin/option-sets', true],
    ['COUNTY_SUPERVISOR', 'list', 'admin/option-sets', true],
    ['COUNTY_SUPERVISOR', 'create', 'admin/option-sets', false],
    ['COUNTY_SUPERVISOR', 'show', 'admin/sla-policies', true],
    ['COUNTY_SUPERVISOR', 'create', 'admin/sla-policies', false],
    ['COUNTY_SUPERVISOR', 'list', 'calendar-years', true],
    ['COUNTY_SUPERVISOR', 'create', 'calendar-years', false],
    ['ADMIN', 'create', 'calendar-years', true],
    ['COUNTY_SUPERVISOR', 'list', 'admin/users', false],
    ['ADMIN', 'edit', 'admin/users', true],
    ['ADMIN', 'list', 'admin/staff-sms', true],
    ['COUNTY_SUPERVISOR', 'list', 'admin/staff-sms', false],
    ['COUNTY_SUPERVISOR', 'list', 'admin/api-clients', false],
    ['COUNTY_SUPERVISOR', 'list', 'admin/audit-log', true],
    ['ADMIN', 'edit', 'admin/audit-log', false],
    ['HANDLER', 'list', 'admin/audit-log', false],
    ['TOWN_LEADER', 'list', 'calendar-years', false],
    ['DEPT_GUIDE', 'list', 'admin/option-sets', false],
  ])('%s may %s %s: %s', (role, action, resource, allowed) => {
    expect(canAccess(role, action, resource)).toBe(allowed);
  });
});
