import { apiJson, type ApiBase } from '../api-base';
import type { ReconciliationRunDetail, ReconciliationRuns } from './reconciliation.types';
import type { HallStatisticsReport, SupervisionReport } from './statistics.types';

/** The statistics reports, as methods of the console's data provider. */
export interface StatisticsMethods {
  /** GET /api/statistics/halls: per-hall figures of the halls the user sees, for a period (ISO instants; `to` exclusive). */
  getHallStatistics(period: { from: string; to: string }): Promise<HallStatisticsReport>;
  /** GET /api/statistics/supervision: open cases overdue or escalated now, by department and by level. */
  getSupervisionStatistics(): Promise<SupervisionReport>;
}

export const statisticsMethods = (api: ApiBase): StatisticsMethods => ({
  getHallStatistics: (period) => apiJson(api, `/statistics/halls?${new URLSearchParams(period).toString()}`),
  getSupervisionStatistics: () => apiJson(api, '/statistics/supervision'),
});

/** 数据核对: the read model reconciler's reports and 立即核对 (county and admins). */
export interface ReconciliationMethods {
  /** GET /api/read-model-reconciliations: the newest runs and N. */
  getReconciliationRuns(): Promise<ReconciliationRuns>;
  /** GET /api/read-model-reconciliations/:id: one run with every drifted case. */
  getReconciliationRun(id: string): Promise<ReconciliationRunDetail>;
  /** POST /api/read-model-reconciliations: 立即核对. */
  startReconciliation(): Promise<{ id: string; workflowId: string }>;
  /** PUT /api/admin/read-model-reconciliation-settings: N, the days of closed cases every run checks (admins). */
  updateReconciliationSettings(closedWithinDays: number): Promise<ReconciliationRuns['settings']>;
}

export const reconciliationMethods = (api: ApiBase): ReconciliationMethods => ({
  getReconciliationRuns: () => apiJson(api, '/read-model-reconciliations'),
  getReconciliationRun: (id) => apiJson(api, `/read-model-reconciliations/${encodeURIComponent(id)}`),
  startReconciliation: () => apiJson(api, '/read-model-reconciliations', { method: 'POST' }),
  updateReconciliationSettings: (closedWithinDays) => apiJson(api, '/admin/read-model-reconciliation-settings', { method: 'PUT', body: { closedWithinDays } }),
});
