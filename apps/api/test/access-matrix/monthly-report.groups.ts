import { ALL, HALL, NONE, type MatrixGroup } from './matrix-types';

/**
 * 月度通报 (issue 14): a town's handlers and leaders read their own hall's report only, never the county's; the county
 * and admins read the county's and every hall's; a department's guide has no hall to report on.
 */
export const groups: Record<string, MatrixGroup> = {
  'monthly report: a hall’s': {
    request: (scope) => ({ method: 'GET', path: `/reports/monthly?month=2026-11&hallCode=${scope.hall}` }),
    expected: { handler: HALL, leader: HALL, guide: NONE, county: ALL, admin: ALL },
  },
  'monthly report: the county’s': {
    request: () => ({ method: 'GET', path: '/reports/monthly?month=2026-11' }),
    expected: { handler: NONE, leader: NONE, guide: NONE, county: ALL, admin: ALL },
  },
};
