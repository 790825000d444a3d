import { access as masterDataAccess } from '../admin/master-data/access';
import { access as rulesAccess } from '../admin/rules/access';
import { access as reviewsAccess } from '../reviews/access';
import type { StaffRole } from './session';

/** Who may open a resource's read screens (list, show, export) and who may change it (create, edit, delete). */
export interface ResourceAccess {
  readers: readonly StaffRole[];
  editors?: readonly StaffRole[];
}

const EVERY_STAFF_ROLE: readonly StaffRole[] = ['HANDLER', 'TOWN_LEADER', 'DEPT_GUIDE', 'COUNTY_SUPERVISOR', 'ADMIN'];

const CORE: Record<string, ResourceAccess> = {
  rectifications: { readers: EVERY_STAFF_ROLE },
  cases: { readers: EVERY_STAFF_ROLE },
  // 超期督办 is the county's view over every hall.
  supervision: { readers: ['COUNTY_SUPERVISOR', 'ADMIN'] },
};

/** Each feature module declares its resources in its own access.ts; a resource declared twice fails at load. */
const RULES: Record<string, ResourceAccess> = {};
for (const rules of [CORE, masterDataAccess, rulesAccess, reviewsAccess]) {
  for (const [resource, rule] of Object.entries(rules)) {
    if (resource in RULES) throw new Error(`console access for "${resource}" is declared twice`);
    RULES[resource] = rule;
  }
}

const READ_ACTIONS = new Set(['list', 'show', 'export']);
const WRITE_ACTIONS = new Set(['create', 'edit', 'delete']);

/**
 * What the console offers a role: menu entries, pages, buttons. The API decides again on every request (and applies
 * the data scope); this only keeps people from screens that would answer 403.
 */
export function canAccess(role: StaffRole | undefined, action: string, resource: string): boolean {
  const rule = RULES[resource];
  if (!role || !rule) return false;
  if (READ_ACTIONS.has(action)) return rule.readers.includes(role);
  if (WRITE_ACTIONS.has(action)) return (rule.editors ?? []).includes(role);
  return false;
}
