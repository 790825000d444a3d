import type { Pool } from 'pg';
import type { Prisma, ReviewChannel, ReviewerKind } from '@haochaping/db';

/** A review row as ReviewRecorder writes it (the columns of prisma/schema.prisma, model Review). */
export interface ReviewRow {
  readonly id: string;
  readonly hallId: string;
  readonly windowId: string | null;
  readonly staffId: string | null;
  readonly serviceItemId: string | null;
  /** The case rated (unique: one review per case). */
  readonly caseId: string | null;
  /** The case a 随时可评 item is about, without rating it. */
  readonly aboutCaseId: string | null;
  readonly level: number;
  readonly optionCodes: readonly string[];
  readonly optionSetId: string;
  readonly optionSetVersion: number;
  readonly comment: string | null;
  readonly channel: ReviewChannel;
  readonly reviewerKind: ReviewerKind;
  readonly reviewerNameEnc: string | null;
  readonly reviewerPhoneEnc: string | null;
  readonly reviewerPhoneHash: string | null;
  /** Drawn again when taken (ReviewRecorder). */
  trackingCode: string;
  readonly enteredBy: string | null;
  readonly clientKey: string;
  /** Keyed hash of the normalised request (request-hash.ts): a retry with another body is refused. */
  readonly requestHash: string;
  readonly createdAt: Date;
  /** Where a public rating came from (client address, the page's device key), for the 刷好评 rules; null otherwise. */
  readonly clientIp: string | null;
  readonly clientDevice: string | null;
}

/**
 * The INSERT of a review unless one of its unique columns (client key, rated case, tracking code) is taken. A concurrent
 * insert of the same key waits for the other transaction and then reports the conflict, so "not inserted" always
 * means "someone else's row is there" (the caller finds out whose). ON CONFLICT DO NOTHING also spares an error,
 * and the aborted transaction that comes with it, on every retry.
 *
 * The same statement writes the review's row of the upward exchange outbox (exchange_delivery, docs/EXCHANGE.md): a
 * data-modifying CTE, so a review is never stored without the record the county owes the upstream, and the good-review
 * path stays one round trip without a transaction. Its rowCount is that of the outbox INSERT: 1 exactly when the
 * review was inserted.
 *
 * Every column of model Review is written here or named in REVIEW_COLUMNS_LEFT_TO_DEFAULTS: a test holds both
 * against the Prisma schema (apps/api/src/prisma/raw-sql-columns.spec.ts), so a new column is not forgotten.
 */
export const INSERT_REVIEW = `
  WITH "inserted" AS (
  INSERT INTO "review" ("id", "hall_id", "window_id", "staff_id", "service_item_id", "case_id", "about_case_id", "level",
    "option_codes", "option_set_id", "option_set_version", "comment", "channel", "reviewer_kind", "reviewer_name_enc",
    "reviewer_phone_enc", "reviewer_phone_hash", "tracking_code", "entered_by", "client_key", "request_hash", "created_at",
    "client_ip", "client_device")
  VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6::uuid, $7::uuid, $8::smallint, $9::text[], $10::uuid, $11::int,
    $12, $13::"review_channel", $14::"reviewer_kind", $15, $16, $17, $18, $19, $20, $21, $22::timestamptz, $23, $24)
  ON CONFLICT DO NOTHING
  RETURNING "id", "channel", "created_at")
  INSERT INTO "exchange_delivery" ("record_id", "type", "review_id", "channel_raw", "created_at")
  SELECT "id"::text, 'REVIEW', "id", "channel"::text, "created_at" FROM "inserted"`;

/** The review columns the INSERT leaves to their database default, and why. */
export const REVIEW_COLUMNS_LEFT_TO_DEFAULTS: Readonly<Record<string, string>> = {
  adoption: "ADOPTED until the county approves 不予采纳, which the worker's case projection writes, never the intake",
  excluded_from_figures_at: 'set when the county confirms a 刷好评 flag over the review (praise-integrity), never at intake',
  excluded_by_flag_id: 'the confirmed flag, written with excluded_from_figures_at',
};

/** The exchange_delivery columns the review's outbox INSERT leaves to their database default, and why. */
export const EXCHANGE_COLUMNS_LEFT_TO_DEFAULTS: Readonly<Record<string, string>> = {
  id: 'a sequence: the order pending rows are delivered in',
  payload: 'built by the worker when the record is first sent (a join with hall, item, department and case), then kept',
  status: 'PENDING until the upstream answers',
  attempts: 'none yet',
  last_error: 'none yet',
  last_attempt_at: 'none yet',
  delivered_at: 'not delivered yet',
  timeline_seq: 'a review is no timeline entry (RECTIFICATION and REJECTION rows name theirs)',
};

function insertValues(row: ReviewRow): unknown[] {
  return [
    row.id, row.hallId, row.windowId, row.staffId, row.serviceItemId, row.caseId, row.aboutCaseId, row.level, [...row.optionCodes], row.optionSetId,
    row.optionSetVersion, row.comment, row.channel, row.reviewerKind, row.reviewerNameEnc, row.reviewerPhoneEnc, row.reviewerPhoneHash,
    row.trackingCode, row.enteredBy, row.clientKey, row.requestHash, row.createdAt.toISOString(), row.clientIp, row.clientDevice,
  ];
}

/**
 * Inserts a good review on its own: the hot path of the intake (≥ 1000 ratings per second on two cores). Straight to
 * node-postgres as a named prepared statement (parsed once per connection): Prisma's query compiler, even for
 * `$executeRaw`, spends more CPU planning the statement than PostgreSQL spends running it. Returns whether it inserted.
 */
export async function insertReview(pool: Pool, row: ReviewRow): Promise<boolean> {
  const result = await pool.query({ name: 'insert-review', text: INSERT_REVIEW, values: insertValues(row) });
  return result.rowCount === 1;
}

/** The same INSERT inside a Prisma transaction (with the outbox row or the invitation it comes with). */
export async function insertReviewInTransaction(tx: Prisma.TransactionClient, row: ReviewRow): Promise<boolean> {
  return (await tx.$executeRawUnsafe(INSERT_REVIEW, ...insertValues(row))) === 1;
}
