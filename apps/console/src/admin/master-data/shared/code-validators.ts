/** A react-admin input validator: the value must match `pattern` (blank is left to `required`). */
export const matches =
  (pattern: RegExp, message: string) =>
  (value: unknown): string | undefined =>
    typeof value !== 'string' || value.trim() === '' || pattern.test(value.trim()) ? undefined : message;

// The same patterns as the API's DTOs (apps/api/src/master-data/dto).
export const WINDOW_CODE = matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,15}$/, 'app.masterData.errors.window_code');
export const EMPLOYEE_NUMBER = matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, 'app.masterData.errors.employee_number');
export const DEPARTMENT_CODE = matches(/^[a-z][a-z0-9_-]{1,31}$/, 'app.masterData.errors.department_code');
export const ITEM_CODE = matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, 'app.masterData.errors.item_code');
