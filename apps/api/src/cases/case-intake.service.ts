import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Prisma } from '@haochaping/db';
import { DataProtector } from '@haochaping/privacy/server';
import { DomainHttpException, type ApiFieldError } from '../common/api-error';
import { Clock } from '../common/clock';
import { PrismaService } from '../prisma/prisma.service';
import { checkCaseRow, rawCaseNumber, referencedCodes, type CaseMasterData, type ValidCaseRow } from './case-row';

export type CaseRowStatus = 'accepted' | 'updated' | 'unchanged' | 'rejected';

/**
 * What happened to one row (or, in a dry run, would happen): `accepted` (a new case), `updated` (a known case
 * number with something changed), `unchanged` (a known case number resent as it is stored: nothing written) or
 * `rejected`.
 */
export interface CaseRowResult {
  readonly index: number;
  readonly caseNumber: string | null;
  readonly status: CaseRowStatus;
  /** The case's id when it is stored (not for a new case in a dry run). */
  readonly id?: string;
  readonly errors?: ApiFieldError[];
}

export interface CaseIntakeReport {
  readonly accepted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  /** True when nothing was written: the report says what a commit of the same rows would do. */
  readonly dryRun: boolean;
  readonly results: CaseRowResult[];
}

export interface CaseIntakeOptions {
  /** Who delivered the rows: the integration client's id, or `csv:<user>`. */
  readonly source: string;
  readonly instantExample: string;
  /** How the report names another row, for the duplicate message ("本批 index 为 3 的办件", "第 5 行"). */
  readonly describeRow: (index: number) => string;
  /** Problems found before the row check (a CSV line with more cells than headers), by row index. */
  readonly rowErrors?: ReadonlyArray<readonly ApiFieldError[]>;
  /** Check and compare with what is stored, write nothing. */
  readonly dryRun?: boolean;
}

interface StoredCase {
  readonly id: string;
  readonly caseNumber: string;
  readonly serviceItemId: string;
  readonly hallId: string;
  readonly windowId: string | null;
  readonly staffId: string | null;
  readonly applicantKind: string;
  readonly applicantNameEnc: string;
  readonly applicantPhoneHash: string | null;
  readonly receivedAt: Date;
  readonly completedAt: Date | null;
  readonly channel: string;
}

/** The most cases one POST /api/integration/cases may carry. */
export const MAX_BATCH_SIZE = 1000;

/** Rows per INSERT statement: 14 parameters each, far below PostgreSQL's 65,535. */
const UPSERT_CHUNK = 500;

/**
 * Intake of cases (数据归集) shared by the integration API and the CSV import: every row is checked on its own
 * against master data looked up in bulk, the good rows are written together (one transaction, upserts by case
 * number), and the report says per row what happened. A bad row never blocks the good ones; a row is written
 * whole or not at all.
 */
