import { apiJson, type ApiBase } from '../api-base';
import { fetchApiHealth, type ApiHealthReport } from '../health/api-health';

/** The 工作台's own calls, as methods of the console's data provider. */
export interface DashboardMethods {
  /** GET /api/health without the token (it answers anyone): the services' state, or ApiUnreachableError. */
  getApiHealth(options?: { signal?: AbortSignal }): Promise<ApiHealthReport>;
  /** GET /api/dashboard/my-duties: what the signed-in person owes before today's office time ends, and what is overdue. */
  getMyDuties(): Promise<MyDuty[]>;
}

/** One duty of "my duties today" (the API's MyDutyResponse). */
export interface MyDuty {
  reviewId: string;
  hallCode: string;
  hallName: string;
  state: string;
  stateLabel: string;
  duty: 'callback' | 'result' | 'rejectionDecision' | 'extensionDecision';
  dutyLabel: string;
  dueAt: string;
  overdue: boolean;
  escalated: boolean;
}

export const dashboardMethods = (api: ApiBase): DashboardMethods => ({
  getApiHealth: (options = {}) => fetchApiHealth(api.url, options),
  getMyDuties: () => apiJson<MyDuty[]>(api, '/dashboard/my-duties'),
});
