import type { ResultDimension } from '@haochaping/contracts';
import { Prisma } from '@prisma/client';

/**
 * The SQL that counts FigureCounters (@haochaping/contracts, results.contract.ts, where each figure is defined).
 * Three statements, each grouped by the dimension's key in PostgreSQL: reviews given in the period (with their
 * rectification case, if any), service cases completed in it, rectification cases opened in it (with their review,
 * whose hall, window, staff, item, channel and reasons they are counted under). Aliases: `r` review, `rc`
 * rectification_case, `sc` service_case, `si` service_item.
 */

/** The review's rectification case has a result on record: fed back (待群众确认), reopened after it, or closed after it. */
export const RESULT_RECORDED = Prisma.sql`(rc."state" IN ('AWAITING_CONFIRMATION', 'REOPENED') OR (rc."state" = 'CLOSED' AND rc."outcome" IS DISTINCT FROM 'REJECTED'))`;

/**
 * The review (`r`) counts in the figures: not confirmed as coerced praise by the county (praise-integrity). The one
 * place the exclusion is decided; an excluded review stays in `reviews` and is counted apart (excluded_as_coerced).
 */
export const COUNTED_IN_FIGURES = Prisma.sql`r."excluded_from_figures_at" IS NULL`;

const ADOPTED = Prisma.sql`r."adoption" = 'ADOPTED' AND ${COUNTED_IN_FIGURES}`;
const ADOPTED_BAD = Prisma.sql`${ADOPTED} AND r."level" <= 2`;
const CALLBACK_MET = Prisma.sql`rc."callback_outcome" IS NOT NULL`;

/** How a row of reviews (`r`) is keyed per dimension, and what it must join for it. */
function reviewKey(dimension: ResultDimension): { key: Prisma.Sql; joins: Prisma.Sql } {
  const none = Prisma.empty;
  switch (dimension) {
    case 'county':
      return { key: Prisma.sql`'county'`, joins: none };
    case 'hall':
      return { key: Prisma.sql`r."hall_id"::text`, joins: none };
    case 'window':
      return { key: Prisma.sql`r."window_id"::text`, joins: none };
    case 'staff':
      return { key: Prisma.sql`r."staff_id"::text`, joins: none };
    case 'item':
      return { key: Prisma.sql`r."service_item_id"::text`, joins: none };
    case 'department':
      return { key: Prisma.sql`si."department_id"::text`, joins: Prisma.sql`LEFT JOIN "service_item" si ON si."id" = r."service_item_id"` };
    case 'channel':
      return { key: Prisma.sql`r."channel"::text`, joins: none };
    case 'reason':
      // A review with several reasons counts under each; one without reasons under none.
      return { key: Prisma.sql`reason."code"`, joins: Prisma.sql`CROSS JOIN LATERAL unnest(r."option_codes") AS reason("code")` };
  }
}

/** The same for service cases (`sc`); null for the dimensions a case does not have (a review's channel, reasons). */
function caseKey(dimension: ResultDimension): { key: Prisma.Sql; joins: Prisma.Sql } | null {
  switch (dimension) {
    case 'county':
      return { key: Prisma.sql`'county'`, joins: Prisma.empty };
    case 'hall':
      return { key: Prisma.sql`sc."hall_id"::text`, joins: Prisma.empty };
    case 'window':
      return { key: Prisma.sql`sc."window_id"::text`, joins: Prisma.empty };
    case 'staff':
      return { key: Prisma.sql`sc."staff_id"::text`, joins: Prisma.empty };
    case 'item':
      return { key: Prisma.sql`sc."service_item_id"::text`, joins: Prisma.empty };
    case 'department':
      return { key: Prisma.sql`si."department_id"::text`, joins: Prisma.sql`JOIN "service_item" si ON si."id" = sc."service_item_id"` };
    case 'channel':
    case 'reason':
      return null;
  }
}

export interface Slice {
  from: Date;
  to: Date;
  /** A condition on a hall id column (the actor's scope), given the column. */
  hallScope: (column: Prisma.Sql) => Prisma.Sql;
  /**
   * A trend: key every statement by the Shanghai day, ISO week (Monday) or month its period column falls in
   * (YYYY-MM-DD of the bucket's first day) instead of the dimension, so a bucket counts exactly what a period
   * of the same days would.
   */
  bucket?: TrendBucket;
  /**
   * Also group by the row's hall and Shanghai day (the `hall` and `day` columns, null otherwise): how the daily
   * aggregates (figure-days.ts) count many days and halls in one statement.
   */
  perHallDay?: boolean;
  /**
   * Count one part of the slice's rows only (how figure-days.ts keeps a day that is not settled yet): `goodReviews`,
   * the reviews of levels 3 to 5 (the review statement alone: they have no rectification case), or `rest`, everything
   * else — the reviews of levels 1 and 2, the service cases and the rectification cases. Every counter is a count of
   * rows, so the two parts add up to the whole.
   */
  part?: FigurePart;
}

