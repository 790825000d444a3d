import { DRIFT_NOT_REPAIRED_REASONS, READ_MODEL_FIELD_LABELS, type ReconciliationSummary } from '@haochaping/contracts';

/** The run as `npm run reconcile` prints it: the counts, then each drifted case with its fields and what came of it. */
export function describeReconciliation(summary: ReconciliationSummary): string {
  const lines = [`核对 ${summary.runId}: 核对 ${summary.checked} 件，发现偏差 ${summary.drifted} 件，已修复 ${summary.repaired} 件`];
  for (const drift of summary.drifts) {
    const fields = drift.fields.map((field) => READ_MODEL_FIELD_LABELS[field]).join('、') || '—';
    const outcome = drift.repaired ? '已修复' : `未修复：${drift.reason ? DRIFT_NOT_REPAIRED_REASONS[drift.reason] : '原因不明'}`;
    lines.push(`  ${drift.reviewId}  ${drift.hallCode ?? '—'}  ${fields}  ${outcome}`);
  }
  if (summary.drifted > summary.drifts.length) lines.push(`  … 其余 ${summary.drifted - summary.drifts.length} 件见核对记录（控制台：督查督办 → 数据核对）`);
  return lines.join('\n');
}

/** 0: nothing drifted or everything repaired; 2: some case is left drifted. */
export function reconciliationExitCode(summary: ReconciliationSummary): number {
  return summary.repaired < summary.drifted ? 2 : 0;
}
