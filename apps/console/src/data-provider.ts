import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider } from 'react-admin';
import { fetchApiHealth, type ApiHealthReport } from './health/api-health';

// Same origin as the console: Vite proxies /api to the API in dev and preview.
export const API_URL = '/api';

/** simple-rest for resources, plus typed methods for calls that are not CRUD. */
export interface ConsoleDataProvider extends DataProvider {
  getApiHealth(options?: { signal?: AbortSignal }): Promise<ApiHealthReport>;
}

export const createDataProvider = (apiUrl: string = API_URL): ConsoleDataProvider => ({
  ...simpleRestProvider(apiUrl),
  getApiHealth: (options = {}) => fetchApiHealth(apiUrl, options),
});

export const dataProvider = createDataProvider();
