import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service';
import { caseCsvTemplate, csvHeaderOf, CSV_INSTANT_EXAMPLE, parseCaseCsv } from './case-csv';
import { CaseIntakeService } from './case-intake.service';
import type { CaseIntakeReportResponse } from './dto/case-intake-report.response';

/** The CSV side of case intake: the template, and the import through the same row check and upsert as the API. */
@Injectable()
export class CaseImportService {
  constructor(
    private readonly intake: CaseIntakeService,
    private readonly prisma: PrismaService,
  ) {}

  /** With `dryRun`, the same parse, row check and comparison with stored cases, and nothing written. */
  async importCsv(content: Uint8Array | string, userId: string, dryRun = false): Promise<CaseIntakeReportResponse> {
    const lines = parseCaseCsv(content);
    const report = await this.intake.ingest(
      lines.map(({ row }) => row),
      {
        source: `csv:${userId}`,
        instantExample: CSV_INSTANT_EXAMPLE,
        describeRow: (index) => `第 ${lines[index]?.line ?? '?'} 行`,
        rowErrors: lines.map(({ lineErrors }) => lineErrors),
        dryRun,
      },
    );
    return {
      ...report,
      results: report.results.map((result) => ({
        ...result,
        line: lines[result.index]?.line,
        // The clerk looks for a column, not a JSON path.
        ...(result.errors ? { errors: result.errors.map((error) => ({ ...error, field: csvHeaderOf(error.field) })) } : {}),
      })),
    };
  }

  /**
   * The template's example line uses this county's real codes (the first hall, its first window and staff member,
   * an item handled at windows), so that it shows what a valid line looks like here.
   */
  async template(): Promise<string> {
    const [hall, item] = await Promise.all([
      this.prisma.client.hall.findFirst({
        orderBy: { code: 'asc' },
        include: { windows: { orderBy: { code: 'asc' }, take: 1, include: { staff: { orderBy: { employeeNumber: 'asc' }, take: 1 } } } },
      }),
      this.prisma.client.serviceItem.findFirst({ where: { nature: 'OFFLINE' }, orderBy: { code: 'asc' } }),
    ]);
    const window = hall?.windows[0];
    return caseCsvTemplate({
      caseNumber: 'JX-2026-000001',
      serviceItemCode: item?.code ?? 'RS-001',
      hallCode: hall?.code ?? 'jiaxiang',
      windowCode: window?.code ?? 'W01',
      staffEmployeeNumber: window?.staff[0]?.employeeNumber ?? '',
      'applicant.kind': '自然人',
      'applicant.name': '张三',
      'applicant.phone': '13812345678',
      receivedAt: '2026-11-20 10:30',
      completedAt: '2026-11-20 11:05',
      channel: '线下窗口',
    });
  }
}
