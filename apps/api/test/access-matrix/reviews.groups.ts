import { ALL, HALL, NONE, listQuery, type MatrixGroup } from './matrix-types';

/**
 * 评价记录 and the statistics for supervision. The scope's rectification id is a bad review's id, so it names a
 * review too. A guide's "own" here is the jintun review their department was not invited to: guides see only the
 * reviews of invited cases, so both of theirs are hidden / refused. The export and the statistics answer 200 to every
 * role allowed and carry only the caller's halls (reviews-list.e2e.test.ts and statistics.e2e.test.ts check the rows).
 */
export const groups: Record<string, MatrixGroup> = {
  'reviews list': {
    request: (scope) => ({ method: 'GET', path: `/reviews?${listQuery(scope.rectification)}`, listed: scope.rectification }),
    expected: { handler: ['seen', 'hidden'], leader: ['seen', 'hidden'], guide: ['hidden', 'hidden'], county: ['seen', 'seen'], admin: ['seen', 'seen'] },
  },
  'review detail': {
    request: (scope) => ({ method: 'GET', path: `/reviews/${scope.rectification}` }),
    expected: { handler: HALL, leader: HALL, guide: NONE, county: ALL, admin: ALL },
  },
  'reviews CSV export': {
    request: (scope) => ({ method: 'GET', path: `/reviews/export.csv?${listQuery(scope.rectification)}` }),
    expected: { handler: ALL, leader: ALL, guide: ALL, county: ALL, admin: ALL },
  },
  'statistics by hall': {
    request: () => ({ method: 'GET', path: '/statistics/halls' }),
    expected: { handler: ALL, leader: ALL, guide: NONE, county: ALL, admin: ALL },
  },
  'statistics for supervision': {
    request: () => ({ method: 'GET', path: '/statistics/supervision' }),
    expected: { handler: ALL, leader: ALL, guide: NONE, county: ALL, admin: ALL },
  },
};
