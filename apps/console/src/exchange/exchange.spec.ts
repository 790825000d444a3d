import { describe, expect, it } from '@jest/globals';
import type { ApiBase } from '../api-base';
import { canAccess } from '../auth/can-access';
import type { StaffRole } from '../auth/session';
import { exchangeMethods } from './data-provider';
import { durationParts, shortTime } from './exchange-format';

describe('上报管理 in the console', () => {
  it.each<[StaffRole, boolean]>([
    ['HANDLER', false],
    ['TOWN_LEADER', false],
    ['DEPT_GUIDE', false],
    ['COUNTY_SUPERVISOR', true],
    ['ADMIN', true],
  ])('%s may open it: %s', (role, allowed) => {
    expect(canAccess(role, 'list', 'exchange')).toBe(allowed);
  });

  it.each<[number, ReturnType<typeof durationParts>]>([
    [0, { unit: 'seconds', value: 0 }],
    [119, { unit: 'seconds', value: 119 }],
    [120, { unit: 'minutes', value: 2 }],
    [7_199, { unit: 'minutes', value: 120 }],
    [7_200, { unit: 'hours', value: 2 }],
    [90_000, { unit: 'hours', value: 25 }],
  ])('says a wait of %i s as %j', (seconds, expected) => {
    expect(durationParts(seconds)).toEqual(expected);
  });

  it('shows a Shanghai instant to the minute', () => {
    expect(shortTime('2026-12-07T10:30:59+08:00')).toBe('2026-12-07 10:30');
  });

  it.each<[string, (methods: ReturnType<typeof exchangeMethods>) => Promise<unknown>, { url: string; method: string; body?: unknown }]>([
    ['the overview', (m) => m.getExchangeOverview(), { url: '/api/exchange/overview', method: 'GET' }],
    ['the dead letters', (m) => m.getExchangeDeadLetters(), { url: '/api/exchange/dead-letters', method: 'GET' }],
    ['one dead letter again', (m) => m.resendExchangeDeadLetter('4/2'), { url: '/api/exchange/dead-letters/4%2F2/resend', method: 'POST' }],
    ['every dead letter again', (m) => m.resendAllExchangeDeadLetters(), { url: '/api/exchange/dead-letters/resend', method: 'POST' }],
    ['the differences', (m) => m.getExchangeReconciliation(), { url: '/api/exchange/reconciliation', method: 'GET' }],
    ['立即核对', (m) => m.runExchangeReconciliation(), { url: '/api/exchange/reconciliation/run', method: 'POST' }],
    ['a hall-day again', (m) => m.resendExchangeHallDay('2026-12-06', 'jintun'), { url: '/api/exchange/reconciliation/resend', method: 'POST', body: { day: '2026-12-06', hallCode: 'jintun' } }],
  ])('calls the API for %s', async (_name, call, expected) => {
    const sent: Array<{ url: string; method: string; body?: unknown }> = [];
    const api: ApiBase = {
      url: '/api',
      httpClient: (url: string, options: { method?: string; body?: unknown } = {}) => {
        sent.push({ url, method: options.method ?? 'GET', ...(typeof options.body === 'string' ? { body: JSON.parse(options.body) as unknown } : {}) });
        return Promise.resolve({ status: 200, headers: new Headers(), body: '{}', json: {} });
      },
    };
    await call(exchangeMethods(api));
    expect(sent).toEqual([expected]);
  });
});
