// The audit log's filter choices and how an entry reads. Action groups are the prefixes the API writes
// (`rectification.verify`, `calendar.add-day`, …); names are i18n keys.

export const ACTION_GROUPS = ['auth.', 'user.', 'rectification.', 'option-set.', 'sla-policy.', 'calendar.', 'api-client.', 'hall.', 'window.', 'staff.', 'department.', 'service-item.'] as const;

export const ACTION_GROUP_CHOICES = ACTION_GROUPS.map((prefix) => ({ id: prefix, name: `app.rules.audit.groups.${prefix.slice(0, -1)}` }));

export const ENTITY_TYPES = ['user', 'rectification', 'option-set', 'sla-policy', 'calendar-year', 'api-client', 'hall', 'window', 'staff', 'department', 'service-item'] as const;

export const ENTITY_TYPE_CHOICES = ENTITY_TYPES.map((type) => ({ id: type, name: `app.rules.audit.entities.${type}` }));

/** A local `YYYY-MM-DDTHH:mm` from a date-time input → an instant with offset, as the API wants; blank → undefined. */
export function toInstant(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
}

/** The i18n key of an action (the raw action shows where there is none). */
export const actionKey = (action: string) => `app.rules.audit.actions.${action.replace(/\./g, '_')}`;
