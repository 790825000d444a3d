import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  ERR_FORBIDDEN,
  ERR_INVALID_ARGUMENT,
  ERR_INVALID_STATE,
  type Actor,
  type RectificationCategory,
} from '@haochaping/contracts';
import {
  confirmUpdate,
  rectificationStateQuery,
  reclassifyUpdate,
  recordRectificationUpdate,
  verifyUpdate,
} from '@haochaping/contracts/server';
import { actors, addHours, useTimeSkippingHarness, type RectificationHarness } from './helpers/rectification-harness';

/*
 * Reclassification recounts the open clocks from the review time under the case's SLA policy (DEFAULT_SLA_POLICY,
 * plain-time mock: 1 working hour = 1 h, 1 working day = 24 h):
 *   立整立改 callback +1 h (reminder +48 min), result +24 h;  限时整改 callback +24 h (reminder +19 h 12 min), result +72 h;
 *   协调整改 callback +24 h, result +240 h; escalation 24 h after each due time.
 */
describe('reclassify: another category before the result is recorded', () => {
  let env: TestWorkflowEnvironment;
  let harness: RectificationHarness;
  useTimeSkippingHarness((suite) => ({ env, harness } = suite));

  async function verifiedCase(category: RectificationCategory) {
    const opened = await harness.openCase({ suggestedCategory: category });
    await opened.handle.executeUpdate(verifyUpdate, { args: [{ actor: actors.handler, finding: 'TRUE', category, notes: '属实' }] });
    return opened;
  }

  it('立整立改 → 限时整改 lengthens the open clocks, counted from the review time', async () => {
    const { reviewId, reviewedAt, handle } = await verifiedCase('IMMEDIATE');
    await env.sleep('30 minutes');
    const reclassified = await handle.executeUpdate(reclassifyUpdate, { args: [{ actor: actors.townLeader, category: 'TIME_LIMITED', reason: '涉及办理流程，需限时整改' }] });

    expect(reclassified).toMatchObject({ state: 'RECTIFYING', category: 'TIME_LIMITED', clockCategory: 'TIME_LIMITED' });
    expect(reclassified.obligations.callback).toMatchObject({
      from: reviewedAt,
      dueAt: addHours(reviewedAt, 24),
      remindAt: addHours(reviewedAt, 19.2),
      escalatesAt: addHours(reviewedAt, 48),
      overdue: false,
      ownerRole: 'HANDLER',
    });
    expect(reclassified.obligations.result).toMatchObject({ from: reviewedAt, dueAt: addHours(reviewedAt, 72), remindAt: addHours(reviewedAt, 57.6), escalatesAt: addHours(reviewedAt, 96) });
    expect(reclassified.timeline.at(-1)).toMatchObject({ actor: actors.townLeader.userId, action: '整改类别由立整立改改为限时整改，时限自原起算时间重新计算' });
    expect(reclassified.timeline.at(-1)?.details).toMatchObject({
      previousCategory: 'IMMEDIATE',
      category: 'TIME_LIMITED',
      reason: '涉及办理流程，需限时整改',
      previousDueAt: { callback: addHours(reviewedAt, 1), result: addHours(reviewedAt, 24) },
      dueAt: { callback: addHours(reviewedAt, 24), result: addHours(reviewedAt, 72) },
    });

    // Past the old one-hour callback deadline: the recounted clock is not overdue, and nothing was sent.
    await env.sleep('2 hours');
    const later = await handle.query(rectificationStateQuery);
    expect(later.obligations.callback?.overdue).toBe(false);
    expect(harness.notificationsFor(reviewId).filter((n) => n.obligation === 'callback')).toEqual([]);
  });

  it('限时整改 → 立整立改 shortens them: a deadline already behind is overdue at once (level 1), with no reminder first', async () => {
    const { reviewId, reviewedAt, handle } = await verifiedCase('TIME_LIMITED');
    await env.sleep('2 hours');
    const reclassified = await handle.executeUpdate(reclassifyUpdate, { args: [{ actor: actors.handler, category: 'IMMEDIATE', reason: '实为窗口服务态度问题' }] });
    expect(reclassified).toMatchObject({ category: 'IMMEDIATE', clockCategory: 'IMMEDIATE' });
    expect(reclassified.obligations.callback).toMatchObject({ from: reviewedAt, dueAt: addHours(reviewedAt, 1), remindAt: addHours(reviewedAt, 0.8), escalatesAt: addHours(reviewedAt, 25) });
    expect(reclassified.obligations.result).toMatchObject({ from: reviewedAt, dueAt: addHours(reviewedAt, 24), remindAt: addHours(reviewedAt, 19.2), escalatesAt: addHours(reviewedAt, 48) });

    const overdue = await harness.eventually(handle, (s) => s.obligations.callback?.overdue === true);
    expect(overdue.obligations.callback?.escalationLevel).toBe(1);
    expect(overdue.escalationLevel).toBe(1);
    expect(overdue.obligations.result?.overdue).toBe(false);
    expect(harness.notificationsFor(reviewId).filter((n) => n.obligation === 'callback').map((n) => n.kind)).toEqual(['OVERDUE_LEVEL_1']);
  });

  it('recounts a reopened case’s result clock from the reopening, for the county that owns it', async () => {
    const { reviewedAt, handle } = await verifiedCase('IMMEDIATE');
    await handle.executeUpdate(recordRectificationUpdate, { args: [{ actor: actors.handler, measures: '约谈', result: '已整改' }] });
    await env.sleep('3 hours');
    const reopened = await handle.executeUpdate(confirmUpdate, { args: [{ actor: actors.citizen, answer: 'UNSATISFIED' }] });
    const reopenedFrom = reopened.obligations.result!.from;
    expect(Date.parse(reopenedFrom)).toBeGreaterThan(Date.parse(reviewedAt));
    const reclassified = await handle.executeUpdate(reclassifyUpdate, { args: [{ actor: actors.county, category: 'COORDINATED', reason: '需县直部门协同' }] });
    expect(reclassified).toMatchObject({ state: 'REOPENED', category: 'COORDINATED' });
    expect(reclassified.obligations.result).toMatchObject({ from: reopenedFrom, dueAt: addHours(reopenedFrom, 240), ownerRole: 'COUNTY_SUPERVISOR', escalatesAt: null });
  });

  describe('refuses, the case unchanged', () => {
    it('before verification (409), by the citizen (403), to the same category (422), without a reason (422), after the result (409)', async () => {
      const { handle } = await harness.openCase({ suggestedCategory: 'IMMEDIATE' });
      const reclassify = (actor: Actor = actors.handler, category: RectificationCategory = 'TIME_LIMITED', reason = '理由') =>
        handle.executeUpdate(reclassifyUpdate, { args: [{ actor, category, reason }] });
      await harness.expectRefused(handle, ERR_INVALID_STATE, () => reclassify());
      await handle.executeUpdate(verifyUpdate, { args: [{ actor: actors.handler, finding: 'TRUE', category: 'IMMEDIATE', notes: '属实' }] });
      await harness.expectRefused(handle, ERR_FORBIDDEN, () => reclassify(actors.citizen));
      await harness.expectRefused(handle, ERR_FORBIDDEN, () => reclassify(actors.otherHallHandler));
      await harness.expectRefused(handle, ERR_INVALID_ARGUMENT, () => reclassify(actors.handler, 'IMMEDIATE'));
      await harness.expectRefused(handle, ERR_INVALID_ARGUMENT, () => reclassify(actors.handler, 'TIME_LIMITED', '  '));
      await harness.expectRefused(handle, ERR_INVALID_ARGUMENT, () => reclassify(actors.handler, 'SOMEDAY' as RectificationCategory));
      await handle.executeUpdate(recordRectificationUpdate, { args: [{ actor: actors.handler, measures: '约谈', result: '已整改' }] });
      await harness.expectRefused(handle, ERR_INVALID_STATE, () => reclassify());
    });
  });
});
