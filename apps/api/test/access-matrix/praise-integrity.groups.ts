import { ALL, NONE, type MatrixGroup } from './matrix-types';

/**
 * 刷好评 detection (issue 14): the county supervisor alone runs the rules and decides flags (they name windows, staff
 * and client addresses); admins only set the thresholds, which the county may read. A decision on an unknown flag
 * is 404 for the county: past the guard, nothing to decide.
 */
const COUNTY_ONLY = { handler: NONE, leader: NONE, guide: NONE, county: ALL, admin: NONE };
const UNKNOWN_FLAG = '00000000-0000-4000-8000-00000000f1a9';

export const groups: Record<string, MatrixGroup> = {
  'praise-integrity: detect': { request: () => ({ method: 'POST', path: '/praise-integrity/detections', body: { from: '2026-11-01', to: '2026-11-02' } }), expected: COUNTY_ONLY },
  'praise-integrity: flags': { request: () => ({ method: 'GET', path: '/praise-integrity/flags' }), expected: COUNTY_ONLY },
  'praise-integrity: decide a flag': {
    request: () => ({ method: 'POST', path: `/praise-integrity/flags/${UNKNOWN_FLAG}/decision`, body: { decision: 'CLEARED' } }),
    expected: { handler: NONE, leader: NONE, guide: NONE, county: ['404', '404'], admin: NONE },
  },
  'praise-integrity: settings': { request: () => ({ method: 'GET', path: '/praise-integrity/settings' }), expected: { handler: NONE, leader: NONE, guide: NONE, county: ALL, admin: ALL } },
  'praise-integrity: change the settings': {
    request: () => ({
      method: 'PUT',
      path: '/admin/praise-integrity-settings',
      body: { burst: { minReviews: 5, withinMinutes: 30, afterCompletionMinutes: 10 }, oneSource: { minCases: 3 }, hallNetworks: [], tooFast: { maxSecondsAfterCompletion: 15, minReviews: 3 } },
    }),
    expected: { handler: NONE, leader: NONE, guide: NONE, county: NONE, admin: ['200', '200'] },
  },
};
