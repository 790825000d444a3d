/** The API's answers of /api/read-model-reconciliations (apps/api/src/read-model-reconciliation/dto). */
export interface ReconciliationRun {
  id: string;
  trigger: string;
  triggerLabel: string;
  requestedBy: string | null;
  status: 'RUNNING' | 'DONE' | 'FAILED';
  statusLabel: string;
  closedWithinDays: number;
  startedAt: string;
  finishedAt: string | null;
  checked: number;
  drifted: number;
  repaired: number;
  error: string | null;
}

export interface ReadModelDrift {
  reviewId: string;
  trackingCode: string | null;
  caseNumber: string | null;
  hallCode: string | null;
  hallName: string | null;
  fields: string[];
  fieldLabels: string[];
  repaired: boolean;
  reason: string | null;
  reasonLabel: string | null;
  foundAt: string;
}

export interface ReconciliationRunDetail extends ReconciliationRun {
  drifts: ReadModelDrift[];
}

export interface ReconciliationRuns {
  settings: { closedWithinDays: number; updatedBy: string | null; updatedAt: string | null };
  runs: ReconciliationRun[];
}
