import { apiErrorOf } from '../auth/session';

/** What the console shows of a refused request: the API's Chinese message, and the fields a form marks. */
export interface ApiRefusal {
  /** The API's Chinese message (react-admin's HttpError carries it as its message), or react-admin's generic one. */
  message: string;
  statusCode?: number;
  code?: string;
  /**
   * A 422's field errors keyed by the API's field path (`options.1.code`), as a react-admin form's onSubmit returns
   * them (it sets each path on the form). Absent on any other refusal: a 403 or 409 is about the case, not the input.
   */
  fieldErrors?: Record<string, string>;
}

/**
 * The one reading of an API refusal (`{ statusCode, code, message, errors?: [{ field, message }] }`, carried in the
 * `body` of react-admin's HttpError or of the auth calls' ApiRequestError) for every form and button of the console.
 */
export function refusalOf(error: unknown): ApiRefusal {
  const { statusCode, code, errors } = apiErrorOf(error);
  const message = error instanceof Error && error.message !== '' ? error.message : 'ra.notification.http_error';
  return {
    message,
    ...(statusCode === undefined ? {} : { statusCode }),
    ...(code === undefined ? {} : { code }),
    ...(statusCode === 422 && errors && errors.length > 0
      ? { fieldErrors: Object.fromEntries(errors.map(({ field, message: fieldMessage }) => [field, fieldMessage])) }
      : {}),
  };
}
