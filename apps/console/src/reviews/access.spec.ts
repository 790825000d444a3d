import { describe, expect, it } from '@jest/globals';
import { canAccess } from '../auth/can-access';
import type { StaffRole } from '../auth/session';

describe('评价记录 in the console', () => {
  it.each<[StaffRole, string, string, boolean]>([
    ['HANDLER', 'list', 'reviews', true],
    ['DEPT_GUIDE', 'show', 'reviews', true],
    ['COUNTY_SUPERVISOR', 'export', 'reviews', true],
    ['ADMIN', 'edit', 'reviews', false],
    ['COUNTY_SUPERVISOR', 'delete', 'reviews', false],
  ])('%s may %s %s: %s', (role, action, resource, allowed) => {
    expect(canAccess(role, action, resource)).toBe(allowed);
  });
});
