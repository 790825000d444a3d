import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  ERR_FORBIDDEN,
  ERR_INVALID_ARGUMENT,
  ERR_INVALID_STATE,
  type Actor,
  type RequestExtensionCommand,
} from '@haochaping/contracts';
import {
  confirmUpdate,
  decideExtensionUpdate,
  rectificationStateQuery,
  recordCallbackUpdate,
  recordRectificationUpdate,
  requestExtensionUpdate,
  verifyUpdate,
} from '@haochaping/contracts/server';
import { actors, addHours, type CaseHandle, useTimeSkippingHarness, type RectificationHarness } from './helpers/rectification-harness';

/*
 * 协调整改 under DEFAULT_SLA_POLICY with the plain-time mock (1 working day = 24 h): callback due +24 h, result due
 * +240 h (10 days) after the review; the county's extension decision is due 24 h after the request (reminder at 80%).
 */
const ORIGINAL_RESULT_DUE_H = 240;

describe('extensions of a 协调整改 result (延期待审批)', () => {
  let env: TestWorkflowEnvironment;
  let harness: RectificationHarness;
  useTimeSkippingHarness((suite) => ({ env, harness } = suite));

  /** A verified 协调整改 case; a real-name reviewer is called back at once, so only the result clock matters. */
  async function coordinatedCase(canCallBack = true) {
    const opened = await harness.openCase({ suggestedCategory: 'COORDINATED', canCallBack });
    await opened.handle.executeUpdate(verifyUpdate, { args: [{ actor: actors.handler, finding: 'TRUE', category: 'COORDINATED', notes: '涉及医保、民政多部门' }] });
    if (canCallBack) {
      await opened.handle.executeUpdate(recordCallbackUpdate, {
        args: [{ actor: actors.handler, at: opened.reviewedAt, method: 'PHONE', reached: true, summary: '已电话联系', initialReply: '需协调县直部门' }],
      });
    }
    return opened;
  }

  const request = async (newDueAt: string, actor: Actor = actors.handler): Promise<RequestExtensionCommand> => ({
    actor,
    reason: '需医保局调取历史缴费记录，十个工作日内无法办结',
    newDueAt,
    contactedAt: await harness.now(),
    contactMethod: 'PHONE',
    reviewerResponse: '评价人同意延期',
  });

  const requestExtension = async (handle: CaseHandle, newDueAt: string, actor: Actor = actors.handler) =>
    handle.executeUpdate(requestExtensionUpdate, { args: [await request(newDueAt, actor)] });

  it('approved by the county: the result is due at the new date, the original due time stays recorded, the old one no longer turns overdue', async () => {
    const { reviewId, reviewedAt, handle } = await coordinatedCase();
    await env.sleep('48 hours');
    const newDueAt = addHours(reviewedAt, 360);

    const pending = await requestExtension(handle, newDueAt);
    expect(pending).toMatchObject({ state: 'EXTENSION_PENDING', stateLabel: '延期待审批', originalResultDueAt: null });
    expect(pending.extensions).toHaveLength(1);
    expect(pending.extensions[0]).toMatchObject({
      requestedBy: actors.handler.userId,
      previousDueAt: addHours(reviewedAt, ORIGINAL_RESULT_DUE_H),
      requestedDueAt: newDueAt,
      reviewerContact: { method: 'PHONE', reviewerResponse: '评价人同意延期' },
      decision: null,
    });
    // The request does not move the result clock; the decision has a clock of its own, owed by the county.
    expect(pending.obligations.result).toMatchObject({ dueAt: addHours(reviewedAt, ORIGINAL_RESULT_DUE_H), doneAt: null });
    const decision = pending.obligations.extensionDecision!;
    expect(decision).toMatchObject({ ownerRole: 'COUNTY_SUPERVISOR', escalatesAt: null, dueAt: addHours(decision.from, 24), remindAt: addHours(decision.from, 24 * 0.8) });
    expect(harness.notificationsFor(reviewId)).toContainEqual(
      expect.objectContaining({ kind: 'EXTENSION_REQUESTED', recipientRole: 'COUNTY_SUPERVISOR', obligation: 'extensionDecision', dueAt: decision.dueAt }),
    );

    await env.sleep('2 hours');
    const approved = await handle.executeUpdate(decideExtensionUpdate, { args: [{ actor: actors.county, decision: 'APPROVE', reason: '理由充分，同意延期' }] });
    expect(approved).toMatchObject({ state: 'RECTIFYING', stateLabel: '整改中', originalResultDueAt: addHours(reviewedAt, ORIGINAL_RESULT_DUE_H) });
    expect(approved.extensions[0]).toMatchObject({ decision: 'APPROVED', decidedBy: actors.county.userId, decisionReason: '理由充分，同意延期' });
    expect(approved.obligations.extensionDecision?.doneAt).toBe(approved.extensions[0].decidedAt);
    const result = approved.obligations.result!;
    const decidedAt = Date.parse(approved.extensions[0].decidedAt!);
    expect(result).toMatchObject({
      from: reviewedAt, // the clock still counts from the review
      dueAt: newDueAt,
      escalatesAt: addHours(newDueAt, 24),
      remindAt: new Date(decidedAt + Math.round((Date.parse(newDueAt) - decidedAt) * 0.8)).toISOString(),
      overdue: false,
      doneAt: null,
    });
    expect(approved.timeline.at(-1)).toMatchObject({ actor: actors.county.userId, action: '同意延期，整改结果反馈期限延至新期限' });
    expect(approved.timeline.at(-1)?.details).toMatchObject({ originalResultDueAt: addHours(reviewedAt, ORIGINAL_RESULT_DUE_H), dueAt: { result: newDueAt } });
    expect(harness.notificationsFor(reviewId)).toContainEqual(expect.objectContaining({ kind: 'EXTENSION_DECIDED', recipientRole: 'HANDLER', dueAt: newDueAt }));

    await env.sleep(`${ORIGINAL_RESULT_DUE_H - 50 + 10} hours`); // ten hours past the original due time
    let state = await handle.query(rectificationStateQuery);
    expect(state.obligations.result).toMatchObject({ dueAt: newDueAt, overdue: false });
    expect(harness.notificationsFor(reviewId).filter((n) => n.obligation === 'result' && n.kind.startsWith('OVERDUE'))).toEqual([]);

    await env.sleep(`${360 - ORIGINAL_RESULT_DUE_H} hours`); // past the new due time
    state = await harness.eventually(handle, (s) => s.obligations.result?.overdue === true);
    expect(state.escalationLevel).toBe(1);

    await handle.executeUpdate(recordRectificationUpdate, { args: [{ actor: actors.handler, measures: '协调医保局补录缴费记录', result: '已补录' }] });
    const closed = await handle.executeUpdate(confirmUpdate, { args: [{ actor: actors.citizen, answer: 'SATISFIED' }] });
    expect(closed).toMatchObject({ state: 'CLOSED', outcome: 'SATISFIED', originalResultDueAt: addHours(reviewedAt, ORIGINAL_RESULT_DUE_H) });
  });

  it('denied by the county: back to 整改中 under the original clock, which never stopped; a late decision is the county’s own overdue (level 2)', async () => {
    const { reviewId, reviewedAt, handle } = await coordinatedCase();
    await env.sleep('100 hours');
    const pending = await requestExtension(handle, addHours(reviewedAt, 400));
    const before = pending.obligations.result;

    await env.sleep('25 hours'); // the county lets its own decision run out
    const late = await harness.eventually(handle, (s) => s.obligations.extensionDecision?.overdue === true);
    expect(late.obligations.extensionDecision).toMatchObject({ escalationLevel: 2 });
    expect(late.escalationLevel).toBe(2);
    const decisionNotices = harness.notificationsFor(reviewId).filter((n) => n.obligation === 'extensionDecision');
    expect(decisionNotices.map((n) => [n.kind, n.recipientRole])).toEqual([
      ['EXTENSION_REQUESTED', 'COUNTY_SUPERVISOR'],
      ['REMINDER', 'COUNTY_SUPERVISOR'],
      ['OVERDUE_LEVEL_2', 'COUNTY_SUPERVISOR'],
    ]);

    const denied = await handle.executeUpdate(decideExtensionUpdate, { args: [{ actor: actors.county, decision: 'DENY', reason: '可协调办结，不同意延期' }] });
    expect(denied).toMatchObject({ state: 'RECTIFYING', originalResultDueAt: null });
    expect(denied.extensions[0]).toMatchObject({ decision: 'DENIED', decisionReason: '可协调办结，不同意延期' });
    expect(denied.obligations.result).toEqual(before); // the same clock: same due time, still open
    expect(denied.timeline.at(-1)).toMatchObject({ action: '不同意延期，按原期限继续整改' });

    await env.sleep(`${ORIGINAL_RESULT_DUE_H - 125 + 1} hours`); // one hour past the original due time
    const overdue = await harness.eventually(handle, (s) => s.obligations.result?.overdue === true);
    expect(overdue.obligations.result?.dueAt).toBe(addHours(reviewedAt, ORIGINAL_RESULT_DUE_H));
  });

  it('refuses a request after the due time (409), the case unchanged', async () => {
    const { reviewedAt, handle } = await coordinatedCase();
    await env.sleep(`${ORIGINAL_RESULT_DUE_H + 1} hours`);
    await harness.eventually(handle, (s) => s.obligations.result?.overdue === true);
    const command = await request(addHours(reviewedAt, 400));
    await harness.expectRefused(handle, ERR_INVALID_STATE, () => handle.executeUpdate(requestExtensionUpdate, { args: [command] }));
    expect((await handle.query(rectificationStateQuery)).state).toBe('RECTIFYING');
  });

  it('a reopened case returns to 重办中 after the decision', async () => {
    const { reviewedAt, handle } = await coordinatedCase(false);
    await handle.executeUpdate(recordRectificationUpdate, { args: [{ actor: actors.handler, measures: '协调办理', result: '已办理' }] });
    const reopened = await handle.executeUpdate(confirmUpdate, { args: [{ actor: actors.citizen, answer: 'UNSATISFIED' }] });
    expect(reopened.state).toBe('REOPENED');
    // An anonymous reviewer cannot be contacted: the request stands without the contact.
    const pending = await handle.executeUpdate(requestExtensionUpdate, {
      args: [{ actor: actors.townLeader, reason: '需县医保局复核', newDueAt: addHours(reopened.obligations.result!.dueAt, 48) }],
    });
    expect(pending).toMatchObject({ state: 'EXTENSION_PENDING' });
    expect(pending.extensions[0].reviewerContact).toBeNull();
    const approved = await handle.executeUpdate(decideExtensionUpdate, { args: [{ actor: actors.county, decision: 'APPROVE', reason: '同意' }] });
    expect(approved).toMatchObject({ state: 'REOPENED', owner: 'COUNTY', originalResultDueAt: reopened.obligations.result!.dueAt });
    expect(approved.obligations.result).toMatchObject({ dueAt: addHours(reopened.obligations.result!.dueAt, 48), ownerRole: 'COUNTY_SUPERVISOR', escalatesAt: null });
    expect(Date.parse(reviewedAt)).toBeLessThan(Date.parse(approved.obligations.result!.from));
  });

  describe('refuses, the case unchanged', () => {
    it.each<[string, (typeof ERR_FORBIDDEN | typeof ERR_INVALID_STATE | typeof ERR_INVALID_ARGUMENT), (h: CaseHandle, reviewedAt: string) => Promise<unknown>]>([
      ['a request by the county supervisor (nobody approves their own request)', ERR_FORBIDDEN, (h, at) => requestExtension(h, addHours(at, 400), actors.county)],
      ['a request by a handler of another hall', ERR_FORBIDDEN, (h, at) => requestExtension(h, addHours(at, 400), actors.otherHallHandler)],
      ['a new due time not later than the current one', ERR_INVALID_ARGUMENT, (h, at) => requestExtension(h, addHours(at, ORIGINAL_RESULT_DUE_H))],
      ['a new due time that is no instant', ERR_INVALID_ARGUMENT, (h) => requestExtension(h, 'next month')],
      [
        'a real-name reviewer not contacted',
        ERR_INVALID_ARGUMENT,
        (h, at) => h.executeUpdate(requestExtensionUpdate, { args: [{ actor: actors.handler, reason: '需协调', newDueAt: addHours(at, 400) }] }),
      ],
      ['a decision with nothing requested', ERR_INVALID_STATE, (h) => h.executeUpdate(decideExtensionUpdate, { args: [{ actor: actors.county, decision: 'APPROVE', reason: '同意' }] })],
    ])('%s → %s', async (_case, type, act) => {
      const { reviewedAt, handle } = await coordinatedCase();
      await harness.expectRefused(handle, type, () => act(handle, reviewedAt));
    });

    it('a request on a 限时整改 case (协调整改 only) → 409', async () => {
      const { reviewedAt, handle } = await harness.openCase({ suggestedCategory: 'TIME_LIMITED' });
      await handle.executeUpdate(verifyUpdate, { args: [{ actor: actors.handler, finding: 'TRUE', category: 'TIME_LIMITED', notes: '属实' }] });
      await harness.expectRefused(handle, ERR_INVALID_STATE, () => requestExtension(handle, addHours(reviewedAt, 400)));
    });

    it('a decision by the handler, and the result recorded while the extension waits', async () => {
      const { reviewedAt, handle } = await coordinatedCase();
      await requestExtension(handle, addHours(reviewedAt, 400));
      await harness.expectRefused(handle, ERR_FORBIDDEN, () => handle.executeUpdate(decideExtensionUpdate, { args: [{ actor: actors.handler, decision: 'APPROVE', reason: '同意' }] }));
      await harness.expectRefused(handle, ERR_INVALID_STATE, () =>
        handle.executeUpdate(recordRectificationUpdate, { args: [{ actor: actors.handler, measures: '办理', result: '办结' }] }),
      );
      await harness.expectRefused(handle, ERR_INVALID_STATE, () => requestExtension(handle, addHours(reviewedAt, 500)));
    });
  });
});
