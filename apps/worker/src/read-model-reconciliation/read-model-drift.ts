import type { CaseProjection, CaseProjectionColumns, ReadModelField } from '@haochaping/contracts';

/** A case as the read model holds it: its rectification_case row (with the hall's code), timeline and review adoption. */
export interface StoredCase {
  reviewId: string;
  hallCode: string;
  openedAt: Date;
  /** The row's columns under the projection's names; instants as Date (or null). */
  columns: Record<keyof CaseProjectionColumns, unknown>;
  timeline: Array<{ seq: number; at: Date; actor: string; action: string; details: unknown }>;
  adoption: string;
}

const INSTANT_COLUMNS = new Set<keyof CaseProjectionColumns>(['callbackDueAt', 'resultDueAt', 'confirmationDueAt', 'closedAt', 'originalResultDueAt']);

/**
 * The fields in which the read model differs from what the projection of the workflow's state would write (the same
 * `caseProjection` the workflow sends): empty when they agree. Instants compare as instants (the row keeps
 * milliseconds, the state writes ISO strings), timeline details as JSON with its keys sorted (jsonb reorders them).
 */
export function driftedFields(expected: CaseProjection, stored: StoredCase | null): ReadModelField[] {
  if (!stored) return ['missingRow'];
  const fields: ReadModelField[] = [];
  if (stored.hallCode !== expected.hallCode) fields.push('hallCode');
  if (!sameInstant(stored.openedAt, expected.openedAt)) fields.push('openedAt');
  for (const key of Object.keys(expected.columns) as Array<keyof CaseProjectionColumns>) {
    const want = expected.columns[key];
    const have = stored.columns[key];
    const same = INSTANT_COLUMNS.has(key) ? sameInstant(have as Date | null, want as string | null) : canonical(have) === canonical(want);
    if (!same) fields.push(key);
  }
  if (!sameTimeline(expected, stored)) fields.push('timeline');
  if (stored.adoption !== (expected.columns.outcome === 'REJECTED' ? 'NOT_ADOPTED' : 'ADOPTED')) fields.push('adoption');
  return fields;
}

function sameTimeline(expected: CaseProjection, stored: StoredCase): boolean {
  if (stored.timeline.length !== expected.timeline.length) return false;
  return expected.timeline.every((entry, index) => {
    const row = stored.timeline[index];
    return (
      row.seq === expected.timelineFrom + index &&
      sameInstant(row.at, entry.at) &&
      row.actor === entry.actor &&
      row.action === entry.action &&
      canonical(row.details ?? null) === canonical(entry.details ?? null)
    );
  });
}

function sameInstant(have: Date | null, want: string | null): boolean {
  if (have === null || want === null) return have === want;
  return have.getTime() === new Date(want).getTime();
}

/** JSON with object keys sorted and undefined members dropped, as jsonb stores it. */
function canonical(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value, (_key, member: unknown) =>
    member && typeof member === 'object' && !Array.isArray(member)
      ? Object.fromEntries(Object.entries(member as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : member,
  );
}
