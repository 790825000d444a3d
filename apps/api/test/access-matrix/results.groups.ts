import { ALL, NONE, type MatrixGroup } from './matrix-types';

/**
 * 统计分析 (issue 14): the county, admins and the town roles read figures (a town role's rows are its own halls, so
 * the answer is 200 either way: the scope is inside); a department's guide has no hall to measure.
 */
export const groups: Record<string, MatrixGroup> = {
  'results: figures': {
    request: () => ({ method: 'GET', path: '/results/figures?dimension=hall&period=month&date=2026-11-15' }),
    expected: { handler: ALL, leader: ALL, guide: NONE, county: ALL, admin: ALL },
  },
};
