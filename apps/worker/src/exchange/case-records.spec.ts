import { recordErrors } from '@haochaping/upstream-sim';
import type { TimelineEntry } from '@haochaping/contracts';
import { caseFactOf, caseFactRecord, caseFactRecordId, caseFactRows, type CaseFactForExchange } from './case-records';

const sender = { areaCode: '370829', dataSource: 'JXXHCP' };
const REVIEW_ID = '5f1c7a52-9b0e-4c1f-8d4e-0c2b1a3d4e5f';
const AT = '2026-12-01T02:00:00.000Z';

/** A timeline entry as the workflow notes it (case-record.ts: the actor's role and the state left, then the details). */
const entry = (details: Record<string, unknown>, actor = 'handler-jintun'): TimelineEntry => ({
  at: AT,
  actor,
  action: '…',
  details: { actorRole: actor === 'system' ? 'SYSTEM' : 'HANDLER', state: 'RECTIFYING', ...details },
});

const fact = (timelineEntry: TimelineEntry, seq: number, proposedFinding: string | null = null): CaseFactForExchange => {
  const kind = caseFactOf(timelineEntry);
  if (!kind) throw new Error('not a fact');
  return {
    recordId: caseFactRecordId(REVIEW_ID, seq, kind.type),
    reviewId: REVIEW_ID,
    at: new Date(timelineEntry.at),
    actor: timelineEntry.actor,
    details: timelineEntry.details ?? null,
    hallCode: 'jintun',
    hallName: '金屯镇便民服务中心',
    proposedFinding,
  };
};

const common = { areaCode: '370829', orgCode: 'jintun', orgName: '金屯镇便民服务中心', evaluationId: REVIEW_ID, dataSource: 'JXXHCP' };

describe('a case timeline entry → the upstream RECTIFICATION / REJECTION record (docs/EXCHANGE.md)', () => {
  // [what, the entry's details (and actor), the record's own fields; null: the entry reports nothing upward]
  const table: Array<[string, TimelineEntry, Record<string, unknown> | null]> = [
    ['回访 reached', entry({ callbackAt: '2026-11-30T09:00:00+08:00', method: 'PHONE', reached: true, summary: '已联系', initialReply: '三日内答复' }), { type: 'RECTIFICATION', callbackResult: 'REACHED', callbackTime: '2026-11-30T09:00:00+08:00' }],
    ['回访 not reached (one attempt is no result)', entry({ callbackAt: '2026-11-30T09:00:00+08:00', method: 'PHONE', reached: false, summary: '无人接听', initialReply: null }), null],
    ['回访 closed as 无法联系', entry({ callbackOutcome: 'UNREACHABLE', doneAt: '2026-12-02T01:00:00.000Z', workingDays: [], attempts: [] }, 'system'), { type: 'RECTIFICATION', callbackResult: 'UNREACHABLE', callbackTime: '2026-12-02T01:00:00.000Z' }],
    ['核实属实', entry({ finding: 'TRUE', category: 'TIME_LIMITED', notes: '属实' }), { type: 'RECTIFICATION', verificationFinding: 'TRUE' }],
    ['核实不属实 (proposal)', entry({ finding: 'UNTRUE', evidenceNotes: '监控' }), { type: 'RECTIFICATION', verificationFinding: 'UNTRUE' }],
    ['核实为恶意评价 (proposal)', entry({ finding: 'MALICIOUS', evidenceNotes: '监控' }), { type: 'RECTIFICATION', verificationFinding: 'MALICIOUS' }],
    ['整改结果', entry({ measures: '增开窗口', result: '已整改' }), { type: 'RECTIFICATION', measures: '增开窗口', result: '已整改' }],
    ['群众确认满意', entry({ answer: 'SATISFIED', state: 'CLOSED' }), { type: 'RECTIFICATION', confirmation: 'SATISFIED' }],
    ['群众不满意 (reopened)', entry({ answer: 'UNSATISFIED', comment: '仍然排队', owner: 'COUNTY', state: 'REOPENED' }), { type: 'RECTIFICATION', confirmation: 'UNSATISFIED' }],
    ['no answer in the window: 无异议', entry({ state: 'CLOSED' }, 'system'), { type: 'RECTIFICATION', confirmation: 'NO_OBJECTION' }],
    ['不予采纳 denied (the case goes on)', entry({ decision: 'DENY', reason: '证据不足', category: 'IMMEDIATE' }), null],
    ['a note', entry({ text: '已电话沟通' }), null],
    ['an overdue escalation', entry({ obligation: 'result', dueAt: AT, escalationLevel: 1 }, 'system'), null],
    ['a reclassification', entry({ previousCategory: 'IMMEDIATE', category: 'TIME_LIMITED', reason: '需协调' }), null],
    ['the case opened', entry({ suggestedCategory: null, clockCategory: '即时整改', canCallBack: true, state: 'PENDING_VERIFICATION' }, 'system'), null],
  ];

  it.each(table)('%s', (_what, timelineEntry, expected) => {
    if (expected === null) {
      expect(caseFactOf(timelineEntry)).toBeNull();
      return;
    }
    const record = caseFactRecord(fact(timelineEntry, 7), sender);
    expect(record).toEqual({ ...common, id: `${REVIEW_ID}:result:7`, rectifyTime: AT, ...expected });
    expect(recordErrors(record)).toEqual([]);
  });

  it.each([
    ['UNTRUE', '经核实，办件当日评价人未到窗口'],
    ['MALICIOUS', '经调取监控，评价人未到窗口办理'],
  ])('不予采纳 approved after a finding of %s: one REJECTION per case, the finding from the proposal', (finding, reason) => {
    const approval = entry({ decision: 'APPROVE', reason, state: 'CLOSED' }, 'county-1');
    const record = caseFactRecord(fact(approval, 4, finding), sender);
    expect(record).toEqual({ ...common, type: 'REJECTION', id: `${REVIEW_ID}:rejection`, finding, reason, decidedTime: AT });
    expect(recordErrors(record)).toEqual([]);
  });

  it('refuses to build a REJECTION without the proposal it approves', () => {
    expect(() => caseFactRecord(fact(entry({ decision: 'APPROVE', reason: '不属实' }), 4, null), sender)).toThrow(/without a finding/);
  });

  it('rows for the new entries of a projection, keyed by the entry: sequence numbers count from timelineFrom', () => {
    const timeline = [entry({ text: '备注' }), entry({ finding: 'TRUE', category: 'IMMEDIATE', notes: '' }), entry({ measures: '培训', result: '已改' }), entry({ decision: 'APPROVE', reason: '恶意' })];
    expect(caseFactRows(REVIEW_ID, 3, timeline)).toEqual([
      { record_id: `${REVIEW_ID}:result:4`, type: 'RECTIFICATION', seq: 4 },
      { record_id: `${REVIEW_ID}:result:5`, type: 'RECTIFICATION', seq: 5 },
      { record_id: `${REVIEW_ID}:rejection`, type: 'REJECTION', seq: 6 },
    ]);
    // The same entries projected again give the same keys: the outbox keeps one row each.
    expect(caseFactRows(REVIEW_ID, 3, timeline)).toEqual(caseFactRows(REVIEW_ID, 3, timeline));
  });
});
