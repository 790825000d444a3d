import { describe, expect, it } from '@jest/globals';
import { masterDataMethods } from './admin/master-data/data-provider';
import { rulesMethods } from './admin/rules/data-provider';
import type { ApiBase } from './api-base';
import { dashboardMethods } from './dashboard/data-provider';
import { notificationMethods } from './notifications/data-provider';
import { rectificationMethods } from './rectifications/data-provider';
import { reviewMethods } from './reviews/data-provider';
import { reconciliationMethods, statisticsMethods } from './supervision/data-provider';

interface Sent {
  url: string;
  method: string;
  body?: unknown;
  accept?: string | null;
}

/** A client that records what it was asked and answers `{ ok: true }` (CSV text for the export). */
function recordingApi(): { api: ApiBase; sent: Sent[] } {
  const sent: Sent[] = [];
  const httpClient = (url: string, options: { method?: string; body?: unknown; headers?: HeadersInit } = {}) => {
    sent.push({
      url,
      method: options.method ?? 'GET',
      ...(typeof options.body === 'string' ? { body: JSON.parse(options.body) as unknown } : {}),
      ...(options.headers ? { accept: new Headers(options.headers).get('Accept') } : {}),
    });
    return Promise.resolve({ status: 200, headers: new Headers(), body: '编号\n', json: { ok: true } });
  };
  return { api: { url: '/api', httpClient }, sent };
}

type Call = (api: ApiBase) => Promise<unknown>;