export type FigurePart = 'goodReviews' | 'rest';

/** The reviews (`r`) of a slice's part. */
function reviewsOfPart(part: FigurePart | undefined): Prisma.Sql {
  if (part === 'goodReviews') return Prisma.sql`AND r."level" >= 3`;
  if (part === 'rest') return Prisma.sql`AND r."level" <= 2`;
  return Prisma.empty;
}

export type TrendBucket = 'day' | 'week' | 'month';

/** The bucket a timestamp column falls in, as the Shanghai date of the bucket's first day. */
function bucketKey(bucket: TrendBucket, column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`to_char(date_trunc(${bucket}, ${column} AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD')`;
}

/**
 * The grouping columns of a statement: `key` (the dimension's key, or the bucket of the statement's period column
 * when the slice is a trend), then `hall` and `day` (per hall and day, or null), and its joins.
 */
function keyOf(keyed: { key: Prisma.Sql; joins: Prisma.Sql }, slice: Slice, periodColumn: Prisma.Sql, hallColumn: Prisma.Sql): { key: Prisma.Sql; joins: Prisma.Sql } {
  const key = slice.bucket ? bucketKey(slice.bucket, periodColumn) : keyed.key;
  const hallDay = slice.perHallDay
    ? Prisma.sql`${hallColumn}::text AS "hall", to_char(${periodColumn} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "day"`
    : Prisma.sql`NULL::text AS "hall", NULL::text AS "day"`;
  return { key: Prisma.sql`${key} AS "key", ${hallDay}`, joins: keyed.joins };
}

/** Every statement's rows carry their grouping: the key, and the hall and day when the slice asks for them. */
export interface GroupedRow {
  key: string | null;
  hall: string | null;
  day: string | null;
}

export interface ReviewCountsRow extends GroupedRow {
  reviews: number;
  not_adopted: number;
  excluded_as_coerced: number;
  level5: number;
  level4: number;
  level3: number;
  level2: number;
  level1: number;
  unprompted: number;
  unprompted_good: number;
  bad_replied: number;
  real_name_bad: number;
  real_name_bad_called_back: number;
  bad_rectified: number;
  bad_called_back_and_rectified: number;
}

export function reviewCounts(dimension: ResultDimension, slice: Slice): Prisma.Sql {
  const { key, joins } = keyOf(reviewKey(dimension), slice, Prisma.sql`r."created_at"`, Prisma.sql`r."hall_id"`);
  return Prisma.sql`
    SELECT ${key},
      count(*)::int AS reviews,
      count(*) FILTER (WHERE r."adoption" = 'NOT_ADOPTED')::int AS not_adopted,
      count(*) FILTER (WHERE NOT ${COUNTED_IN_FIGURES})::int AS excluded_as_coerced,
      count(*) FILTER (WHERE ${ADOPTED} AND r."level" = 5)::int AS level5,
      count(*) FILTER (WHERE ${ADOPTED} AND r."level" = 4)::int AS level4,
      count(*) FILTER (WHERE ${ADOPTED} AND r."level" = 3)::int AS level3,
      count(*) FILTER (WHERE ${ADOPTED} AND r."level" = 2)::int AS level2,
      count(*) FILTER (WHERE ${ADOPTED} AND r."level" = 1)::int AS level1,
      count(*) FILTER (WHERE ${ADOPTED} AND r."channel" <> 'CASE_INVITATION')::int AS unprompted,
      count(*) FILTER (WHERE ${ADOPTED} AND r."channel" <> 'CASE_INVITATION' AND r."level" >= 3)::int AS unprompted_good,
      count(*) FILTER (WHERE ${ADOPTED_BAD} AND (rc."callback_outcome" = 'REACHED' OR ${RESULT_RECORDED}))::int AS bad_replied,
      count(*) FILTER (WHERE ${ADOPTED_BAD} AND r."reviewer_kind" = 'REAL_NAME')::int AS real_name_bad,
      count(*) FILTER (WHERE ${ADOPTED_BAD} AND r."reviewer_kind" = 'REAL_NAME' AND ${CALLBACK_MET})::int AS real_name_bad_called_back,
      count(*) FILTER (WHERE ${ADOPTED_BAD} AND ${RESULT_RECORDED})::int AS bad_rectified,
      count(*) FILTER (WHERE ${ADOPTED_BAD} AND ${RESULT_RECORDED} AND (r."reviewer_kind" <> 'REAL_NAME' OR ${CALLBACK_MET}))::int AS bad_called_back_and_rectified
    FROM "review" r
    LEFT JOIN "rectification_case" rc ON rc."review_id" = r."id"
    ${joins}
    WHERE r."created_at" >= ${slice.from} AND r."created_at" < ${slice.to} AND ${slice.hallScope(Prisma.sql`r."hall_id"`)} ${reviewsOfPart(slice.part)}
    GROUP BY 1, 2, 3`;
}

