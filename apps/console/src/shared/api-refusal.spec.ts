import { describe, expect, it } from '@jest/globals';
import { ApiRequestError, type ApiErrorBody } from '../auth/session';
import { refusalOf, type ApiRefusal } from './api-refusal';

/** What react-admin's fetchJson throws: an HttpError with the API's message, its status and the parsed body. */
class HttpErrorLike extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(message);
  }
}

const invalid = { statusCode: 422, code: 'VALIDATION_FAILED', message: '填写有误' };

describe('refusalOf: the one reading of an API refusal', () => {
  it.each<[string, unknown, ApiRefusal]>([
    [
      'a 422 with field errors: each beside its field, by the API’s path',
      new HttpErrorLike('填写有误', 422, { ...invalid, errors: [{ field: 'name', message: '不能为空' }, { field: 'options.1.code', message: '重复' }] }),
      { message: '填写有误', statusCode: 422, code: 'VALIDATION_FAILED', fieldErrors: { name: '不能为空', 'options.1.code': '重复' } },
    ],
    [
      'a 422 without field errors: the message only',
      new HttpErrorLike('填写有误', 422, invalid),
      { message: '填写有误', statusCode: 422, code: 'VALIDATION_FAILED' },
    ],
    [
      'a 422 with an empty error list: the message only',
      new HttpErrorLike('填写有误', 422, { ...invalid, errors: [] }),
      { message: '填写有误', statusCode: 422, code: 'VALIDATION_FAILED' },
    ],
    [
      'a 409 carrying errors: about the case, not the input — no field errors',
      new HttpErrorLike('工单已变化', 409, { statusCode: 409, code: 'CONFLICT', message: '工单已变化', errors: [{ field: 'note', message: 'x' }] }),
      { message: '工单已变化', statusCode: 409, code: 'CONFLICT' },
    ],
    [
      'a 403 of the auth calls (ApiRequestError)',
      new ApiRequestError('无权操作', 403, { statusCode: 403, code: 'FORBIDDEN', message: '无权操作' }),
      { message: '无权操作', statusCode: 403, code: 'FORBIDDEN' },
    ],
    [
      'a failure without the API’s body (network down, a proxy’s page)',
      new TypeError('Failed to fetch'),
      { message: 'Failed to fetch' },
    ],
    ['something thrown that is not an Error', 'boom', { message: 'ra.notification.http_error' }],
    ['an Error without a message', new HttpErrorLike('', 502, {}), { message: 'ra.notification.http_error' }],
  ])('%s', (_case, error, expected) => {
    expect(refusalOf(error)).toEqual(expected);
  });
});
