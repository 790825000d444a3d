import { NONE, type MatrixGroup } from './matrix-types';

/**
 * 上报管理 (issue 15): the upward exchange is county-wide, so the county and the admins see it and re-send (own and
 * other scope are the same); a town's roles and a department's guide do neither. The matrix's stack runs without an
 * upstream: 立即核对 is let through and then answers 409 EXCHANGE_NOT_CONFIGURED (nothing to count against); the re-sends move no dead row
 * (there is none) and requeue a hall-day's rows for a delivery loop that is not running.
 */
const COUNTY_AND_ADMIN = (status: string) => ({ handler: NONE, leader: NONE, guide: NONE, county: [status, status] as [string, string], admin: [status, status] as [string, string] });

export const groups: Record<string, MatrixGroup> = {
  '上报管理: overview': { request: () => ({ method: 'GET', path: '/exchange/overview' }), expected: COUNTY_AND_ADMIN('200') },
  '上报管理: dead letters': { request: () => ({ method: 'GET', path: '/exchange/dead-letters' }), expected: COUNTY_AND_ADMIN('200') },
  '上报管理: re-send a dead letter that does not exist': { request: () => ({ method: 'POST', path: '/exchange/dead-letters/999999999/resend' }), expected: COUNTY_AND_ADMIN('404') },
  '上报管理: re-send every dead letter': { request: () => ({ method: 'POST', path: '/exchange/dead-letters/resend' }), expected: COUNTY_AND_ADMIN('200') },
  '上报管理: the daily count differences': { request: () => ({ method: 'GET', path: '/exchange/reconciliation' }), expected: COUNTY_AND_ADMIN('200') },
  '上报管理: re-send a hall-day': {
    request: (scope) => ({ method: 'POST', path: '/exchange/reconciliation/resend', body: { day: '2026-12-01', hallCode: scope.hall } }),
    expected: COUNTY_AND_ADMIN('200'),
  },
  '上报管理: 立即核对 (no upstream configured: 409 EXCHANGE_NOT_CONFIGURED, was a 503 the fuzz run flagged)': { request: () => ({ method: 'POST', path: '/exchange/reconciliation/run' }), expected: COUNTY_AND_ADMIN('409') },
};
