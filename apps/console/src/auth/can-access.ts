import type { StaffRole } from './session';

export type ConsoleResource = 'rectifications' | 'cases' | 'halls' | 'supervision';

const READERS: Record<ConsoleResource, readonly StaffRole[]> = {
  rectifications: ['HANDLER', 'TOWN_LEADER', 'DEPT_GUIDE', 'COUNTY_SUPERVISOR', 'ADMIN'],
  cases: ['HANDLER', 'TOWN_LEADER', 'DEPT_GUIDE', 'COUNTY_SUPERVISOR', 'ADMIN'],
  // Master data as a reference (hall names in filters); editing it is the admins' screens, not built here.
  halls: ['HANDLER', 'TOWN_LEADER', 'DEPT_GUIDE', 'COUNTY_SUPERVISOR', 'ADMIN'],
  // 超期督办 is the county's view over every hall.
  supervision: ['COUNTY_SUPERVISOR', 'ADMIN'],
};

const READ_ACTIONS = new Set(['list', 'show', 'export']);

/**
 * What the console offers a role: menu entries, pages, buttons. The API decides again on every request (and applies
 * the data scope); this only keeps people from screens that would answer 403.
 */
export function canAccess(role: StaffRole | undefined, action: string, resource: string): boolean {
  if (!role || !(resource in READERS)) return false;
  if (!READ_ACTIONS.has(action)) return false;
  return READERS[resource as ConsoleResource].includes(role);
}
