import { caseProjection, type RectificationCaseState } from '@haochaping/contracts';
import { driftedFields, type StoredCase } from './read-model-drift';

/** A closed case (不予采纳) as its workflow holds it, and the rows its projection wrote. */
const state = {
  reviewId: '11111111-1111-4111-8111-111111111111',
  hallCode: 'jintun',
  openedAt: '2026-12-01T02:00:00.000Z',
  level: 1,
  state: 'CLOSED',
  stateLabel: '已办结',
  category: null,
  escalationLevel: 0,
  obligations: {},
  outcome: 'REJECTED',
  slaPolicyVersion: 1,
  owner: 'HALL',
  assignee: null,
  callbackOutcome: null,
  invitedDepartments: [],
  originalResultDueAt: null,
  timeline: [
    { at: '2026-12-01T02:00:00.000Z', actor: 'system', action: 'opened', details: { state: 'PENDING_VERIFICATION' } },
    { at: '2026-12-01T03:00:00.000Z', actor: 'county', action: 'rejectionApproved', details: { state: 'CLOSED', reason: '证据充分', by: { role: 'COUNTY_SUPERVISOR', userId: 'u1' } } },
  ],
} as unknown as RectificationCaseState;

/** jsonb keeps an object's keys in its own order: the comparison must not care. */
function keysReversed(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).reverse().map(([key, member]) => [key, keysReversed(member)]));
}

function storedFromProjection(): StoredCase {
  const projection = caseProjection(state, 0);
  const instant = (value: string | null) => (value === null ? null : new Date(value));
  const { columns } = projection;
  return {
    reviewId: projection.reviewId,
    hallCode: projection.hallCode,
    openedAt: new Date(projection.openedAt),
    columns: {
      ...columns,
      callbackDueAt: instant(columns.callbackDueAt),
      resultDueAt: instant(columns.resultDueAt),
      confirmationDueAt: instant(columns.confirmationDueAt),
      closedAt: instant(columns.closedAt),
      originalResultDueAt: instant(columns.originalResultDueAt),
    },
    // As PostgreSQL returns them: jsonb with its keys in its own order.
    timeline: projection.timeline.map((entry, seq) => ({ seq, at: new Date(entry.at), actor: entry.actor, action: entry.action, details: keysReversed(entry.details) })),
    adoption: 'NOT_ADOPTED',
  };
}

describe('driftedFields: where the read model differs from the projection of the workflow state', () => {
  it('finds nothing when the rows are what the projection wrote (instants as instants, jsonb keys in any order)', () => {
    expect(driftedFields(caseProjection(state, 0), storedFromProjection())).toEqual([]);
  });

  it('names a missing row and nothing else', () => {
    expect(driftedFields(caseProjection(state, 0), null)).toEqual(['missingRow']);
  });

  it.each<[string, (stored: StoredCase) => void, string[]]>([
    ['the state put back to 整改中', (s) => Object.assign(s.columns, { state: 'RECTIFYING', stateLabel: '整改中', closedAt: null }), ['state', 'stateLabel', 'closedAt']],
    ['a closing instant a second off', (s) => (s.columns.closedAt = new Date('2026-12-01T03:00:01.000Z')), ['closedAt']],
    ['another hall', (s) => (s.hallCode = 'zhifang'), ['hallCode']],
    ['a department invited only in the read model', (s) => (s.columns.invitedDepartmentCodes = ['yibao']), ['invitedDepartmentCodes']],
    ['a timeline entry lost', (s) => s.timeline.pop(), ['timeline']],
    ['a timeline entry altered', (s) => (s.timeline[1].details = { state: 'CLOSED' }), ['timeline']],
    ['a timeline entry too many', (s) => s.timeline.push({ seq: 2, at: new Date(), actor: 'x', action: 'note', details: null }), ['timeline']],
    ['the review counted in the 好评率 again', (s) => (s.adoption = 'ADOPTED'), ['adoption']],
  ])('names the fields of %s', (_case, alter, fields) => {
    const stored = storedFromProjection();
    alter(stored);
    expect(driftedFields(caseProjection(state, 0), stored)).toEqual(fields);
  });
});
