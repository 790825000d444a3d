import { fromOfficeDayRows, officeDayRowsErrors, toOfficeDayRows, type OfficeDayRow, type OfficeHours } from './office-hours-form';

/** The hall form's values: the record's fields, office hours as rows (`weeklyHours`). */
export interface HallFormValues {
  code?: string;
  name?: string;
  kind?: string;
  weeklyHours?: OfficeDayRow[];
  [key: string]: unknown;
}

const HALL_CODE = /^[a-z][a-z0-9]{1,31}$/;

export const DEFAULT_OFFICE_HOURS: OfficeHours = Object.fromEntries(
  [1, 2, 3, 4, 5].map((weekday) => [String(weekday), [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }]]),
);

/** What the form starts from: a stored hall, or a new one with the default hours. */
export function hallFormValues(record?: { code?: string; name?: string; kind?: string; officeHours?: OfficeHours }): HallFormValues {
  return { ...(record ?? { kind: 'TOWN' }), weeklyHours: toOfficeDayRows(record?.officeHours ?? DEFAULT_OFFICE_HOURS) };
}

/** Form-level validation (translation keys), as react-admin's `validate` reads it. */
export function validateHallForm(values: HallFormValues, creating: boolean): Record<string, unknown> {
  const errors: Record<string, unknown> = {};
  if (creating && !HALL_CODE.test((values.code ?? '').trim())) errors.code = 'app.masterData.errors.hall_code';
  if (!values.name?.trim()) errors.name = 'ra.validation.required';
  if (!values.kind) errors.kind = 'ra.validation.required';
  const hours = officeDayRowsErrors(values.weeklyHours ?? []);
  if (hours.some((row) => Object.keys(row).length > 0)) errors.weeklyHours = hours;
  return errors;
}

/** The body of POST /api/halls (with the code) or PUT /api/halls/:code. */
export function hallBody(values: HallFormValues, creating: boolean): Record<string, unknown> {
  return {
    ...(creating ? { code: values.code?.trim() } : {}),
    name: values.name?.trim(),
    kind: values.kind,
    officeHours: fromOfficeDayRows(values.weeklyHours ?? []),
  };
}
