import { DEFAULT_RECURRENCE_SETTINGS } from '../../src/improvements/improvement-settings.service';
import { ALL, NONE, type Expected, type MatrixGroup } from './matrix-types';

/**
 * 优化清单 (issue 14): the proposals and the county's decisions (accept, dismiss, reopen) are the supervisor's;
 * admins read them and change the recurrence settings (set back to the migration's defaults, so the matrix changes
 * nothing). The items list answers everyone with what they own (a list never answers 403); reports on an item are
 * the owner's and the county's, and an item that does not exist (or is another owner's) is a 404. The proposals are
 * county-wide, so own and other scope are the same.
 */
const NO_ITEM = '00000000-0000-4000-8000-000000000000';
const COUNTY_DECIDES = (status: string): Expected => ({ handler: NONE, leader: NONE, guide: NONE, county: [status, status], admin: NONE });
const COUNTY_AND_ADMIN: Expected = { handler: NONE, leader: NONE, guide: NONE, county: ALL, admin: ALL };
const OWNER_OR_COUNTY_REPORTS: Expected = { handler: ['404', '404'], leader: ['404', '404'], guide: ['404', '404'], county: ['404', '404'], admin: NONE };

export const groups: Record<string, MatrixGroup> = {
  '优化清单: proposals': { request: () => ({ method: 'GET', path: '/improvements/proposals' }), expected: COUNTY_AND_ADMIN },
  '优化清单: accept a proposal that does not exist': {
    request: (scope) => ({ method: 'POST', path: '/improvements/proposals/accept', body: { key: `${scope.hall}|-|OPTION:Z9`, ownerKind: 'HALL', ownerCode: scope.hall, dueDate: '2099-12-31' } }),
    expected: COUNTY_DECIDES('404'),
  },
  '优化清单: dismiss a proposal that does not exist': {
    request: (scope) => ({ method: 'POST', path: '/improvements/proposals/dismiss', body: { key: `${scope.hall}|-|OPTION:Z9`, reason: '权限矩阵测试' } }),
    expected: COUNTY_DECIDES('404'),
  },
  '优化清单: items': { request: () => ({ method: 'GET', path: '/improvement-items' }), expected: { handler: ALL, leader: ALL, guide: ALL, county: ALL, admin: ALL } },
  '优化清单: an item that does not exist': {
    request: () => ({ method: 'GET', path: `/improvement-items/${NO_ITEM}` }),
    expected: { handler: ['404', '404'], leader: ['404', '404'], guide: ['404', '404'], county: ['404', '404'], admin: ['404', '404'] },
  },
  '优化清单: report progress': { request: () => ({ method: 'POST', path: `/improvement-items/${NO_ITEM}/progress`, body: { note: '权限矩阵测试' } }), expected: OWNER_OR_COUNTY_REPORTS },
  '优化清单: report done': { request: () => ({ method: 'POST', path: `/improvement-items/${NO_ITEM}/complete`, body: { note: '权限矩阵测试' } }), expected: OWNER_OR_COUNTY_REPORTS },
  '优化清单: reopen': { request: () => ({ method: 'POST', path: `/improvement-items/${NO_ITEM}/reopen`, body: { note: '权限矩阵测试' } }), expected: COUNTY_DECIDES('404') },
  '优化清单: settings': { request: () => ({ method: 'GET', path: '/improvements/settings' }), expected: COUNTY_AND_ADMIN },
  '优化清单: change the settings': {
    request: () => ({ method: 'PUT', path: '/admin/improvement-settings', body: DEFAULT_RECURRENCE_SETTINGS }),
    expected: { handler: NONE, leader: NONE, guide: NONE, county: NONE, admin: ALL },
  },
};
