import type { ApiBase } from '../api-base';
import { fetchApiHealth, type ApiHealthReport } from '../health/api-health';

/** The 工作台's own call, as a method of the console's data provider. */
export interface DashboardMethods {
  /** GET /api/health without the token (it answers anyone): the services' state, or ApiUnreachableError. */
  getApiHealth(options?: { signal?: AbortSignal }): Promise<ApiHealthReport>;
}

export const dashboardMethods = (api: ApiBase): DashboardMethods => ({
  getApiHealth: (options = {}) => fetchApiHealth(api.url, options),
});
