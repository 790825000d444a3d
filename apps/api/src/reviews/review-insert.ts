import { Prisma, type PrismaClient, type ReviewChannel, type ReviewerKind } from '@haochaping/db';

/** A review row as ReviewRecorder writes it (the columns of prisma/schema.prisma, model Review). */
export interface ReviewRow {
  readonly id: string;
  readonly hallId: string;
  readonly windowId: string | null;
  readonly staffId: string | null;
  readonly serviceItemId: string | null;
  readonly caseId: string | null;
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
  readonly createdAt: Date;
}

/**
 * Inserts a review unless one of its unique columns (client key, case, tracking code) is taken; returns whether it
 * did. A concurrent insert of the same key waits for the other transaction and then reports the conflict, so "not
 * inserted" always means "someone else's row is there" (the caller finds out whose).
 *
 * SQL rather than `review.create`: this statement is the hot path of the intake (≥ 1000 good reviews per second on
 * two cores), and Prisma's query compiler spends more CPU planning a create than PostgreSQL spends running it.
 * ON CONFLICT DO NOTHING also spares an error, and the aborted transaction that comes with it, on every retry.
 */
export async function insertReview(db: PrismaClient | Prisma.TransactionClient, row: ReviewRow): Promise<boolean> {
  const inserted = await db.$executeRaw`
    INSERT INTO "review" ("id", "hall_id", "window_id", "staff_id", "service_item_id", "case_id", "level", "option_codes",
      "option_set_id", "option_set_version", "comment", "channel", "reviewer_kind", "reviewer_name_enc", "reviewer_phone_enc",
      "reviewer_phone_hash", "tracking_code", "entered_by", "client_key", "created_at")
    VALUES (${row.id}::uuid, ${row.hallId}::uuid, ${row.windowId}::uuid, ${row.staffId}::uuid, ${row.serviceItemId}::uuid,
      ${row.caseId}::uuid, ${row.level}::smallint, ${[...row.optionCodes]}::text[], ${row.optionSetId}::uuid, ${row.optionSetVersion}::int,
      ${row.comment}, ${row.channel}::"review_channel", ${row.reviewerKind}::"reviewer_kind", ${row.reviewerNameEnc},
      ${row.reviewerPhoneEnc}, ${row.reviewerPhoneHash}, ${row.trackingCode}, ${row.enteredBy}, ${row.clientKey},
      ${row.createdAt.toISOString()}::timestamptz)
    ON CONFLICT DO NOTHING`;
  return inserted === 1;
}
