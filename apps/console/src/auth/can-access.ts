import { accessRules } from '../console-module';
import { MODULES } from '../modules';
import type { StaffRole } from './session';

/** Who may open a resource's read screens (list, show, export) and who may change it (create, edit, delete). */
export interface ResourceAccess {
  readers: readonly StaffRole[];
  editors?: readonly StaffRole[];
}

/** Each feature module declares its resources in its own access.ts (listed in src/modules.ts); one declared twice fails at load. */
const RULES = accessRules(MODULES);

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
