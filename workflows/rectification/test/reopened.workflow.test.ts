import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { ERR_INVALID_STATE } from '@haochaping/contracts';
import { confirmUpdate, recordRectificationUpdate, verifyUpdate } from '@haochaping/contracts/server';
import { actors, addHours, useTimeSkippingHarness, type RectificationHarness } from './helpers/rectification-harness';

/*
 * 不满意 reopens a case once: 重办中, owned by the county (level 2) with a new result clock from the reopening
 * (立整立改 with the plain-time mock: due +24 h, reminder +19 h 12 min). What the county owes itself is at level 2
 * the moment it runs out: no town leader in between, no later escalation.
 */
describe('a case reopened by 不满意 is the county’s', () => {
  let env: TestWorkflowEnvironment;
  let harness: RectificationHarness;
  useTimeSkippingHarness((suite) => ({ env, harness } = suite));

  it('reminds and tells the county about its result clock, closes as 不满意 after a second 不满意', async () => {
    const { reviewId, handle } = await harness.openCase({ suggestedCategory: 'IMMEDIATE', canCallBack: false });
    await handle.executeUpdate(verifyUpdate, { args: [{ actor: actors.handler, finding: 'TRUE', category: 'IMMEDIATE', notes: '设施损坏属实' }] });
    await handle.executeUpdate(recordRectificationUpdate, { args: [{ actor: actors.handler, measures: '更换座椅', result: '已更换' }] });
    await env.sleep('1 hour');

    const reopened = await handle.executeUpdate(confirmUpdate, { args: [{ actor: actors.citizen, answer: 'UNSATISFIED', comment: '只换了一把' }] });
    const result = reopened.obligations.result!;
    expect(reopened).toMatchObject({ state: 'REOPENED', stateLabel: '重办中', owner: 'COUNTY', escalationLevel: 2, reopenCount: 1 });
    expect(result).toMatchObject({ ownerRole: 'COUNTY_SUPERVISOR', dueAt: addHours(result.from, 24), remindAt: addHours(result.from, 19.2), escalatesAt: null, doneAt: null });
    expect(reopened.timeline.at(-1)).toMatchObject({ actor: actors.citizen.userId, action: '群众不满意，重新办理并上报县行政审批服务局', details: { owner: 'COUNTY' } });
    const resultNotices = () => harness.notificationsFor(reviewId).filter((n) => n.obligation === 'result').map((n) => [n.kind, n.recipientRole]);
    expect(resultNotices()).toEqual([['REOPENED_TO_COUNTY', 'COUNTY_SUPERVISOR']]);

    await env.sleep('20 hours');
    await harness.eventually(handle, (s) => s.obligations.result?.remindedAt != null);
    expect(resultNotices()).toEqual([
      ['REOPENED_TO_COUNTY', 'COUNTY_SUPERVISOR'],
      ['REMINDER', 'COUNTY_SUPERVISOR'],
    ]);

    await env.sleep('5 hours');
    const overdue = await harness.eventually(handle, (s) => s.obligations.result?.overdue === true);
    expect(overdue.obligations.result).toMatchObject({ escalationLevel: 2 });
    expect(overdue.timeline.map((entry) => entry.action)).toContain('整改结果反馈超期，已上报县行政审批服务局');
    await env.sleep('3 days'); // nothing escalates further
    expect(resultNotices()).toEqual([
      ['REOPENED_TO_COUNTY', 'COUNTY_SUPERVISOR'],
      ['REMINDER', 'COUNTY_SUPERVISOR'],
      ['OVERDUE_LEVEL_2', 'COUNTY_SUPERVISOR'],
    ]);

    await handle.executeUpdate(recordRectificationUpdate, { args: [{ actor: actors.county, measures: '县局督导全部更换', result: '已全部更换' }] });
    const closed = await handle.executeUpdate(confirmUpdate, { args: [{ actor: actors.citizen, answer: 'UNSATISFIED' }] });
    expect(closed).toMatchObject({ state: 'CLOSED', outcome: 'UNSATISFIED', outcomeLabel: '不满意', owner: 'COUNTY', reopenCount: 1 });
    expect(await handle.result()).toEqual(closed);
    await expect(handle.executeUpdate(confirmUpdate, { args: [{ actor: actors.citizen, answer: 'SATISFIED' }] })).rejects.toThrow();
  });

  it('takes no 不满意 before the result is fed back (409)', async () => {
    const { handle } = await harness.openCase({ suggestedCategory: 'IMMEDIATE' });
    await handle.executeUpdate(verifyUpdate, { args: [{ actor: actors.handler, finding: 'TRUE', category: 'IMMEDIATE', notes: '属实' }] });
    await harness.expectRefused(handle, ERR_INVALID_STATE, () => handle.executeUpdate(confirmUpdate, { args: [{ actor: actors.citizen, answer: 'UNSATISFIED' }] }));
  });
});
