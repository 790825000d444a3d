import { apiJson, type ApiBase } from '../api-base';
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
