// The user form's scope rules, as the API's scopeErrors (apps/api/src/users/users.service.ts): town roles carry
// halls, guides departments (halls optional), the county roles neither. The phone: a mainland mobile or none.
import { isMobilePhone } from '@haochaping/privacy';

export type RoleId = 'HANDLER' | 'TOWN_LEADER' | 'DEPT_GUIDE' | 'COUNTY_SUPERVISOR' | 'ADMIN';

export interface UserFormValues {
  username?: string;
  displayName?: string;
  role?: RoleId;
  hallCodes?: string[];
  departmentCodes?: string[];
  /** The mobile urgent notices go to by SMS; blank: none. */
  phone?: string | null;
  initialPassword?: string;
}

export const carriesHalls = (role: RoleId | undefined) => role === 'HANDLER' || role === 'TOWN_LEADER' || role === 'DEPT_GUIDE';
export const carriesDepartments = (role: RoleId | undefined) => role === 'DEPT_GUIDE';

/** The body of POST (create) or PATCH (edit): scope the role cannot carry is dropped, not sent to be refused. */
export function userBody(values: UserFormValues, mode: 'create' | 'edit'): Record<string, unknown> {
  const role = values.role;
  const body: Record<string, unknown> = {
    displayName: values.displayName?.trim() ?? '',
    role,
    hallCodes: carriesHalls(role) ? (values.hallCodes ?? []) : [],
    departmentCodes: carriesDepartments(role) ? (values.departmentCodes ?? []) : [],
    // Always sent: blank removes the phone (the edit form starts from the stored one).
    phone: values.phone?.trim() || null,
  };
  if (mode === 'create') {
    body.username = values.username?.trim().toLowerCase() ?? '';
    const password = values.initialPassword?.trim();
    if (password) body.initialPassword = password;
  }
  return body;
}

export function validateUser(values: UserFormValues, mode: 'create' | 'edit'): Record<string, string> {
  const errors: Record<string, string> = {};
  if (mode === 'create' && !/^[a-z0-9][a-z0-9._-]{2,39}$/.test(values.username?.trim().toLowerCase() ?? '')) errors.username = 'app.rules.users.errors.username';
  if (!values.displayName?.trim()) errors.displayName = 'ra.validation.required';
  if (!values.role) errors.role = 'ra.validation.required';
  if ((values.role === 'HANDLER' || values.role === 'TOWN_LEADER') && (values.hallCodes ?? []).length === 0) errors.hallCodes = 'app.rules.users.errors.halls';
  if (values.role === 'DEPT_GUIDE' && (values.departmentCodes ?? []).length === 0) errors.departmentCodes = 'app.rules.users.errors.departments';
  const phone = values.phone?.trim();
  if (phone && !isMobilePhone(phone)) errors.phone = 'app.rules.users.errors.phone';
  return errors;
}
