import { reviewLevelLabel } from '@haochaping/contracts';
import { formatShanghaiMinute } from '@haochaping/working-time';
import type { RectificationCase } from './rectification.types';

/** Translates a message key (react-admin's `translate`). */
export type Translate = (key: string) => string;

/** The list's columns in the CSV, in this order: each header is the field's zh-CN label. */
const COLUMNS = [
  'id',
  'hallCode',
  'level',
  'state',
  'category',
  'escalationLevel',
  'overdue',
  'assignee',
  'invitedDepartments',
  'openedAt',
  'callbackDueAt',
  'resultDueAt',
  'confirmationDueAt',
  'closedAt',
  'outcomeLabel',
] as const;

const minute = (instant: string | null) => (instant ? formatShanghaiMinute(new Date(instant)) : '');

/**
 * The 差评工单 export as a reader wants it: Chinese headers, labels instead of codes, people and departments by name
 * (never an account id or a department code), times in Beijing time to the minute. A department without a name (gone
 * from the master data) keeps its code rather than vanish.
 */
export function rectificationExportRows(records: readonly RectificationCase[], departmentNames: ReadonlyMap<string, string>, translate: Translate): Array<Record<string, string | number>> {
  const header = (column: (typeof COLUMNS)[number]) => translate(`resources.rectifications.fields.${column}`);
  return records.map((record) => {
    const values: Record<(typeof COLUMNS)[number], string | number> = {
      id: record.id,
      hallCode: record.hallName,
      level: reviewLevelLabel(record.level),
      state: record.stateLabel,
      category: record.categoryLabel ?? '',
      escalationLevel: translate(`app.escalation.level_${record.escalationLevel}`),
      overdue: record.overdue ? translate('ra.boolean.true') : translate('ra.boolean.false'),
      assignee: record.assigneeName ?? translate('app.rectification.unassigned'),
      invitedDepartments: record.invitedDepartmentCodes.map((code) => departmentNames.get(code) ?? code).join('、'),
      openedAt: minute(record.openedAt),
      callbackDueAt: minute(record.callbackDueAt),
      resultDueAt: minute(record.resultDueAt),
      confirmationDueAt: minute(record.confirmationDueAt),
      closedAt: minute(record.closedAt),
      outcomeLabel: record.outcomeLabel ?? '',
    };
    return Object.fromEntries(COLUMNS.map((column) => [header(column), values[column]]));
  });
}

/** RFC 4180 CSV with a BOM (Excel opens Chinese text right): a field with a comma, quote or line break is quoted. */
export function toCsv(rows: ReadonlyArray<Record<string, string | number>>): string {
  const first = rows[0];
  if (!first) return '\uFEFF';
  const headers = Object.keys(first);
  const field = (value: string | number | undefined) => {
    const text = String(value ?? '');
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\uFEFF${[headers.map(field).join(','), ...rows.map((row) => headers.map((header) => field(row[header])).join(','))].join('\r\n')}\r\n`;
}
