import { NONE, type MatrixGroup } from './matrix-types';

/**
 * 数据核对 (issue 16): the reconciler's reports and 立即核对 are the county's and the admins' (every hall); a town's
 * roles and a department's guide neither see nor start them. Only admins change N (set to the default 7, so the
 * matrix changes nothing). The reports are county-wide, so own and other scope are the same.
 */
const COUNTY_AND_ADMIN = (status: string) => ({ handler: NONE, leader: NONE, guide: NONE, county: [status, status] as [string, string], admin: [status, status] as [string, string] });

export const groups: Record<string, MatrixGroup> = {
  'read-model reconciliation: the runs': { request: () => ({ method: 'GET', path: '/read-model-reconciliations' }), expected: COUNTY_AND_ADMIN('200') },
  'read-model reconciliation: a run that does not exist': {
    request: () => ({ method: 'GET', path: '/read-model-reconciliations/00000000-0000-4000-8000-000000000000' }),
    expected: COUNTY_AND_ADMIN('404'),
  },
  'read-model reconciliation: 立即核对': { request: () => ({ method: 'POST', path: '/read-model-reconciliations' }), expected: COUNTY_AND_ADMIN('202') },
  'read-model reconciliation: change N': {
    request: () => ({ method: 'PUT', path: '/admin/read-model-reconciliation-settings', body: { closedWithinDays: 7 } }),
    expected: { handler: NONE, leader: NONE, guide: NONE, county: NONE, admin: ['200', '200'] },
  },
};
