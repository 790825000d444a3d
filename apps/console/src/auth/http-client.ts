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
