import { Injectable } from '@nestjs/common';
import type { ApplicantKind } from '@haochaping/db';
import { PrismaService } from '../prisma/prisma.service';

/** What a rating needs of a case: where it was handled, when it was completed, and its applicant (encrypted). */
export interface RatedCase {
  readonly id: string;
  readonly caseNumber: string;
  readonly hallId: string;
  readonly windowId: string | null;
  readonly staffId: string | null;
  readonly serviceItemId: string;
  readonly completedAt: Date | null;
  readonly applicantKind: ApplicantKind;
  readonly applicantNameEnc: string;
  readonly applicantPhoneEnc: string | null;
  readonly applicantPhoneHash: string | null;
}

export const RATED_CASE_SELECT = {
  id: true,
  caseNumber: true,
  hallId: true,
  windowId: true,
  staffId: true,
  serviceItemId: true,
  completedAt: true,
  applicantKind: true,
  applicantNameEnc: true,
  applicantPhoneEnc: true,
  applicantPhoneHash: true,
} as const;

interface RatedCaseRow {
  id: string;
  case_number: string;
  hall_id: string;
  window_id: string | null;
  staff_id: string | null;
  service_item_id: string;
  completed_at: Date | null;
  applicant_kind: ApplicantKind;
  applicant_name_enc: string;
  applicant_phone_enc: string | null;
  applicant_phone_hash: string | null;
}

/**
 * Cases as the rating channels find them: one indexed query each, scalar columns only, as named prepared statements
 * straight to node-postgres, for the same reason as the review INSERT (review-insert.ts): a case-bound rating is one
 * look-up and one insert, and Prisma's query compiler would cost more CPU than both statements in PostgreSQL.
 * Columns are those of ServiceCase: RATED_CASE_COLUMNS below, RATED_CASE_SELECT for the invitation's Prisma query.
 */
@Injectable()
export class RatingCases {
  constructor(private readonly prisma: PrismaService) {}

  async byId(id: string): Promise<RatedCase | null> {
    return toRatedCase((await this.prisma.pool.query<RatedCaseRow>({ name: 'rated-case-by-id', text: `SELECT ${RATED_CASE_COLUMNS} FROM "service_case" WHERE "id" = $1::uuid`, values: [id] })).rows);
  }

  async byNumber(caseNumber: string): Promise<RatedCase | null> {
    return toRatedCase((await this.prisma.pool.query<RatedCaseRow>({ name: 'rated-case-by-number', text: `SELECT ${RATED_CASE_COLUMNS} FROM "service_case" WHERE "case_number" = $1`, values: [caseNumber] })).rows);
  }
}

/**
 * What a rating reads of a case. Every column of model ServiceCase is read here or named in
 * SERVICE_CASE_COLUMNS_NOT_RATED, and RATED_CASE_SELECT reads the same ones: a test holds all three against the Prisma
 * schema (apps/api/src/prisma/raw-sql-columns.spec.ts), so a new column is a decision, not an oversight.
 */
export const RATED_CASE_COLUMNS = `"id"::text, "case_number", "hall_id"::text, "window_id"::text, "staff_id"::text, "service_item_id"::text, "completed_at",
   "applicant_kind"::text, "applicant_name_enc", "applicant_phone_enc", "applicant_phone_hash"`;

/** The case columns a rating does not read, and why. */
export const SERVICE_CASE_COLUMNS_NOT_RATED: Readonly<Record<string, string>> = {
  received_at: 'the rating period runs from completion (completed_at), not from receipt',
  channel: 'how the case was handled (online or at a window) does not change how it is rated',
  source: 'who delivered the case (an integration client, a CSV import) is bookkeeping of 数据归集',
  created_at: 'bookkeeping of 数据归集',
  updated_at: 'bookkeeping of 数据归集',
};

function toRatedCase(rows: readonly RatedCaseRow[]): RatedCase | null {
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    caseNumber: row.case_number,
    hallId: row.hall_id,
    windowId: row.window_id,
    staffId: row.staff_id,
    serviceItemId: row.service_item_id,
    completedAt: row.completed_at,
    applicantKind: row.applicant_kind,
    applicantNameEnc: row.applicant_name_enc,
    applicantPhoneEnc: row.applicant_phone_enc,
    applicantPhoneHash: row.applicant_phone_hash,
  };
}
