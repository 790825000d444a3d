import { lateCase, Prisma } from '@haochaping/db';

/**
 * The lists of the monthly 通报 — cases and reviews, not figures (every figure comes from ResultsService). Each list
 * takes the month's bounds and the hall (null: every hall, the county's report; access is decided before). Reviews
 * belong to the month they were given in, rectification cases to the month they were opened in, as in the figures.
 */
export interface ListSlice {
  from: Date;
  to: Date;
  hallId: string | null;
}

/** The list's most rows; the counts beside them are the whole. */
export const LIST_LIMIT = 100;
/** Typical cases a 通报 tells. */
export const TYPICAL_CASES = 5;

const inHall = (slice: ListSlice, column: Prisma.Sql) => (slice.hallId === null ? Prisma.sql`TRUE` : Prisma.sql`${column} = ${slice.hallId}::uuid`);

interface ReviewPlace {
  created_at: Date;
  hall_name: string;
  window_name: string | null;
  item_name: string | null;
  level: number;
  option_codes: string[];
  reviewer_name_enc: string | null;
}

export interface NotAdoptedRow extends ReviewPlace {
  finding: string | null;
  evidence_notes: string | null;
  approval_reason: string | null;
  decided_at: Date | null;
}

/** Reviews of the month that are 不予采纳, with the hall's finding and the county's approving reason (newest of each). */
export function notAdoptedReviews(slice: ListSlice): Prisma.Sql {
  return Prisma.sql`
    SELECT r."created_at", h."name" AS hall_name, w."name" AS window_name, si."name" AS item_name, r."level", r."option_codes", r."reviewer_name_enc",
      v."details"->>'finding' AS finding, v."details"->>'evidenceNotes' AS evidence_notes,
      a."details"->>'reason' AS approval_reason, a."at" AS decided_at
    FROM "review" r
    JOIN "hall" h ON h."id" = r."hall_id"
    LEFT JOIN "service_window" w ON w."id" = r."window_id"
    LEFT JOIN "service_item" si ON si."id" = r."service_item_id"
    LEFT JOIN LATERAL (SELECT t."details" FROM "rectification_timeline_entry" t WHERE t."review_id" = r."id" AND t."details"->>'finding' IN ('UNTRUE', 'MALICIOUS') ORDER BY t."at" DESC, t."seq" DESC LIMIT 1) v ON TRUE
    LEFT JOIN LATERAL (SELECT t."details", t."at" FROM "rectification_timeline_entry" t WHERE t."review_id" = r."id" AND t."details"->>'decision' = 'APPROVE' ORDER BY t."at" DESC, t."seq" DESC LIMIT 1) a ON TRUE
    WHERE r."created_at" >= ${slice.from} AND r."created_at" < ${slice.to} AND ${inHall(slice, Prisma.sql`r."hall_id"`)} AND r."adoption" = 'NOT_ADOPTED'
    ORDER BY r."created_at", r."id"
    LIMIT ${LIST_LIMIT}`;
}

export interface LateCaseRow {
  created_at: Date;
  hall_name: string;
  item_name: string | null;
  level: number;
  state_label: string;
  overdue: boolean;
  escalation_level: number;
  total: number;
}

/** Rectification cases opened in the month that count against 按时办结率 (the one rule: statistics/on-time.sql.ts). */
export function lateCases(slice: ListSlice, now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT r."created_at", h."name" AS hall_name, si."name" AS item_name, rc."level", rc."state_label", rc."overdue", rc."escalation_level",
      (count(*) OVER ())::int AS total
    FROM "rectification_case" rc
    JOIN "review" r ON r."id" = rc."review_id"
    JOIN "hall" h ON h."id" = rc."hall_id"
    LEFT JOIN "service_item" si ON si."id" = r."service_item_id"
    WHERE rc."opened_at" >= ${slice.from} AND rc."opened_at" < ${slice.to} AND ${inHall(slice, Prisma.sql`rc."hall_id"`)} AND ${lateCase(now)}
    ORDER BY rc."opened_at", rc."review_id"
    LIMIT ${LIST_LIMIT}`;
}

export interface TypicalCaseRow extends ReviewPlace {
  category: string | null;
  state_label: string;
  outcome: string | null;
  measures: string;
  result: string;
}

/**
 * Typical cases: adopted bad reviews of the month whose rectification result is on record (the newest one, a reopened
 * case's second result included). Which few: those the citizen confirmed 满意 first, then those closed, then the
 * worse level, then the earlier review — the cases that show a complaint fixed.
 */
export function typicalCases(slice: ListSlice): Prisma.Sql {
  return Prisma.sql`
    SELECT r."created_at", h."name" AS hall_name, w."name" AS window_name, si."name" AS item_name, r."level", r."option_codes", r."reviewer_name_enc",
      rc."category", rc."state_label", rc."outcome", res."details"->>'measures' AS measures, res."details"->>'result' AS result
    FROM "review" r
    JOIN "rectification_case" rc ON rc."review_id" = r."id"
    JOIN "hall" h ON h."id" = r."hall_id"
    LEFT JOIN "service_window" w ON w."id" = r."window_id"
    LEFT JOIN "service_item" si ON si."id" = r."service_item_id"
    JOIN LATERAL (SELECT t."details" FROM "rectification_timeline_entry" t WHERE t."review_id" = r."id" AND t."details"->>'measures' IS NOT NULL AND t."details"->>'result' IS NOT NULL ORDER BY t."at" DESC, t."seq" DESC LIMIT 1) res ON TRUE
    WHERE r."created_at" >= ${slice.from} AND r."created_at" < ${slice.to} AND ${inHall(slice, Prisma.sql`r."hall_id"`)} AND r."adoption" = 'ADOPTED' AND r."level" <= 2
    ORDER BY (rc."outcome" = 'SATISFIED') DESC NULLS LAST, (rc."state" = 'CLOSED') DESC, r."level", r."created_at", r."id"
    LIMIT ${TYPICAL_CASES}`;
}
