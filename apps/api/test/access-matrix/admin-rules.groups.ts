import { randomUUID } from 'node:crypto';
import { ALL, NONE, type MatrixGroup } from './matrix-types';

/**
 * The rules admins keep (issue 6): option sets, SLA policies, the calendar, the audit log. County-wide data, so a
 * role's own and other scope answer alike; the county supervisor reads the rules and the audit log, only admins
 * change anything, and every signed-in user reads the calendar (deadlines are computed from it).
 */
const READ_BY_COUNTY = { handler: NONE, leader: NONE, guide: NONE, county: ALL, admin: ALL };
const ADMIN_WRITES = (status: string) => ({ handler: NONE, leader: NONE, guide: NONE, county: NONE, admin: [status, status] as [string, string] });

/** A new ONLINE version each time (an identical one would be refused as unchanged). */
const onlineOptions = () => [
  { code: 'D1', label: `办事指南不准确 ${randomUUID().slice(0, 8)}`, suggestedCategory: 'IMMEDIATE' },
  { code: 'E1', label: '系统不稳定', suggestedCategory: 'TIME_LIMITED' },
];

const clock = (amount: number, unit = 'WORKING_DAYS') => ({ amount, unit });
const slaPolicy = {
  categories: {
    IMMEDIATE: { callback: clock(1, 'WORKING_HOURS'), result: clock(1) },
    TIME_LIMITED: { callback: clock(1), result: clock(3) },
    COORDINATED: { callback: clock(1), result: clock(10) },
  },
  escalationAfter: clock(1),
  reminderRatio: 0.8,
  confirmationWindow: clock(5),
  rejectionDecision: clock(1),
  extensionDecision: clock(1),
  note: '权限矩阵测试',
};

export const groups: Record<string, MatrixGroup> = {
  'rules: option set versions': { request: () => ({ method: 'GET', path: '/admin/option-sets' }), expected: READ_BY_COUNTY },
  'rules: new option set version': { request: () => ({ method: 'POST', path: '/admin/option-sets', body: { nature: 'ONLINE', options: onlineOptions() } }), expected: ADMIN_WRITES('201') },
  'rules: SLA policy versions': { request: () => ({ method: 'GET', path: '/admin/sla-policies/1' }), expected: READ_BY_COUNTY },
  'rules: new SLA policy version': { request: () => ({ method: 'POST', path: '/admin/sla-policies', body: slaPolicy }), expected: ADMIN_WRITES('201') },
  'calendar: years': {
    request: () => ({ method: 'GET', path: '/calendar-years/2026' }),
    expected: { handler: ALL, leader: ALL, guide: ALL, county: ALL, admin: ALL },
  },
  // 2035-03-07 is a Wednesday; adding it again changes nothing (200).
  'calendar: add a holiday': { request: () => ({ method: 'POST', path: '/calendar-years/2035/days', body: { date: '2035-03-07', kind: 'HOLIDAY' } }), expected: ADMIN_WRITES('200') },
  'calendar: import a notice (dry run)': {
    request: () => ({ method: 'POST', path: '/calendar-years/2035/notice', body: { text: '2035-01-01 休 元旦', dryRun: true } }),
    expected: ADMIN_WRITES('200'),
  },
  'audit log': { request: () => ({ method: 'GET', path: '/admin/audit-log' }), expected: READ_BY_COUNTY },
};
