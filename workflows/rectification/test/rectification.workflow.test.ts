import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  ERR_FORBIDDEN,
  ERR_INVALID_ARGUMENT,
  ERR_INVALID_STATE,
  RECTIFICATION_STATES,
  type RectificationFailureType,
} from '@haochaping/contracts';
import {
  confirmUpdate,
  decideRejectionUpdate,
  rectificationStateQuery,
  recordCallbackUpdate,
  recordRectificationUpdate,
  verifyUpdate,
} from '@haochaping/contracts/server';
import { workflowBundle } from './helpers/test-environment';
import { HALL, actors, addHours, useTimeSkippingHarness, type RectificationHarness, readModelOf } from './helpers/rectification-harness';

/*
 * Deadlines in these tests come from the plain-time mock (1 working hour = 1 h, 1 working day = 24 h; see
 * rectification-harness.ts), so under DEFAULT_SLA_POLICY:
 *   立整立改 callback due +1 h (reminder +48 min), result +24 h; 限时整改 callback +24 h, result +72 h;
 *   escalation one "working day" (24 h) after the due time; confirmation window 5 × 24 h; rejection decision 24 h.
 */
describe('rectificationWorkflow', () => {
  let env: TestWorkflowEnvironment;
  let harness: RectificationHarness;
  useTimeSkippingHarness((suite) => ({ env, harness } = suite));

  describe('opening a case', () => {
    it('opens in 待核实 for the hall that handled it, with the callback and result clocks counting from the review time', async () => {
      const { reviewId, reviewedAt, handle } = await harness.openCase({ suggestedCategory: 'IMMEDIATE' });
      const state = await harness.eventually(handle, () => (harness.projected.get(reviewId)?.length ?? 0) >= 1);
      expect(state).toMatchObject({
        reviewId,
        hallCode: HALL.code,
        hallName: HALL.name,
        state: 'PENDING_VERIFICATION',
        stateLabel: RECTIFICATION_STATES.PENDING_VERIFICATION,
        category: null,
        clockCategory: 'IMMEDIATE',
        slaPolicyVersion: 1,
        escalationLevel: 0,
        outcome: null,
      });
      expect(state.obligations.callback).toMatchObject({ from: reviewedAt, dueAt: addHours(reviewedAt, 1), remindAt: addHours(reviewedAt, 0.8), escalatesAt: addHours(reviewedAt, 25), overdue: false });
      expect(state.obligations.result).toMatchObject({ from: reviewedAt, dueAt: addHours(reviewedAt, 24) });
      expect(state.timeline).toHaveLength(1);
      expect(state.timeline[0]).toMatchObject({ actor: 'system', action: `差评已受理，交由${HALL.name}核实` });
      expect(harness.projected.get(reviewId)?.at(-1)).toEqual(readModelOf(state));
      // The hall's handlers hear of the new case at once, with the first due time they face (the callback).
      expect(harness.notificationsFor(reviewId)).toEqual([
        { kind: 'CASE_OPENED', reviewId, recipientRole: 'HANDLER', hallCode: HALL.code, dueAt: addHours(reviewedAt, 1) },
      ]);
    });

    it('opens no callback obligation for an anonymous reviewer, and refuses to record one', async () => {
      const { handle } = await harness.openCase({ canCallBack: false });
      const before = await handle.query(rectificationStateQuery);
      expect(before.obligations.callback).toBeUndefined();
      await expect(
        handle.executeUpdate(recordCallbackUpdate, { args: [{ actor: actors.handler, at: before.reviewedAt, method: 'PHONE', reached: true, summary: '已致电', initialReply: '马上整改' }] }),
      ).rejects.toMatchObject({ cause: { type: ERR_INVALID_STATE } });
    });

    it('recounts the running clocks from the review time when verification chooses another category', async () => {
      const { reviewedAt, handle } = await harness.openCase({ suggestedCategory: 'IMMEDIATE' });
      const state = await handle.executeUpdate(verifyUpdate, { args: [{ actor: actors.handler, finding: 'TRUE', category: 'TIME_LIMITED', notes: '确属办理环节设置不合理' }] });
      expect(state).toMatchObject({ state: 'RECTIFYING', category: 'TIME_LIMITED', clockCategory: 'TIME_LIMITED' });
      expect(state.obligations.callback?.dueAt).toBe(addHours(reviewedAt, 24));
      expect(state.obligations.result?.dueAt).toBe(addHours(reviewedAt, 72));
    });

    it('never closes a bad review by itself: thirty days later it still waits for verification, escalated to the county', async () => {
      const { handle } = await harness.openCase();
      await env.sleep('30 days');
      const state = await harness.eventually(handle, (s) => s.obligations.result?.escalationLevel === 2);
      expect(state).toMatchObject({ state: 'PENDING_VERIFICATION', escalationLevel: 2 });
      expect((await handle.describe()).status.name).toBe('RUNNING');
    });
  });

  it('happy path: verified, called back, rectified, confirmed 满意 → 已办结(满意)', async () => {
    const { reviewId, reviewedAt, handle } = await harness.openCase({ suggestedCategory: 'IMMEDIATE' });
    await handle.executeUpdate(verifyUpdate, { args: [{ actor: actors.handler, finding: 'TRUE', category: 'IMMEDIATE', notes: '窗口人员态度生硬属实' }] });
    const called = await handle.executeUpdate(recordCallbackUpdate, {
      args: [{ actor: actors.handler, at: reviewedAt, method: 'PHONE', reached: true, summary: '已电话联系评价人', initialReply: '已批评教育，当日整改' }],
    });
    expect(called.obligations.callback).toMatchObject({ doneAt: reviewedAt, overdue: false });
    const rectified = await handle.executeUpdate(recordRectificationUpdate, { args: [{ actor: actors.handler, measures: '约谈窗口人员', result: '已整改到位' }] });
    expect(rectified).toMatchObject({ state: 'AWAITING_CONFIRMATION', stateLabel: '待群众确认' });
    expect(rectified.obligations.result?.doneAt).not.toBeNull();
    expect(rectified.obligations.confirmation?.dueAt).toBe(addHours(rectified.obligations.confirmation!.from, 5 * 24));
    expect(harness.notificationsFor(reviewId)).toContainEqual({ kind: 'RESULT_TO_REVIEWER', reviewId, recipientRole: 'CITIZEN', hallCode: HALL.code });

    const closed = await handle.executeUpdate(confirmUpdate, { args: [{ actor: actors.citizen, answer: 'SATISFIED' }] });
    expect(closed).toMatchObject({ state: 'CLOSED', stateLabel: '已办结', outcome: 'SATISFIED', outcomeLabel: '满意', escalationLevel: 0 });
    expect(await handle.result()).toEqual(closed);
    expect(closed.timeline.map((entry) => [entry.actor, entry.action])).toEqual([
      ['system', '差评已受理，交由金屯镇核实'],
      [actors.handler.userId, '核实属实，定为立整立改'],
      [actors.handler.userId, '已回访，作出初步答复'],
      [actors.handler.userId, '已登记整改结果并反馈评价人，待群众确认'],
      [actors.citizen.userId, '群众确认满意，办结'],
    ]);
    expect(harness.projected.get(reviewId)?.at(-1)).toEqual(readModelOf(closed));
    // Only the hall's notice of the new case: every step came in time, so no reminder and nothing overdue.
    expect(harness.notificationsFor(reviewId).filter((n) => n.kind !== 'RESULT_TO_REVIEWER').map((n) => [n.kind, n.recipientRole])).toEqual([['CASE_OPENED', 'HANDLER']]);
  });

  it('立整立改: reminds the handler at 80% of the callback hour, turns overdue at the hour (level 1, town leader) and escalates one working day later (level 2, county)', async () => {
    const { reviewId, handle } = await harness.openCase({ suggestedCategory: 'IMMEDIATE' });
    const callback = (kind: string) => harness.notificationsFor(reviewId).filter((n) => n.obligation === 'callback' && n.kind === kind);

    await env.sleep('50 minutes');
    let state = await harness.eventually(handle, (s) => s.obligations.callback?.remindedAt != null);
    expect(state).toMatchObject({ escalationLevel: 0, obligations: { callback: { overdue: false } } });
    expect(callback('REMINDER')).toEqual([expect.objectContaining({ recipientRole: 'HANDLER', hallCode: HALL.code })]);

    await env.sleep('15 minutes'); // 1 h 05 min after the review
    state = await harness.eventually(handle, (s) => s.obligations.callback?.overdue === true);
    expect(state).toMatchObject({ escalationLevel: 1, obligations: { callback: { escalationLevel: 1 } } });
    expect(callback('OVERDUE_LEVEL_1')).toEqual([expect.objectContaining({ recipientRole: 'TOWN_LEADER' })]);
    expect(callback('OVERDUE_LEVEL_2')).toEqual([]);

    await env.sleep('24 hours'); // one "working day" after the due time
    state = await harness.eventually(handle, (s) => s.obligations.callback?.escalationLevel === 2);
    expect(state.escalationLevel).toBe(2);
    expect(callback('OVERDUE_LEVEL_2')).toEqual([expect.objectContaining({ recipientRole: 'COUNTY_SUPERVISOR' })]);
    expect(callback('REMINDER')).toHaveLength(1); // each step once
    expect(callback('OVERDUE_LEVEL_1')).toHaveLength(1);
    expect(state.timeline.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['回访即将到期，已提醒经办人', '回访超期，已告知镇街分管领导', '回访超期一个工作日仍未完成，已上报县行政审批服务局']),
    );
  });

  it('a callback recorded in time stops its clock: no reminder, no escalation', async () => {
    const { reviewId, reviewedAt, handle } = await harness.openCase({ suggestedCategory: 'IMMEDIATE' });
    await handle.executeUpdate(recordCallbackUpdate, { args: [{ actor: actors.handler, at: reviewedAt, method: 'PHONE', reached: false, summary: '无人接听' }] });
    expect((await handle.query(rectificationStateQuery)).obligations.callback?.doneAt).toBeNull(); // unreached: still owed
    await handle.executeUpdate(recordCallbackUpdate, { args: [{ actor: actors.handler, at: reviewedAt, method: 'PHONE', reached: true, summary: '再次致电已接通', initialReply: '今日整改' }] });
    await env.sleep('2 hours');
    const state = await handle.query(rectificationStateQuery);
    expect(state.obligations.callback).toMatchObject({ doneAt: reviewedAt, overdue: false, remindedAt: null, escalationLevel: 0 });
    expect(state.callbacks.map((attempt) => attempt.reached)).toEqual([false, true]);
    expect(harness.notificationsFor(reviewId).filter((n) => n.obligation === 'callback')).toEqual([]);
  });

  describe('rejection (不属实 / 恶意评价)', () => {
    it('approved by the county → 已办结(不予采纳), the open clocks waived', async () => {
      const { reviewId, handle } = await harness.openCase({ suggestedCategory: 'TIME_LIMITED' });
      const proposed = await handle.executeUpdate(verifyUpdate, { args: [{ actor: actors.handler, finding: 'UNTRUE', evidenceNotes: '监控录像显示当日未到窗口办理' }] });
      expect(proposed).toMatchObject({ state: 'REJECTION_PENDING', stateLabel: '不予采纳待审核' });
      expect(proposed.obligations.rejectionDecision?.dueAt).toBe(addHours(proposed.obligations.rejectionDecision!.from, 24));
      // The county hears of the proposal at once, with the decision's due time.
      expect(harness.notificationsFor(reviewId).filter((n) => n.kind === 'REJECTION_PROPOSED')).toEqual([
        { kind: 'REJECTION_PROPOSED', reviewId, recipientRole: 'COUNTY_SUPERVISOR', hallCode: HALL.code, obligation: 'rejectionDecision', dueAt: proposed.obligations.rejectionDecision?.dueAt },
      ]);

      const closed = await handle.executeUpdate(decideRejectionUpdate, { args: [{ actor: actors.county, decision: 'APPROVE', reason: '证据充分' }] });
      expect(closed).toMatchObject({ state: 'CLOSED', outcome: 'REJECTED', outcomeLabel: '不予采纳' });
      expect(closed.obligations.rejectionDecision?.doneAt).not.toBeNull();
      for (const kind of ['callback', 'result'] as const) {
        expect(closed.obligations[kind]?.doneAt).toBeNull();
        expect(closed.obligations[kind]?.waivedAt).not.toBeNull();
      }
      expect(await handle.result()).toEqual(closed);
      expect(harness.notificationsFor(reviewId)).toContainEqual(expect.objectContaining({ kind: 'REJECTION_TO_REVIEWER', recipientRole: 'CITIZEN' }));
    });

    it('denied by the county → 整改中 under the original clocks, which never stopped', async () => {
      const { reviewedAt, handle } = await harness.openCase({ suggestedCategory: 'TIME_LIMITED' });
      const before = await handle.query(rectificationStateQuery);
      await handle.executeUpdate(verifyUpdate, { args: [{ actor: actors.handler, finding: 'MALICIOUS', evidenceNotes: '同一号码连续差评' }] });
      await env.sleep('48 hours');
      const denied = await handle.executeUpdate(decideRejectionUpdate, { args: [{ actor: actors.county, decision: 'DENY', reason: '证据不足' }] });
      expect(denied).toMatchObject({ state: 'RECTIFYING', category: 'TIME_LIMITED' });
      expect(denied.obligations.result).toEqual(before.obligations.result); // same clock object: same due time, still open
      expect(denied.obligations.result?.dueAt).toBe(addHours(reviewedAt, 72));
      expect(denied.obligations.callback?.overdue).toBe(true); // due 24 h after the review, during the review of the rejection

      await env.sleep('25 hours'); // past the original 72 h
      const late = await harness.eventually(handle, (s) => s.obligations.result?.overdue === true);
      expect(late.escalationLevel).toBeGreaterThanOrEqual(1);
    });
  });

  it('不满意 reopens the case once (重办中, level 2, new result clock); 不满意 again closes it as 不满意', async () => {
    const { reviewId, handle } = await harness.openCase({ suggestedCategory: 'TIME_LIMITED' });
    await handle.executeUpdate(verifyUpdate, { args: [{ actor: actors.townLeader, finding: 'TRUE', category: 'TIME_LIMITED', notes: '未一次性告知属实' }] });
    await handle.executeUpdate(recordRectificationUpdate, { args: [{ actor: actors.handler, measures: '制作一次性告知单', result: '已补发告知单' }] });
    await env.sleep('2 hours');
    const reopened = await handle.executeUpdate(confirmUpdate, { args: [{ actor: actors.citizen, answer: 'UNSATISFIED', comment: '还是没说清楚' }] });
    expect(reopened).toMatchObject({ state: 'REOPENED', stateLabel: '重办中', escalationLevel: 2, reopenCount: 1 });
    expect(reopened.obligations.result).toMatchObject({ doneAt: null, overdue: false });
    expect(reopened.obligations.result?.dueAt).toBe(addHours(reopened.obligations.result!.from, 72));
    expect(Date.parse(reopened.obligations.result!.from)).toBeGreaterThan(Date.parse(reopened.reviewedAt));
    expect(harness.notificationsFor(reviewId)).toContainEqual(expect.objectContaining({ kind: 'REOPENED_TO_COUNTY', recipientRole: 'COUNTY_SUPERVISOR' }));

    await handle.executeUpdate(recordRectificationUpdate, { args: [{ actor: actors.county, measures: '县局督导重新办理', result: '已办结' }] });
    const closed = await handle.executeUpdate(confirmUpdate, { args: [{ actor: actors.citizen, answer: 'UNSATISFIED' }] });
    expect(closed).toMatchObject({ state: 'CLOSED', outcome: 'UNSATISFIED', outcomeLabel: '不满意', reopenCount: 1 });
    expect(closed.rectifications).toHaveLength(2);
    expect(await handle.result()).toEqual(closed);
  });

  it('no answer within 5 working days closes the case as 无异议', async () => {
    const { handle } = await harness.openCase({ canCallBack: false, suggestedCategory: 'IMMEDIATE' });
    await handle.executeUpdate(verifyUpdate, { args: [{ actor: actors.handler, finding: 'TRUE', category: 'IMMEDIATE', notes: '设施损坏属实' }] });
    await handle.executeUpdate(recordRectificationUpdate, { args: [{ actor: actors.handler, measures: '更换座椅', result: '已更换' }] });
    await env.sleep('4 days');
    expect((await handle.query(rectificationStateQuery)).state).toBe('AWAITING_CONFIRMATION');
    await env.sleep('1 day');
    const closed = await harness.eventually(handle, (s) => s.state === 'CLOSED');
    expect(closed).toMatchObject({ outcome: 'NO_OBJECTION', outcomeLabel: '无异议' });
    expect(closed.timeline.at(-1)).toMatchObject({ actor: 'system', action: '群众未在确认期限内答复，按无异议办结' });
    expect(await handle.result()).toEqual(closed);
  });

  it('replays the history of a case that took most paths (clocks, reclassification, reopening, silence) deterministically', async () => {
    const { reviewedAt, handle } = await harness.openCase({ suggestedCategory: 'IMMEDIATE' });
    await env.sleep('70 minutes'); // reminder and overdue of the callback
    await harness.eventually(handle, (s) => s.obligations.callback?.overdue === true);
    await handle.executeUpdate(verifyUpdate, { args: [{ actor: actors.handler, finding: 'TRUE', category: 'TIME_LIMITED', notes: '属实' }] });
    await handle.executeUpdate(recordCallbackUpdate, { args: [{ actor: actors.handler, at: addHours(reviewedAt, 1.1), method: 'ON_SITE', reached: true, summary: '上门回访', initialReply: '三日内整改' }] });
    await handle.executeUpdate(recordRectificationUpdate, { args: [{ actor: actors.handler, measures: '优化流程', result: '已优化' }] });
    await handle.executeUpdate(confirmUpdate, { args: [{ actor: actors.citizen, answer: 'UNSATISFIED' }] });
    await handle.executeUpdate(recordRectificationUpdate, { args: [{ actor: actors.county, measures: '县局督导', result: '已办结' }] });
    await env.sleep('6 days');
    expect(await handle.result()).toMatchObject({ state: 'CLOSED', outcome: 'NO_OBJECTION', reopenCount: 1 });

    // A determinism violation (a command the code no longer issues in the same order) throws here.
    await expect(Worker.runReplayHistory({ workflowBundle: await workflowBundle(), replayName: 'rectification-replay' }, await handle.fetchHistory())).resolves.toBeUndefined();
  });

  describe('refuses an action before accepting it, and leaves the state unchanged', () => {
    const handler = actors.handler;
    it.each<[string, RectificationFailureType, (h: Awaited<ReturnType<RectificationHarness['openCase']>>['handle'], reviewedAt: string) => Promise<unknown>]>([
      ['recording a result before verification', ERR_INVALID_STATE, (h) => h.executeUpdate(recordRectificationUpdate, { args: [{ actor: handler, measures: '整改', result: '完成' }] })],
      ['a confirmation before there is a result', ERR_INVALID_STATE, (h) => h.executeUpdate(confirmUpdate, { args: [{ actor: actors.citizen, answer: 'SATISFIED' }] })],
      ['a rejection decision with nothing proposed', ERR_INVALID_STATE, (h) => h.executeUpdate(decideRejectionUpdate, { args: [{ actor: actors.county, decision: 'APPROVE', reason: '证据充分' }] })],
      ['verification by a handler of another hall', ERR_FORBIDDEN, (h) => h.executeUpdate(verifyUpdate, { args: [{ actor: actors.otherHallHandler, finding: 'TRUE', category: 'IMMEDIATE', notes: '属实' }] })],
      ['a rejection decision by a handler', ERR_FORBIDDEN, (h) => h.executeUpdate(decideRejectionUpdate, { args: [{ actor: handler, decision: 'APPROVE', reason: '证据充分' }] })],
      ['verification by the citizen', ERR_FORBIDDEN, (h) => h.executeUpdate(verifyUpdate, { args: [{ actor: actors.citizen, finding: 'TRUE', category: 'IMMEDIATE', notes: '属实' }] })],
      ['a confirmation by a handler', ERR_FORBIDDEN, (h) => h.executeUpdate(confirmUpdate, { args: [{ actor: handler, answer: 'SATISFIED' }] })],
      ['a finding of 属实 without a category', ERR_INVALID_ARGUMENT, (h) => h.executeUpdate(verifyUpdate, { args: [{ actor: handler, finding: 'TRUE', notes: '属实' } as never] })],
      ['an unknown category', ERR_INVALID_ARGUMENT, (h) => h.executeUpdate(verifyUpdate, { args: [{ actor: handler, finding: 'TRUE', category: 'SOMEDAY' as never, notes: '属实' }] })],
      ['blank verification notes', ERR_INVALID_ARGUMENT, (h) => h.executeUpdate(verifyUpdate, { args: [{ actor: handler, finding: 'TRUE', category: 'IMMEDIATE', notes: '   ' }] })],
      ['a rejection proposal without evidence', ERR_INVALID_ARGUMENT, (h) => h.executeUpdate(verifyUpdate, { args: [{ actor: handler, finding: 'UNTRUE', evidenceNotes: '' }] })],
      ['a callback in the future', ERR_INVALID_ARGUMENT, (h, at) => h.executeUpdate(recordCallbackUpdate, { args: [{ actor: handler, at: addHours(at, 3), method: 'PHONE', reached: true, summary: '已联系', initialReply: '整改' }] })],
      ['a reached callback without the initial reply', ERR_INVALID_ARGUMENT, (h, at) => h.executeUpdate(recordCallbackUpdate, { args: [{ actor: handler, at, method: 'PHONE', reached: true, summary: '已联系' }] })],
      ['an unknown callback method', ERR_INVALID_ARGUMENT, (h, at) => h.executeUpdate(recordCallbackUpdate, { args: [{ actor: handler, at, method: 'PIGEON' as never, reached: false, summary: '未联系上' }] })],
      ['an action without a valid actor', ERR_INVALID_ARGUMENT, (h) => h.executeUpdate(verifyUpdate, { args: [{ actor: { userId: '', role: 'HANDLER', hallCodes: [HALL.code] }, finding: 'TRUE', category: 'IMMEDIATE', notes: '属实' }] })],
    ])('%s → %s', async (_case, type, act) => {
      const { reviewedAt, handle } = await harness.openCase({ suggestedCategory: 'IMMEDIATE' });
      const before = await handle.query(rectificationStateQuery);
      await expect(act(handle, reviewedAt)).rejects.toMatchObject({ cause: { type } });
      expect(await handle.query(rectificationStateQuery)).toEqual(before);
    });
  });
});
