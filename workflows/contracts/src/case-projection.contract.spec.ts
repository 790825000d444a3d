import { caseProjection, caseProjectionColumns } from './case-projection.contract';
import type { RectificationCaseState } from './rectification.contract';

/** The columns that follow who works on a case and how its clocks were met, each a function of the state alone. */
describe('caseProjectionColumns: owner, assignee, callback outcome, invited departments, original result due time', () => {
  const base: RectificationCaseState = {
    reviewId: '5f1c7a52-9b0e-4c1f-8d4e-0c2b1a3d4e5f',
    hallCode: 'jintun',
    hallName: '金屯镇',
    level: 2,
    state: 'RECTIFYING',
    stateLabel: '整改中',
    openedAt: '2026-11-27T01:00:00.000Z',
    reviewedAt: '2026-11-27T01:00:00.000Z',
    category: 'COORDINATED',
    clockCategory: 'COORDINATED',
    slaPolicyVersion: 1,
    canCallBack: true,
    obligations: {},
    escalationLevel: 0,
    outcome: null,
    outcomeLabel: null,
    reopenCount: 0,
    owner: 'HALL',
    assignee: null,
    callbacks: [],
    callbackOutcome: null,
    rectifications: [],
    invitedDepartments: [],
    departmentInputs: [],
    notes: [],
    extensions: [],
    originalResultDueAt: null,
    timeline: [],
  };

  const invitation = (departmentCode: string) => ({ departmentCode, invitedAt: '2026-11-27T02:00:00.000Z', invitedBy: 'handler-jintun' });
  const newColumns = (state: RectificationCaseState) => {
    const { owner, assigneeUserId, assigneeName, callbackOutcome, invitedDepartmentCodes, originalResultDueAt } = caseProjectionColumns(state);
    return { owner, assigneeUserId, assigneeName, callbackOutcome, invitedDepartmentCodes, originalResultDueAt };
  };
  const nothingYet: ReturnType<typeof newColumns> = { owner: 'HALL', assigneeUserId: null, assigneeName: null, callbackOutcome: null, invitedDepartmentCodes: [], originalResultDueAt: null };

  // [what, the state's change, the columns' change]
  const cases: Array<[string, Partial<RectificationCaseState>, Partial<typeof nothingYet>]> = [
    ['a case just opened: the hall owns it, nobody assigned, nothing invited', {}, {}],
    ['reopened after 不满意: the county owns it', { state: 'REOPENED', owner: 'COUNTY', reopenCount: 1 }, { owner: 'COUNTY' }],
    [
      'reassigned: the assignee',
      { assignee: { userId: 'handler-li', name: '李明', assignedAt: '2026-11-27T03:00:00.000Z', assignedBy: 'leader-jintun' } },
      { assigneeUserId: 'handler-li', assigneeName: '李明' },
    ],
    ['the reviewer reached', { callbackOutcome: 'REACHED' }, { callbackOutcome: 'REACHED' }],
    ['three working days unreached', { callbackOutcome: 'UNREACHABLE' }, { callbackOutcome: 'UNREACHABLE' }],
    ['departments invited (twice in one list is written once, in invitation order)', { invitedDepartments: [invitation('yibao'), invitation('renshe'), invitation('yibao')] }, { invitedDepartmentCodes: ['yibao', 'renshe'] }],
    ['an extension approved', { originalResultDueAt: '2026-12-11T01:00:00.000Z' }, { originalResultDueAt: '2026-12-11T01:00:00.000Z' }],
  ];

  it.each(cases)('%s', (_label, change, expected) => {
    const state = { ...base, ...change };
    expect(newColumns(state)).toEqual({ ...nothingYet, ...expected });
    // A pure function of the state: projecting it again writes the same row.
    expect(caseProjectionColumns(structuredClone(state))).toEqual(caseProjectionColumns(state));
  });

  it('clears what the state cleared: a reclassification drops the original due time, a missing assignee clears both columns', () => {
    const extended = { ...base, originalResultDueAt: '2026-12-11T01:00:00.000Z', assignee: { userId: 'handler-li', name: '李明', assignedAt: '2026-11-27T03:00:00.000Z', assignedBy: 'leader-jintun' } };
    expect(newColumns(extended)).toMatchObject({ originalResultDueAt: '2026-12-11T01:00:00.000Z', assigneeUserId: 'handler-li' });
    expect(newColumns({ ...extended, originalResultDueAt: null, assignee: null })).toEqual(nothingYet);
  });
});

describe('caseProjection: what one step writes', () => {
  const entry = (at: string, action: string, state: string) => ({ at, actor: 'handler-jintun', action, details: { actorRole: 'HANDLER', state } });
  const timeline = [
    entry('2026-11-27T01:00:00.000Z', '收到差评', 'PENDING_VERIFICATION'),
    entry('2026-11-27T01:20:00.000Z', '核实属实', 'RECTIFYING'),
    entry('2026-11-27T01:40:00.000Z', '群众满意，办结', 'CLOSED'),
  ];
  const closed: RectificationCaseState = {
    reviewId: '5f1c7a52-9b0e-4c1f-8d4e-0c2b1a3d4e5f', hallCode: 'jintun', hallName: '金屯镇', level: 1, state: 'CLOSED', stateLabel: '已办结',
    openedAt: '2026-11-27T01:00:00.000Z', reviewedAt: '2026-11-27T01:00:00.000Z', category: 'IMMEDIATE', clockCategory: 'IMMEDIATE', slaPolicyVersion: 1,
    canCallBack: true, obligations: {}, escalationLevel: 0, outcome: 'SATISFIED', outcomeLabel: '满意', reopenCount: 0, owner: 'HALL', assignee: null,
    callbacks: [], callbackOutcome: 'REACHED', rectifications: [], invitedDepartments: [], departmentInputs: [], notes: [], extensions: [],
    originalResultDueAt: null, timeline,
  };

  it.each([
    // [entries the read model holds, entries sent, first sequence number sent]
    [0, 3, 0],
    [2, 1, 2],
    [3, 0, 3],
  ])('with %i entries projected sends %i entries from sequence %i', (projected, sent, from) => {
    const projection = caseProjection(closed, projected);
    expect(projection.timeline).toHaveLength(sent);
    expect(projection.timelineFrom).toBe(from);
    expect(projection.timeline).toEqual(timeline.slice(from));
  });

  it('finds the closing instant in the whole timeline, even when the closing entry was projected before', () => {
    expect(caseProjection(closed, 3).columns.closedAt).toBe('2026-11-27T01:40:00.000Z');
    expect(caseProjection({ ...closed, state: 'RECTIFYING', timeline: timeline.slice(0, 2) }, 0).columns.closedAt).toBeNull();
  });
});
