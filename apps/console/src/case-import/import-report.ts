// How the import screen reads a report (pure, specified in import-report.spec.ts).
import type { ImportReport } from './data-provider';

/** 新增 3 条，更新 1 条，未变 2 条，有误 1 条 — the counts that are not zero, in that order; 没有可导入的办件 when all are. */
export function reportSummary(report: Pick<ImportReport, 'accepted' | 'updated' | 'unchanged' | 'rejected'>, dryRun: boolean): string {
  const parts = [
    [dryRun ? '将新增' : '新增', report.accepted],
    [dryRun ? '将更新' : '更新', report.updated],
    ['未变', report.unchanged],
    ['有误', report.rejected],
  ] as const;
  const said = parts.filter(([, count]) => count > 0).map(([label, count]) => `${label} ${count} 条`);
  return said.length === 0 ? '没有可导入的办件' : said.join('，');
}

/** A bad line as the clerk looks for it: 第 5 行（办件编号 X）：服务大厅编码：未知的服务大厅编码…；联系电话：… */
export interface BadLine {
  line: number | undefined;
  caseNumber: string | null;
  reasons: string[];
}

export function badLines(report: ImportReport): BadLine[] {
  return report.results
    .filter((result) => result.status === 'rejected')
    .map((result) => ({
      line: result.line,
      caseNumber: result.caseNumber,
      reasons: (result.errors ?? []).map((error) => (error.field ? `${error.field}：${error.message}` : error.message)),
    }));
}

/** A commit is offered after a dry run of the same file that found at least one line to write. */
export const canCommit = (report: ImportReport | undefined): boolean => report !== undefined && report.dryRun && report.accepted + report.updated > 0;
