import { fetchUtils } from 'react-admin';
import { apiErrorOf, authSession, type AuthSession } from './session';

/** Codes of a 401 that a fresh access token may cure (anything else is final). */
const RENEWABLE = new Set(['TOKEN_EXPIRED', 'SESSION_REVOKED']);

/**
 * react-admin's fetchJson with the access token; a 401 TOKEN_EXPIRED / SESSION_REVOKED gets one refresh (shared
 * with every request failing at the same moment) and one retry.
 */
export const createHttpClient =
  (session: AuthSession = authSession) =>
  async (url: string, options: fetchUtils.Options = {}) => {
    const send = (token: string | undefined) => {
      const headers = new Headers(options.headers ?? { Accept: 'application/json' });
      if (token) headers.set('Authorization', `Bearer ${token}`);
      return fetchUtils.fetchJson(url, { ...options, headers });
    };
    const token = await session.token();
    try {
      return await send(token);
    } catch (error) {
      const { code, statusCode } = apiErrorOf(error);
      if (statusCode !== 401 || !code || !RENEWABLE.has(code)) throw error;
      // Another request may have renewed the token meanwhile: use that one rather than rotating the cookie again.
      const current = session.validToken();
      const renewed = current && current !== token ? current : (await session.refresh())?.accessToken;
      if (!renewed) throw error;
      return send(renewed);
    }
  };

export const httpClient = createHttpClient();

export type HttpClient = ReturnType<typeof createHttpClient>;

/** What a module's data-provider methods are built on: the API's base URL (`/api`) and the signed-in client. */
export interface ApiBase {
  url: string;
  httpClient: HttpClient;
}

/**
 * A JSON call the simple-rest provider does not make (an action such as disable, a PATCH, a report): the body as
 * JSON, the answer's JSON back; a refusal throws react-admin's HttpError carrying the API's Chinese message and body.
 */
export async function apiJson<T>(api: ApiBase, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await api.httpClient(`${api.url}${path}`, {
    ...(init.method === undefined ? {} : { method: init.method }),
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return response.json as T;
}
