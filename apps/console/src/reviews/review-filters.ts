import type { RaRecord } from 'react-admin';

// The date inputs of the list show a Beijing calendar day (YYYY-MM-DD); the API filters by instants with an offset,
// the end exclusive. "评价日期至 11月5日" means up to the end of that day, so it is sent as 6 November 00:00.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_DAY = /^(\d{4}-\d{2}-\d{2})T00:00:00\+08:00$/;

/** `2026-11-05` → `2026-11-05T00:00:00+08:00` (the start of the day in Beijing); anything else → undefined. */
export function dayStart(day: string | null | undefined): string | undefined {
  if (!day || !DAY.test(day)) return undefined;
  return `${day}T00:00:00+08:00`;
}

/** `2026-11-05` → `2026-11-06T00:00:00+08:00` (the exclusive end of the day in Beijing). */
export function dayEnd(day: string | null | undefined): string | undefined {
  const match = day ? DAY.exec(day) : null;
  if (!match) return undefined;
  const next = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1));
  return `${next.toISOString().slice(0, 10)}T00:00:00+08:00`;
}

/** The day a `createdFrom` filter value stands for (the inverse of dayStart), for the date input. */
export function dayOfStart(instant: unknown): string {
  return typeof instant === 'string' ? (INSTANT_DAY.exec(instant)?.[1] ?? '') : '';
}

/** The day a `createdTo` filter value stands for (the inverse of dayEnd: the day before the exclusive end). */
export function dayOfEnd(instant: unknown): string {
  const day = dayOfStart(instant);
  if (!day) return '';
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, (date ?? 1) - 1)).toISOString().slice(0, 10);
}

/** The CSV export's query: the list's current filter and sort, as the list endpoint takes them. */
export function exportQuery(filter: Record<string, unknown>, sort: { field: string; order: string } | undefined): string {
  const params = new URLSearchParams({ filter: JSON.stringify(withoutEmpty(filter)) });
  if (sort?.field) params.set('sort', JSON.stringify([sort.field, sort.order === 'ASC' ? 'ASC' : 'DESC']));
  return params.toString();
}

/** Cleared inputs leave empty strings and lists behind; the API would refuse them as filter values. */
function withoutEmpty(filter: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== '' && value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0)));
}

/** What the list and show pages read of a review (GET /api/reviews). */
export interface ReviewRecord extends RaRecord<string> {
  trackingCode: string;
  level: number;
  levelLabel: string;
  channel: string;
  channelLabel: string;
  hallCode: string;
  hallName: string;
  windowName: string | null;
  staffName: string | null;
  serviceItemCode: string | null;
  serviceItemName: string | null;
  departmentName: string | null;
  caseId: string | null;
  caseNumber: string | null;
  options: Array<{ code: string; label: string }>;
  optionSetVersion: number | null;
  comment: string | null;
  reviewerKind: 'ANONYMOUS' | 'REAL_NAME';
  reviewerName: string | null;
  reviewerPhone: string | null;
  adoption: 'ADOPTED' | 'NOT_ADOPTED';
  adoptionLabel: string;
  enteredBy: string | null;
  createdAt: string;
  rectification: { state: string; stateLabel: string; overdue: boolean; escalationLevel: number } | null;
}
