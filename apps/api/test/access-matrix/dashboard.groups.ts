import { ALL, type MatrixGroup } from './matrix-types';

/** The 工作台's reads (issue 13): every signed-in role reads its own duties (the scope is applied inside). */
export const groups: Record<string, MatrixGroup> = {
  'dashboard: my duties today': { request: () => ({ method: 'GET', path: '/dashboard/my-duties' }), expected: { handler: ALL, leader: ALL, guide: ALL, county: ALL, admin: ALL } },
};
