import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { ERR_INVALID_STATE, type RectificationCaseState } from '@haochaping/contracts';
import { rectificationStateQuery, recordCallbackUpdate } from '@haochaping/contracts/server';
import { actors, addDays, addHours, shanghaiDate, type CaseHandle, useTimeSkippingHarness, type RectificationHarness } from './helpers/rectification-harness';

/*
 * An unreached callback attempt is recorded and the obligation stays open; unreached attempts on three different
 * working days (Asia/Shanghai dates) meet it as 无法联系. Working days come from the hall's calendar through the
 * computeDeadline activity; the mock calendar works every day except the dates a test lists in
 * harness.nonWorkingDates. Tests move the clock to a wall-clock time in Shanghai so the dates are known.
 */
describe('callback attempts that never reach the reviewer', () => {
  let env: TestWorkflowEnvironment;
  let harness: RectificationHarness;
  // Declared first so that, as before, the day-off list is cleared before the open cases are ended.
  afterEach(() => {
    harness.nonWorkingDates.clear();
  });
  useTimeSkippingHarness((suite) => ({ env, harness } = suite));

  const unreached = (handle: CaseHandle, at: string, summary = '无人接听') =>
    handle.executeUpdate(recordCallbackUpdate, { args: [{ actor: actors.handler, at, method: 'PHONE', reached: false, summary }] });

  /** The timeline entry that met the callback as 无法联系 (a clock of another obligation may have noted after it). */
  const unreachableEntry = (state: RectificationCaseState) => state.timeline.find((entry) => entry.details?.callbackOutcome === 'UNREACHABLE');

  /** Records an unreached attempt now (the test server's clock) and answers its time with the new state. */
  async function attemptNow(handle: CaseHandle) {
    const at = await harness.now();
    return { at, state: await unreached(handle, at) };
  }

  it('three unreached attempts on three different working days meet the callback as 无法联系, the attempts kept as proof', async () => {
    const { reviewId, handle } = await harness.openCase({ suggestedCategory: 'TIME_LIMITED' });
    await harness.sleepUntilShanghai('10:00');

    const first = await attemptNow(handle);
    expect(first.state.obligations.callback).toMatchObject({ doneAt: null, waivedAt: null });
    expect(first.state.callbackOutcome).toBeNull();
    await env.sleep('1 day');
    const second = await attemptNow(handle);
    expect(second.state.obligations.callback?.doneAt).toBeNull();
    await env.sleep('1 day');
    const third = await attemptNow(handle);

    expect(third.state.callbackOutcome).toBe('UNREACHABLE');
    expect(third.state.obligations.callback).toMatchObject({ doneAt: third.at, waivedAt: null });
    expect(third.state.callbacks.map((attempt) => [attempt.at, attempt.reached])).toEqual([
      [first.at, false],
      [second.at, false],
      [third.at, false],
    ]);
    const entry = unreachableEntry(third.state);
    expect(entry).toMatchObject({ actor: 'system', action: '3个不同工作日回访均未联系上，回访按无法联系办结' });
    expect(entry?.details).toMatchObject({
      callbackOutcome: 'UNREACHABLE',
      doneAt: third.at,
      workingDays: [shanghaiDate(first.at), shanghaiDate(second.at), shanghaiDate(third.at)],
    });
    // The obligation is met: no more attempts to record, and its clock has stopped.
    await harness.expectRefused(handle, ERR_INVALID_STATE, () => unreached(handle, third.at));
    const noticesBefore = harness.notificationsFor(reviewId).filter((n) => n.obligation === 'callback').length;
    await env.sleep('3 days');
    expect(harness.notificationsFor(reviewId).filter((n) => n.obligation === 'callback')).toHaveLength(noticesBefore);
  });

  it('three unreached attempts on the same day do not count; the third working day does', async () => {
    const { handle } = await harness.openCase({ suggestedCategory: 'TIME_LIMITED' });
    const day1 = shanghaiDate(await harness.sleepUntilShanghai('09:30'));
    await attemptNow(handle);
    await env.sleep('2 hours');
    await attemptNow(handle);
    await env.sleep('6 hours'); // 17:30, still the same date
    const sameDay = await attemptNow(handle);
    expect(shanghaiDate(sameDay.at)).toBe(day1);
    expect(sameDay.state.callbacks).toHaveLength(3);
    expect(sameDay.state.callbackOutcome).toBeNull();
    expect(sameDay.state.obligations.callback?.doneAt).toBeNull();

    await harness.sleepUntilShanghai('10:00');
    const day2 = await attemptNow(handle);
    expect(day2.state.obligations.callback?.doneAt).toBeNull();
    await env.sleep('1 day');
    const day3 = await attemptNow(handle);
    expect(day3.state).toMatchObject({ callbackOutcome: 'UNREACHABLE', obligations: { callback: { doneAt: day3.at } } });
    expect(day3.state.callbacks).toHaveLength(5);
  });

  it('an attempt on a day off (weekend, holiday) is kept but does not count', async () => {
    const { handle } = await harness.openCase({ suggestedCategory: 'TIME_LIMITED' });
    const day1 = shanghaiDate(await harness.sleepUntilShanghai('10:00'));
    harness.nonWorkingDates.add(addDays(day1, 1));
    await attemptNow(handle);
    await env.sleep('1 day');
    await attemptNow(handle); // the day off
    await env.sleep('1 day');
    const third = await attemptNow(handle);
    expect(third.state.callbacks).toHaveLength(3);
    expect(third.state.obligations.callback?.doneAt).toBeNull();
    await env.sleep('1 day');
    const fourth = await attemptNow(handle);
    expect(fourth.state).toMatchObject({ callbackOutcome: 'UNREACHABLE', obligations: { callback: { doneAt: fourth.at } } });
    expect(unreachableEntry(fourth.state)?.details).toMatchObject({ workingDays: [day1, addDays(day1, 2), addDays(day1, 3)] });
  });

  it('attempts recorded late and out of order count by when they happened', async () => {
    const { reviewedAt, handle } = await harness.openCase({ suggestedCategory: 'COORDINATED' });
    await env.sleep('4 days');
    const times = [addHours(reviewedAt, 49), addHours(reviewedAt, 1), addHours(reviewedAt, 25)];
    await unreached(handle, times[0]);
    await unreached(handle, times[1]);
    const state = await unreached(handle, times[2]);
    expect(state).toMatchObject({ callbackOutcome: 'UNREACHABLE', obligations: { callback: { doneAt: times[0] } } });
    expect((await handle.query(rectificationStateQuery)).callbacks.map((attempt) => attempt.at)).toEqual(times);
  });
});
