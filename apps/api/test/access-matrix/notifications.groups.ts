import { ALL, type MatrixGroup } from './matrix-types';

/**
 * 消息: every signed-in staff role may read its notices, count the unread and mark them read; which notices it sees
 * follows its data scope (notifications.e2e.test.ts checks the rows kind × role × own/other scope), so the endpoints
 * answer 200 in either scope. Marking one read needs a notice of the caller's (404 otherwise; tested there too).
 */
export const groups: Record<string, MatrixGroup> = {
  'notices list': {
    request: () => ({ method: 'GET', path: '/notifications' }),
    expected: { handler: ALL, leader: ALL, guide: ALL, county: ALL, admin: ALL },
  },
  'notices unread count': {
    request: () => ({ method: 'GET', path: '/notifications/unread-count' }),
    expected: { handler: ALL, leader: ALL, guide: ALL, county: ALL, admin: ALL },
  },
  'notices mark all read': {
    request: () => ({ method: 'POST', path: '/notifications/read-all' }),
    expected: { handler: ALL, leader: ALL, guide: ALL, county: ALL, admin: ALL },
  },
};
