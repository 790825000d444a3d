import { ALL, HALL, NONE, type MatrixGroup } from './matrix-types';

/**
 * 统计分析 (issue 14): a town's handlers and leaders see their own hall's figures (asking for another hall's trend is
 * refused), the county and admins every hall; a department's guide has no hall to measure. Only admins change the
 * minimum number of reviews before a ranking (set back to the default 3, so the matrix changes nothing).
 */
const READERS = { handler: ALL, leader: ALL, guide: NONE, county: ALL, admin: ALL };

export const groups: Record<string, MatrixGroup> = {
  'results: figures': { request: () => ({ method: 'GET', path: '/results/figures?dimension=hall&period=month&date=2026-11-15' }), expected: READERS },
  'results: figures.xlsx': { request: () => ({ method: 'GET', path: '/results/figures.xlsx?dimension=hall' }), expected: READERS },
  'results: trend of a hall': {
    request: (scope) => ({ method: 'GET', path: `/results/trend?bucket=day&from=2026-11-01&to=2026-11-02&hallCode=${scope.hall}` }),
    expected: { handler: HALL, leader: HALL, guide: NONE, county: ALL, admin: ALL },
  },
  'results: rankings': { request: () => ({ method: 'GET', path: '/results/rankings?dimension=window&figure=badRate' }), expected: READERS },
  'results: settings': { request: () => ({ method: 'GET', path: '/results/settings' }), expected: READERS },
  'results: change the ranking minimum': {
    request: () => ({ method: 'PUT', path: '/admin/results-settings', body: { minReviewsToRank: 3 } }),
    expected: { handler: NONE, leader: NONE, guide: NONE, county: NONE, admin: ['200', '200'] },
  },
};
