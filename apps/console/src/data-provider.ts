import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider } from 'react-admin';
import { httpClient } from './auth/http-client';
import { fetchApiHealth, type ApiHealthReport } from './health/api-health';
import { withPageCap } from './page-cap';
import type { RectificationActionPath } from '@haochaping/contracts';
import type { CaseReviewer, RectificationLiveState } from './rectifications/rectification.types';

// Same origin as the console: Vite proxies /api to the API in dev and preview.
export const API_URL = '/api';

/** simple-rest for resources, plus typed methods for calls that are not CRUD. */
export interface ConsoleDataProvider extends DataProvider {
  getApiHealth(options?: { signal?: AbortSignal }): Promise<ApiHealthReport>;
  /** The case as its workflow holds it now: obligations with their clocks, and the caller's allowed actions. */
  getRectificationLive(id: string): Promise<RectificationLiveState>;
  /** Who rated the case: masked, or with `unmask` in full (the API allows it to few and records each view). */
  getCaseReviewer(id: string, unmask: boolean): Promise<CaseReviewer>;
  /** `POST /api/rectifications/:id/actions/<action>`: the workflow decides; refusals are HttpErrors with its Chinese message. */
  rectificationAction(id: string, action: RectificationActionPath, body: Record<string, unknown>): Promise<RectificationLiveState>;
}

export const createDataProvider = (apiUrl: string = API_URL): ConsoleDataProvider => ({
  // Exports ask for more rows than the API gives per request: withPageCap fetches them page by page.
  ...withPageCap(simpleRestProvider(apiUrl, httpClient)),
  getApiHealth: (options = {}) => fetchApiHealth(apiUrl, options),
  async getRectificationLive(id) {
    const response = await httpClient(`${apiUrl}/rectifications/${encodeURIComponent(id)}?live=1`);
    return response.json as RectificationLiveState;
  },
  async getCaseReviewer(id, unmask) {
    const response = await httpClient(`${apiUrl}/rectifications/${encodeURIComponent(id)}/reviewer${unmask ? '?unmask=1' : ''}`);
    return response.json as CaseReviewer;
  },
  async rectificationAction(id, action, body) {
    const response = await httpClient(`${apiUrl}/rectifications/${encodeURIComponent(id)}/actions/${action}`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    return response.json as RectificationLiveState;
  },
});

export const dataProvider = createDataProvider();
