import type { Actor, ActorRole, RectificationCategory, RectificationState } from '@haochaping/contracts';
import { allowedActions, type CaseForActions } from './rectification-action';

const actor = (role: ActorRole, hallCodes: string[] = ['jintun'], departmentCodes?: string[]): Actor => ({
  userId: 'u-1',
  role,
  hallCodes,
  ...(departmentCodes ? { departmentCodes } : {}),
});

const NOW = new Date('2026-03-10T02:00:00Z');
const LATER = new Date('2026-03-20T09:00:00Z');
const EARLIER = new Date('2026-03-09T09:00:00Z');

describe('allowedActions: what the console offers the calling user', () => {
  const facts = (state: RectificationState, overrides: Partial<CaseForActions> = {}): CaseForActions => ({
    state,
    hallCode: 'jintun',
    category: null,
    callbackOpen: false,
    invitedDepartmentCodes: [],
    resultDueAt: null,
    now: NOW,
    ...overrides,
  });
  const coordinated = (state: RectificationState, overrides: Partial<CaseForActions> = {}) =>
    facts(state, { category: 'COORDINATED' as RectificationCategory, resultDueAt: LATER, ...overrides });

  // [who, case, offered actions]
  const cases: Array<[string, Actor, CaseForActions, string[]]> = [
    ['the hall handler, to verify', actor('HANDLER'), facts('PENDING_VERIFICATION'), ['verify', 'add-note']],
    ['the hall handler, to verify and call back', actor('HANDLER'), facts('PENDING_VERIFICATION', { callbackOpen: true }), ['verify', 'record-callback', 'add-note']],
    ["another hall's handler: nothing", actor('HANDLER', ['macun']), facts('PENDING_VERIFICATION', { callbackOpen: true }), []],
    ['the town leader, before verification: verify, reassign, note', actor('TOWN_LEADER'), facts('PENDING_VERIFICATION'), ['verify', 'reassign', 'add-note']],
    ['the county supervisor, to decide a rejection', actor('COUNTY_SUPERVISOR', []), facts('REJECTION_PENDING'), ['decide-rejection', 'reassign', 'add-note']],
    ['the handler, a rejection pending: a callback and a note', actor('HANDLER'), facts('REJECTION_PENDING', { callbackOpen: true }), ['record-callback', 'add-note']],
    ['the handler, rectifying 限时整改', actor('HANDLER'), facts('RECTIFYING', { category: 'TIME_LIMITED', resultDueAt: LATER }), ['record-rectification', 'reclassify', 'add-note']],
    [
      'the town leader, rectifying 协调整改 before the due time',
      actor('TOWN_LEADER'),
      coordinated('RECTIFYING'),
      ['record-rectification', 'reclassify', 'reassign', 'invite-departments', 'add-note', 'request-extension'],
    ],
    ['the handler, 协调整改 past the due time: no extension', actor('HANDLER'), coordinated('RECTIFYING', { resultDueAt: EARLIER }), ['record-rectification', 'reclassify', 'invite-departments', 'add-note']],
    ['the handler, an extension pending', actor('HANDLER'), coordinated('EXTENSION_PENDING'), ['invite-departments', 'add-note']],
    ['the county supervisor, an extension pending', actor('COUNTY_SUPERVISOR', []), coordinated('EXTENSION_PENDING'), ['reassign', 'invite-departments', 'add-note', 'decide-extension']],
    ['a guide of an invited department', actor('DEPT_GUIDE', [], ['yibao']), coordinated('RECTIFYING', { invitedDepartmentCodes: ['yibao'] }), ['record-department-input', 'add-note']],
    ['a guide of a department not invited: nothing', actor('DEPT_GUIDE', ['jintun'], ['renshe']), coordinated('RECTIFYING', { invitedDepartmentCodes: ['yibao'] }), []],
    ['the citizen, awaiting confirmation', actor('CITIZEN', []), facts('AWAITING_CONFIRMATION'), ['confirm']],
    ['the citizen, before the result', actor('CITIZEN', []), facts('RECTIFYING'), []],
    ['an admin: never', actor('ADMIN', []), facts('PENDING_VERIFICATION', { callbackOpen: true }), []],
    ['anyone, closed: nothing', actor('COUNTY_SUPERVISOR', []), facts('CLOSED', { callbackOpen: true }), []],
  ];

  it.each(cases)('%s', (_label, who, caseForActions, expected) => {
    expect(allowedActions(who, caseForActions)).toEqual(expected);
  });
});