describe('the data provider’s methods for calls that are not CRUD', () => {
  it.each<[string, Call, Sent]>([
    ['a case’s live state', (api) => rectificationMethods(api).getRectificationLive('c/1'), { url: '/api/rectifications/c%2F1?live=1', method: 'GET' }],
    ['the masked reviewer', (api) => rectificationMethods(api).getCaseReviewer('c1', false), { url: '/api/rectifications/c1/reviewer', method: 'GET' }],
    ['the reviewer in full', (api) => rectificationMethods(api).getCaseReviewer('c1', true), { url: '/api/rectifications/c1/reviewer?unmask=1', method: 'GET' }],
    ['whom a case may be reassigned to', (api) => rectificationMethods(api).getCaseAssignees('c/1'), { url: '/api/rectifications/c%2F1/assignees', method: 'GET' }],
    [
      'a workflow action',
      (api) => rectificationMethods(api).rectificationAction('c1', 'record-callback', { summary: '已回访' }),
      { url: '/api/rectifications/c1/actions/record-callback', method: 'POST', body: { summary: '已回访' } },
    ],
    [
      'the per-hall statistics of a period',
      (api) => statisticsMethods(api).getHallStatistics({ from: '2026-12-01T00:00:00+08:00', to: '2027-01-01T00:00:00+08:00' }),
      { url: '/api/statistics/halls?from=2026-12-01T00%3A00%3A00%2B08%3A00&to=2027-01-01T00%3A00%3A00%2B08%3A00', method: 'GET' },
    ],
    ['the supervision report', (api) => statisticsMethods(api).getSupervisionStatistics(), { url: '/api/statistics/supervision', method: 'GET' }],
    ['the read model reconciliation runs', (api) => reconciliationMethods(api).getReconciliationRuns(), { url: '/api/read-model-reconciliations', method: 'GET' }],
    ['one reconciliation run', (api) => reconciliationMethods(api).getReconciliationRun('r/1'), { url: '/api/read-model-reconciliations/r%2F1', method: 'GET' }],
    ['立即核对', (api) => reconciliationMethods(api).startReconciliation(), { url: '/api/read-model-reconciliations', method: 'POST' }],
    [
      'the days of closed cases the reconciler checks',
      (api) => reconciliationMethods(api).updateReconciliationSettings(14),
      { url: '/api/admin/read-model-reconciliation-settings', method: 'PUT', body: { closedWithinDays: 14 } },
    ],
    ['my duties today', (api) => dashboardMethods(api).getMyDuties(), { url: '/api/dashboard/my-duties', method: 'GET' }],
    ['the staff-SMS rules', (api) => rulesMethods(api).getStaffSmsRules(), { url: '/api/admin/staff-sms/rules', method: 'GET' }],
    [
      'a staff-SMS rule',
      (api) => rulesMethods(api).updateStaffSmsRule({ kind: 'REMINDER', audienceRole: 'HANDLER', enabled: true, holdOutsideOfficeTime: false, obligations: ['callback'] }),
      { url: '/api/admin/staff-sms/rules/REMINDER/HANDLER', method: 'PUT', body: { enabled: true, holdOutsideOfficeTime: false, obligations: ['callback'] } },
    ],
    ['the county duty phone', (api) => rulesMethods(api).getStaffSmsSettings(), { url: '/api/admin/staff-sms/settings', method: 'GET' }],
    ['removing the county duty phone', (api) => rulesMethods(api).updateStaffSmsSettings(null), { url: '/api/admin/staff-sms/settings', method: 'PUT', body: { countyDutyPhone: null } }],
    [
      'the review export of the list’s filter and sort',
      (api) => reviewMethods(api).exportReviews({ level: 'BAD' }, { field: 'createdAt', order: 'DESC' }),
      { url: '/api/reviews/export.csv?filter=%7B%22level%22%3A%22BAD%22%7D&sort=%5B%22createdAt%22%2C%22DESC%22%5D', method: 'GET', accept: 'text/csv' },
    ],
    ['the unread notice count', (api) => notificationMethods(api).getUnreadNoticeCount(), { url: '/api/notifications/unread-count', method: 'GET' }],
    ['marking a notice read', (api) => notificationMethods(api).markNoticeRead('42'), { url: '/api/notifications/42/read', method: 'POST' }],
    ['marking every notice read', (api) => notificationMethods(api).markAllNoticesRead(), { url: '/api/notifications/read-all', method: 'POST' }],
    ['disabling a window', (api) => masterDataMethods(api).setActive('windows', 'w1', false), { url: '/api/windows/w1/disable', method: 'POST' }],
    ['enabling a service item', (api) => masterDataMethods(api).setActive('service-items', 's1', true), { url: '/api/service-items/s1/enable', method: 'POST' }],
    ['resetting a password', (api) => rulesMethods(api).userAction('u1', 'reset-password'), { url: '/api/admin/users/u1/reset-password', method: 'POST' }],
    ['creating a user', (api) => rulesMethods(api).createUser({ username: 'li' }), { url: '/api/admin/users', method: 'POST', body: { username: 'li' } }],
    ['changing a user (PATCH)', (api) => rulesMethods(api).updateUser('u1', { displayName: '李' }), { url: '/api/admin/users/u1', method: 'PATCH', body: { displayName: '李' } }],
    ['creating an API key', (api) => rulesMethods(api).createApiClient('省平台'), { url: '/api/admin/api-clients', method: 'POST', body: { name: '省平台' } }],
    ['disabling an API key', (api) => rulesMethods(api).disableApiClient('k1'), { url: '/api/admin/api-clients/k1/disable', method: 'POST' }],
    [
      'a weekday off',
      (api) => rulesMethods(api).setCalendarDay('2027-02-08', 'HOLIDAY'),
      { url: '/api/calendar-years/2027/days', method: 'POST', body: { date: '2027-02-08', kind: 'HOLIDAY' } },
    ],
    ['a day back to its weekday', (api) => rulesMethods(api).setCalendarDay('2027-02-08', null), { url: '/api/calendar-years/2027/days/2027-02-08', method: 'DELETE' }],
    [
      'checking a notice without storing it',
      (api) => rulesMethods(api).importCalendarNotice(2027, { text: '2027-01-01 休 元旦', notice: '通知', dryRun: true }),
      { url: '/api/calendar-years/2027/notice', method: 'POST', body: { text: '2027-01-01 休 元旦', notice: '通知', dryRun: true } },
    ],
  ])('%s', async (_call, call, expected) => {
    const { api, sent } = recordingApi();
    await call(api);
    expect(sent).toEqual([expected]);
  });

  it('hands back the API’s JSON answer, and the export as text', async () => {
    const { api } = recordingApi();
    await expect(rulesMethods(api).userAction('u1', 'enable')).resolves.toEqual({ ok: true });
    await expect(reviewMethods(api).exportReviews({}, undefined)).resolves.toBe('编号\n');
  });
});
