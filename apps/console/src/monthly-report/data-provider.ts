import { apiJson, type ApiBase } from '../api-base';
import type { MonthlyReport } from './monthly-report.types';

/** 月度通报's call, as a method of the console's data provider. */
export interface MonthlyReportMethods {
  /** GET /api/reports/monthly: the county's 通报 (hallCode absent) or one hall's, for a YYYY-MM month. */
  getMonthlyReport(month: string, hallCode: string | null): Promise<MonthlyReport>;
}

export const monthlyReportMethods = (api: ApiBase): MonthlyReportMethods => ({
  getMonthlyReport: (month, hallCode) => apiJson(api, `/reports/monthly?${new URLSearchParams({ month, ...(hallCode ? { hallCode } : {}) }).toString()}`),
});
