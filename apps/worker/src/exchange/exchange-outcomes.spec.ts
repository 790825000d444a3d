import { afterAnswer, afterFailure, type ExchangeDeliveryPolicy } from './exchange.activities';
import type { RecordAnswer } from './upstream-http.driver';

const policy: ExchangeDeliveryPolicy = { maxAttempts: 3, deadLetterMs: 3_600_000 };

describe('what an attempt makes of an outbox row', () => {
  const answers: Array<[string, RecordAnswer, number, string, string | null]> = [
    ['accepted', { id: 'r', status: 'ACCEPTED' }, 0, 'DELIVERED', null],
    ['already there (DUPLICATE): delivered', { id: 'r', status: 'DUPLICATE', code: 'ALREADY_EXISTS', message: 'exists' }, 2, 'DELIVERED', null],
    ['refused for its content: dead at once', { id: 'r', status: 'REJECTED', code: 'INVALID_RECORD', message: '/pf bad' }, 0, 'DEAD', 'INVALID_RECORD: /pf bad'],
    ['refused for its type: dead at once', { id: 'r', status: 'REJECTED', code: 'INVALID_TYPE', message: 'type' }, 0, 'DEAD', 'INVALID_TYPE: type'],
    ['refused otherwise, attempts left: tried again', { id: 'r', status: 'REJECTED', code: 'FIELD_REFUSED', message: 'no text' }, 1, 'PENDING', 'FIELD_REFUSED: no text'],
    ['refused otherwise on the last attempt: dead', { id: 'r', status: 'REJECTED', code: 'FIELD_REFUSED', message: 'no text' }, 2, 'DEAD', 'FIELD_REFUSED: no text'],
  ];
  it.each(answers)('%s', (_what, answer, attemptsBefore, status, error) => {
    expect(afterAnswer({ id: '1', attempts: attemptsBefore }, answer, policy)).toEqual({ id: '1', status, error });
  });

  const now = new Date('2026-12-07T08:00:00.000Z');
  const failures: Array<[string, number, string]> = [
    ['written a minute ago: stays pending', 60_000, 'PENDING'],
    ['written just under the dead-letter time ago: stays pending', 3_599_999, 'PENDING'],
    ['written the dead-letter time ago: dead', 3_600_000, 'DEAD'],
  ];
  it.each(failures)('a batch without answers, row %s', (_what, age, status) => {
    expect(afterFailure({ id: '1', created_at: new Date(now.getTime() - age) }, 'upstream answered HTTP 503', policy, now)).toEqual({ id: '1', status, error: 'upstream answered HTTP 503' });
  });
});