@Injectable()
export class CaseIntakeService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly protector: DataProtector,
    private readonly clock: Clock,
  ) {}

  /** A business system's delivery (POST /api/integration/cases). */
  async ingestBatch(rows: readonly unknown[], clientId: string): Promise<CaseIntakeReport> {
    if (rows.length > MAX_BATCH_SIZE) {
      throw new DomainHttpException(422, 'BATCH_TOO_LARGE', `每批最多 ${MAX_BATCH_SIZE} 条办件，本批 ${rows.length} 条，请分批提交`);
    }
    return this.ingest(rows, {
      source: clientId,
      instantExample: '2026-11-20T10:30:00+08:00',
      describeRow: (index) => `本批 index 为 ${index} 的办件`,
    });
  }

  async ingest(rows: readonly unknown[], options: CaseIntakeOptions): Promise<CaseIntakeReport> {
    const master = await this.loadMasterData(rows);
    const now = this.clock.now();
    const results: CaseRowResult[] = [];
    const valid: Array<{ index: number; row: ValidCaseRow }> = [];
    const firstIndexOf = new Map<string, number>();

    rows.forEach((raw, index) => {
      const caseNumber = rawCaseNumber(raw);
      const check = checkCaseRow(raw, master, { now, instantExample: options.instantExample });
      const errors = [...(options.rowErrors?.[index] ?? []), ...(check.ok ? [] : check.errors)];
      // Two rows with one case number in one delivery: the first counts, the later ones are refused (writing
      // both would silently keep whichever came last).
      const first = caseNumber === null ? undefined : firstIndexOf.get(caseNumber);
      if (first !== undefined) errors.push({ field: 'caseNumber', message: `办件编号 ${caseNumber} 与${options.describeRow(first)}重复` });
      else if (caseNumber !== null) firstIndexOf.set(caseNumber, index);

      if (check.ok && errors.length === 0) valid.push({ index, row: check.row });
      else results[index] = { index, caseNumber, status: 'rejected', errors };
    });

    // A resend of a stored case as it is changes nothing and is not written (its updated_at and source stay).
    const stored = await this.storedCases(valid.map(({ row }) => row.caseNumber));
    const unchanged = valid.filter(({ row }) => {
      const current = stored.get(row.caseNumber);
      return current !== undefined && this.sameCase(current, row);
    });
    for (const { index, row } of unchanged) results[index] = { index, caseNumber: row.caseNumber, status: 'unchanged', id: stored.get(row.caseNumber)?.id };
    const toWrite = valid.filter((entry) => !unchanged.includes(entry));

    if (options.dryRun) {
      for (const { index, row } of toWrite) {
        const id = stored.get(row.caseNumber)?.id;
        results[index] = id === undefined ? { index, caseNumber: row.caseNumber, status: 'accepted' } : { index, caseNumber: row.caseNumber, status: 'updated', id };
      }
    } else {
      const written = await this.upsert(toWrite.map(({ row }) => row), options.source, now);
      for (const { index, row } of toWrite) {
        const outcome = written.get(row.caseNumber);
        if (!outcome) throw new Error(`case ${row.caseNumber} was not written`);
        results[index] = { index, caseNumber: row.caseNumber, status: outcome.inserted ? 'accepted' : 'updated', id: outcome.id };
      }
    }
    const count = (status: CaseRowStatus) => results.filter((result) => result.status === status).length;
    return { accepted: count('accepted'), updated: count('updated'), unchanged: count('unchanged'), rejected: count('rejected'), dryRun: options.dryRun === true, results };
  }

  /** The stored cases of these numbers, in one query. */
  private async storedCases(caseNumbers: readonly string[]): Promise<Map<string, StoredCase>> {
    if (caseNumbers.length === 0) return new Map();
    const rows = await this.prisma.client.serviceCase.findMany({
      where: { caseNumber: { in: [...caseNumbers] } },
      select: {
        id: true, caseNumber: true, serviceItemId: true, hallId: true, windowId: true, staffId: true, applicantKind: true,
        applicantNameEnc: true, applicantPhoneHash: true, receivedAt: true, completedAt: true, channel: true,
      },
    });
    return new Map(rows.map((row) => [row.caseNumber, row]));
  }

  /** Whether a checked row says exactly what is stored (the name decrypted; the phone by its keyed hash). */
  private sameCase(stored: StoredCase, row: ValidCaseRow): boolean {
    return (
      stored.serviceItemId === row.serviceItemId &&
      stored.hallId === row.hallId &&
      stored.windowId === row.windowId &&
      stored.staffId === row.staffId &&
      stored.applicantKind === row.applicantKind &&
      stored.channel === row.channel &&
      stored.receivedAt.getTime() === row.receivedAt.getTime() &&
      (stored.completedAt?.getTime() ?? null) === (row.completedAt?.getTime() ?? null) &&
      stored.applicantPhoneHash === (row.applicantPhone === null ? null : this.protector.phoneHash(row.applicantPhone)) &&
      this.protector.decrypt(stored.applicantNameEnc) === row.applicantName
    );
  }

  /** Halls with their windows (a handful), and only the items and staff the rows name: three queries per delivery. */
  private async loadMasterData(rows: readonly unknown[]): Promise<CaseMasterData> {
    const { serviceItemCodes, staffEmployeeNumbers } = referencedCodes(rows);
    const [halls, items, staff] = await Promise.all([
      this.prisma.client.hall.findMany({ select: { id: true, code: true, name: true, windows: { select: { id: true, code: true } } } }),
      serviceItemCodes.length === 0 ? [] : this.prisma.client.serviceItem.findMany({ where: { code: { in: serviceItemCodes } }, select: { id: true, code: true } }),
      staffEmployeeNumbers.length === 0
        ? []
        : this.prisma.client.staff.findMany({
            where: { employeeNumber: { in: staffEmployeeNumbers } },
            select: { id: true, employeeNumber: true, hallId: true, hall: { select: { name: true } } },
          }),
    ]);
    return {
      halls: new Map(halls.map((hall) => [hall.code, { id: hall.id, name: hall.name, windows: new Map(hall.windows.map((window) => [window.code, window.id])) }])),
      serviceItems: new Map(items.map((item) => [item.code, item.id])),
      staff: new Map(staff.map((member) => [member.employeeNumber, { id: member.id, hallId: member.hallId, hallName: member.hall.name }])),
    };
  }

  /**
   * INSERT … ON CONFLICT (case_number) DO UPDATE, a chunk at a time in one transaction: one round trip per 500
   * rows, and two deliveries racing on one new case number cannot both insert it. `xmax = 0` is PostgreSQL's
   * way of telling a freshly inserted row from an updated one inside RETURNING. Prisma has no bulk upsert, hence
   * the SQL; the table and column names are those of prisma/schema.prisma (ServiceCase).
   */
  private async upsert(rows: readonly ValidCaseRow[], source: string, now: Date): Promise<Map<string, { id: string; inserted: boolean }>> {
    const outcomes = new Map<string, { id: string; inserted: boolean }>();
    if (rows.length === 0) return outcomes;
    await this.prisma.client.$transaction(
      async (tx) => {
        for (let start = 0; start < rows.length; start += UPSERT_CHUNK) {
          const values = rows.slice(start, start + UPSERT_CHUNK).map((row) => this.toSqlValues(row, source, now));
          const returned = await tx.$queryRaw<Array<{ id: string; case_number: string; inserted: boolean }>>`
            INSERT INTO "service_case" ("id", "case_number", "service_item_id", "hall_id", "window_id", "staff_id", "applicant_kind",
              "applicant_name_enc", "applicant_phone_enc", "applicant_phone_hash", "received_at", "completed_at", "channel", "source", "updated_at")
            VALUES ${Prisma.join(values)}
            ON CONFLICT ("case_number") DO UPDATE SET
              "service_item_id" = EXCLUDED."service_item_id", "hall_id" = EXCLUDED."hall_id", "window_id" = EXCLUDED."window_id",
              "staff_id" = EXCLUDED."staff_id", "applicant_kind" = EXCLUDED."applicant_kind", "applicant_name_enc" = EXCLUDED."applicant_name_enc",
              "applicant_phone_enc" = EXCLUDED."applicant_phone_enc", "applicant_phone_hash" = EXCLUDED."applicant_phone_hash",
              "received_at" = EXCLUDED."received_at", "completed_at" = EXCLUDED."completed_at", "channel" = EXCLUDED."channel",
              "source" = EXCLUDED."source", "updated_at" = EXCLUDED."updated_at"
            RETURNING "id"::text AS "id", "case_number", ("xmax" = 0) AS "inserted"`;
          for (const row of returned) outcomes.set(row.case_number, { id: row.id, inserted: row.inserted });
        }
      },
      { timeout: 60_000 },
    );
    return outcomes;
  }

  private toSqlValues(row: ValidCaseRow, source: string, now: Date): Prisma.Sql {
    const phone = row.applicantPhone;
    return Prisma.sql`(${randomUUID()}::uuid, ${row.caseNumber}, ${row.serviceItemId}::uuid, ${row.hallId}::uuid, ${row.windowId}::uuid,
      ${row.staffId}::uuid, ${row.applicantKind}::"applicant_kind", ${this.protector.encrypt(row.applicantName)},
      ${phone === null ? null : this.protector.encrypt(phone)}, ${phone === null ? null : this.protector.phoneHash(phone)},
      ${row.receivedAt.toISOString()}::timestamptz, ${row.completedAt?.toISOString() ?? null}::timestamptz, ${row.channel}::"case_channel",
      ${source}, ${now.toISOString()}::timestamptz)`;
  }
}
