import { randomUUID } from 'node:crypto';
import { ALL, listQuery, type Expected, type MatrixGroup } from './matrix-types';

// Master data as admins keep it (apps/api/src/master-data): every signed-in role reads it, only ADMIN writes, in any
// hall (master data belongs to the county, not to a hall's scope). Writes here leave the data as it was: the same
// names again, enable on an enabled window, new windows under random codes.

const ADMIN_ONLY: Expected = { handler: ['403', '403'], leader: ['403', '403'], guide: ['403', '403'], county: ['403', '403'], admin: ['200', '200'] };
const EVERYONE_READS: Expected = { handler: ['seen', 'seen'], leader: ['seen', 'seen'], guide: ['seen', 'seen'], county: ['seen', 'seen'], admin: ['seen', 'seen'] };
const HALL_NAMES: Record<string, string> = { jintun: '金屯镇', zhifang: '纸坊镇' };

export const groups: Record<string, MatrixGroup> = {
  'master data: windows list': {
    request: (scope) => ({ method: 'GET', path: `/windows?${listQuery(`${scope.hall}-W01`)}`, listed: `${scope.hall}-W01` }),
    expected: EVERYONE_READS,
  },
  'master data: one window': {
    request: (scope) => ({ method: 'GET', path: `/windows/${scope.hall}-W01` }),
    expected: { handler: ALL, leader: ALL, guide: ALL, county: ALL, admin: ALL },
  },
  'master data: staff list': {
    request: () => ({ method: 'GET', path: '/staff' }),
    expected: { handler: ALL, leader: ALL, guide: ALL, county: ALL, admin: ALL },
  },
  'master data: edit a hall': {
    request: (scope) => ({ method: 'PUT', path: `/halls/${scope.hall}`, body: { name: HALL_NAMES[scope.hall] } }),
    expected: ADMIN_ONLY,
  },
  'master data: create a window': {
    request: (scope) => ({ method: 'POST', path: '/windows', body: { hallCode: scope.hall, code: `M${randomUUID().slice(0, 8)}`, name: '权限矩阵窗口' } }),
    expected: { ...ADMIN_ONLY, admin: ['201', '201'] },
  },
  'master data: enable a window': {
    request: (scope) => ({ method: 'POST', path: `/windows/${scope.hall}-W01/enable` }),
    expected: ADMIN_ONLY,
  },
  'master data: create a staff member': {
    request: (scope) => ({ method: 'POST', path: '/staff', body: { employeeNumber: `M${randomUUID().slice(0, 8)}`, name: '权限矩阵', hallCode: scope.hall } }),
    expected: { ...ADMIN_ONLY, admin: ['201', '201'] },
  },
  'master data: edit a department': {
    request: () => ({ method: 'PUT', path: '/departments/yibao', body: { name: '医保局' } }),
    expected: ADMIN_ONLY,
  },
  'master data: enable a service item': {
    request: () => ({ method: 'POST', path: '/service-items/YB-002/enable' }),
    expected: ADMIN_ONLY,
  },
};
