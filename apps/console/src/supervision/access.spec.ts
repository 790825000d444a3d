import { describe, expect, it } from '@jest/globals';
import { canAccess } from '../auth/can-access';
import type { StaffRole } from '../auth/session';

describe('超期督办 and the hall overview in the console', () => {
  it.each<[StaffRole, string, string, boolean]>([
    ['HANDLER', 'list', 'supervision', false],
    ['TOWN_LEADER', 'list', 'supervision', false],
    ['COUNTY_SUPERVISOR', 'list', 'supervision', true],
    ['ADMIN', 'list', 'supervision', true],
    ['HANDLER', 'list', 'hall-statistics', false],
    ['DEPT_GUIDE', 'list', 'hall-statistics', false],
    ['TOWN_LEADER', 'list', 'hall-statistics', true],
    ['COUNTY_SUPERVISOR', 'list', 'hall-statistics', true],
    ['TOWN_LEADER', 'list', 'read-model-reconciliation', false],
    ['COUNTY_SUPERVISOR', 'list', 'read-model-reconciliation', true],
    ['COUNTY_SUPERVISOR', 'edit', 'read-model-reconciliation', false],
    ['ADMIN', 'edit', 'read-model-reconciliation', true],
  ])('%s may %s %s: %s', (role, action, resource, allowed) => {
    expect(canAccess(role, action, resource)).toBe(allowed);
  });
});
