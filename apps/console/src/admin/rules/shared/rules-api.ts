import { API_URL } from '../../../data-provider';
import { httpClient } from '../../../auth/http-client';
import { apiErrorOf } from '../../../auth/session';

/**
 * A call the simple-rest provider does not make (an action such as disable, a PATCH, a calendar day): JSON in and
 * out with the access token; a refusal throws react-admin's HttpError carrying the API's Chinese message and body.
 */
export async function rulesRequest<T>(path: string, init: { method: string; body?: unknown }): Promise<T> {
  const response = await httpClient(`${API_URL}${path}`, {
    method: init.method,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return response.json as T;
}

/** The API's Chinese message and its field errors keyed by field (for a form to show beside its inputs). */
export function refusalOf(error: unknown): { message: string; fieldErrors?: Record<string, string>; statusCode?: number } {
  const { statusCode, errors } = apiErrorOf(error);
  const message = error instanceof Error ? error.message : 'ra.notification.http_error';
  return {
    message,
    ...(statusCode === undefined ? {} : { statusCode }),
    ...(statusCode === 422 && errors ? { fieldErrors: Object.fromEntries(errors.map(({ field, message: fieldMessage }) => [field, fieldMessage])) } : {}),
  };
}
