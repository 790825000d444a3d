import type { HttpClient } from './auth/http-client';

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
