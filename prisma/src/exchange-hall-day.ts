import { localDateOf } from '@haochaping/working-time';

/**
 * "A hall's records of one day" for the upward exchange's daily count reconciliation (docs/EXCHANGE.md): one rule,
 * used by the worker that counts them and by the API that re-sends them. A day is an Asia/Shanghai calendar day, as
 * the upstream counts it (a review's evaluateTime, a result's rectifyTime, a decision's decidedTime).
 *
 * Reviews are counted from `review` itself, not from their outbox rows, so a review that never got its row (written
 * by other means than the intake's statement) shows as a difference and is given one by the re-send. The other record
 * types exist only as outbox rows: their hall and time are the sent record's (`payload`), or before the first attempt
 * the review's hall and the row's own time (written with the result it carries).
 */

/** The day's bounds, $1 and $2 of the statements below: [start, end) of an Asia/Shanghai day `YYYY-MM-DD`. */
export function shanghaiDayBounds(day: string): [Date, Date] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`not a day (YYYY-MM-DD): ${day}`);
  const start = new Date(`${day}T00:00:00+08:00`);
  // 2026-02-30 is no day: its start would fall on another date.
  if (Number.isNaN(start.getTime()) || localDateOf(start) !== day) throw new RangeError(`not a day (YYYY-MM-DD): ${day}`);
  return [start, new Date(start.getTime() + 86_400_000)];
}

/** The hall and time an outbox row (alias `row`) of a non-REVIEW record counts under; its review's hall is `h`. */
const otherHall = (row: string) => `COALESCE(${row}."payload"->>'orgCode', h."code")`;
const otherTime = (row: string) => `COALESCE((COALESCE(${row}."payload"->>'rectifyTime', ${row}."payload"->>'decidedTime'))::timestamptz, ${row}."created_at")`;

/** Our records of one day ($1, $2: its bounds) per hall and type: `{ hall_code, type, count }`. */
export const OUR_COUNTS_OF_DAY = `
  SELECT h."code" AS "hall_code", 'REVIEW' AS "type", count(*)::int AS "count"
  FROM "review" r JOIN "hall" h ON h."id" = r."hall_id"
  WHERE r."created_at" >= $1 AND r."created_at" < $2
  GROUP BY h."code"
  UNION ALL
  SELECT ${otherHall('e')} AS "hall_code", e."type", count(*)::int AS "count"
  FROM "exchange_delivery" e LEFT JOIN "review" r ON r."id" = e."review_id" LEFT JOIN "hall" h ON h."id" = r."hall_id"
  WHERE e."type" <> 'REVIEW' AND ${otherTime('e')} >= $1 AND ${otherTime('e')} < $2
  GROUP BY 1, 2`;

/**
 * Re-send, step one: an outbox row for each review of the hall-day ($1, $2 its bounds; $3 the hall's code) that has
 * none, as the intake's statement writes it. Answers the rows written.
 */
export const ADD_MISSING_REVIEW_ROWS = `
  INSERT INTO "exchange_delivery" ("record_id", "type", "review_id", "channel_raw", "created_at")
  SELECT r."id"::text, 'REVIEW', r."id", r."channel"::text, r."created_at"
  FROM "review" r JOIN "hall" h ON h."id" = r."hall_id"
  WHERE r."created_at" >= $1 AND r."created_at" < $2 AND h."code" = $3
  ON CONFLICT ("record_id") DO NOTHING`;

/**
 * Re-send, step two: every outbox row of the hall-day ($1, $2, $3 as above) not already waiting goes back to PENDING;
 * the delivery loop sends them again, and the upstream answers "already exists" for those it has.
 */
export const REQUEUE_HALL_DAY = `
  UPDATE "exchange_delivery" e SET "status" = 'PENDING'
  FROM "exchange_delivery" x LEFT JOIN "review" r ON r."id" = x."review_id" LEFT JOIN "hall" h ON h."id" = r."hall_id"
  WHERE e."id" = x."id" AND x."status" <> 'PENDING' AND (
    (x."type" = 'REVIEW' AND r."created_at" >= $1 AND r."created_at" < $2 AND h."code" = $3)
    OR (x."type" <> 'REVIEW' AND ${otherTime('x')} >= $1 AND ${otherTime('x')} < $2 AND ${otherHall('x')} = $3)
  )`;
