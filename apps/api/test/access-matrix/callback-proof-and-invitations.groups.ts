import { ALL, HALL, NONE, type MatrixGroup } from './matrix-types';

/**
 * Issue 13: a hall's call-log import (its own hall for hall roles, any hall for the county; a dry run, so the matrix
 * writes nothing) and the admin's setting of the SMS invitations to rate. The opt-out endpoints are in
 * rating-invitation-opt-out.e2e.test.ts (the gateway's by API key, the hall's flag by case number).
 */
export const groups: Record<string, MatrixGroup> = {
  'call-log import (dry run)': {
    request: (scope) => ({ method: 'POST', path: `/call-logs/import?hallCode=${scope.hall}&dryRun=true`, csv: '通话时间,通话时长,被叫号码\n2026-03-09 10:15:00,95,13812345678\n' }),
    expected: { handler: HALL, leader: HALL, guide: NONE, county: ALL, admin: ALL },
  },
  'rating invitation settings': {
    request: () => ({ method: 'GET', path: '/admin/rating-invitation-settings' }),
    expected: { handler: NONE, leader: NONE, guide: NONE, county: NONE, admin: ALL },
  },
};