export interface CaseCountsRow extends GroupedRow {
  completed: number;
  rated: number;
}

/** Service cases completed in the period and how many of them were rated (一次一评) by now (a rating excluded as 刷好评 is none); null for review-only dimensions. */
export function caseCounts(dimension: ResultDimension, slice: Slice): Prisma.Sql | null {
  const dimensionKey = caseKey(dimension);
  if (!dimensionKey) return null;
  const keyed = keyOf(dimensionKey, slice, Prisma.sql`sc."completed_at"`, Prisma.sql`sc."hall_id"`);
  return Prisma.sql`
    SELECT ${keyed.key}, count(*)::int AS completed, count(r."id") FILTER (WHERE ${COUNTED_IN_FIGURES})::int AS rated
    FROM "service_case" sc
    LEFT JOIN "review" r ON r."case_id" = sc."id"
    ${keyed.joins}
    WHERE sc."completed_at" >= ${slice.from} AND sc."completed_at" < ${slice.to} AND ${slice.hallScope(Prisma.sql`sc."hall_id"`)}
    GROUP BY 1, 2, 3`;
}

export interface RectificationCountsRow extends GroupedRow {
  on_time: number;
  late: number;
  with_result: number;
  reopened: number;
  closed_after_result: number;
  closed_satisfied: number;
  confirmations: number;
  confirmations_satisfied: number;
}

/**
 * Rectification cases opened in the period, keyed by their review. `onTime`/`late` are the on-time rule's
 * fragments (on-time.sql.ts). A citizen's answers are read from the read model: 不满意 reopened the case
 * (owner COUNTY), and a final 满意 or 不满意 is its outcome.
 */
export function rectificationCounts(dimension: ResultDimension, slice: Slice, onTime: Prisma.Sql, late: Prisma.Sql): Prisma.Sql {
  const { key, joins } = keyOf(reviewKey(dimension), slice, Prisma.sql`rc."opened_at"`, Prisma.sql`rc."hall_id"`);
  return Prisma.sql`
    SELECT ${key},
      count(*) FILTER (WHERE ${onTime})::int AS on_time,
      count(*) FILTER (WHERE ${late})::int AS late,
      count(*) FILTER (WHERE ${RESULT_RECORDED})::int AS with_result,
      count(*) FILTER (WHERE rc."owner" = 'COUNTY')::int AS reopened,
      count(*) FILTER (WHERE rc."state" = 'CLOSED' AND rc."outcome" IN ('SATISFIED', 'UNSATISFIED', 'NO_OBJECTION'))::int AS closed_after_result,
      count(*) FILTER (WHERE rc."state" = 'CLOSED' AND rc."outcome" IN ('SATISFIED', 'NO_OBJECTION'))::int AS closed_satisfied,
      (count(*) FILTER (WHERE rc."owner" = 'COUNTY') + count(*) FILTER (WHERE rc."outcome" IN ('SATISFIED', 'UNSATISFIED')))::int AS confirmations,
      count(*) FILTER (WHERE rc."outcome" = 'SATISFIED')::int AS confirmations_satisfied
    FROM "rectification_case" rc
    JOIN "review" r ON r."id" = rc."review_id"
    ${joins}
    WHERE rc."opened_at" >= ${slice.from} AND rc."opened_at" < ${slice.to} AND ${slice.hallScope(Prisma.sql`rc."hall_id"`)}
    GROUP BY 1, 2, 3`;
}

export interface HandlingRow extends GroupedRow {
  hall_id: string;
  reviewed_at: Date;
  done_at: Date;
}

/**
 * Per rectification case opened in the period that got an answer: the review time and when the answer came — the
 * first result fed back (the first timeline entry that left the case 待群众确认), or the county's approval of 不予采纳
 * (which closes the case). The working hours between are computed with the hall's calendar.
 */
export function handlingTimes(dimension: ResultDimension, slice: Slice): Prisma.Sql {
  const { key, joins } = keyOf(reviewKey(dimension), slice, Prisma.sql`rc."opened_at"`, Prisma.sql`rc."hall_id"`);
  return Prisma.sql`
    SELECT * FROM (
      SELECT ${key}, rc."hall_id"::text AS hall_id, r."created_at" AS reviewed_at,
        CASE WHEN rc."outcome" = 'REJECTED' THEN rc."closed_at"
          ELSE (SELECT min(t."at") FROM "rectification_timeline_entry" t WHERE t."review_id" = rc."review_id" AND t."details"->>'state' = 'AWAITING_CONFIRMATION')
        END AS done_at
      FROM "rectification_case" rc
      JOIN "review" r ON r."id" = rc."review_id"
      ${joins}
      WHERE rc."opened_at" >= ${slice.from} AND rc."opened_at" < ${slice.to} AND ${slice.hallScope(Prisma.sql`rc."hall_id"`)}
        AND (${RESULT_RECORDED} OR rc."outcome" = 'REJECTED')
    ) answered
    WHERE done_at IS NOT NULL`;
}
