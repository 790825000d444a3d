import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { ERR_INVALID_ARGUMENT } from '@haochaping/contracts';
import { rectificationStateQuery, recordCallbackUpdate } from '@haochaping/contracts/server';
import { actors, addHours, type CaseHandle, useTimeSkippingHarness, type RectificationHarness } from './helpers/rectification-harness';

/*
 * Proof that a callback happened (issue 13): a callback keeps the time the handler states (`at`) and the time the
 * workflow recorded it (`recordedAt`); a stated time before the review or after the recording is refused by the
 * update's validator, the case unchanged. The API refuses the same at its edge; the console shows 补录 from the two.
 */
describe('the stated time of a callback', () => {
  let env: TestWorkflowEnvironment;
  let harness: RectificationHarness;
  useTimeSkippingHarness((suite) => ({ env, harness } = suite));

  const callback = (handle: CaseHandle, at: string) =>
    handle.executeUpdate(recordCallbackUpdate, { args: [{ actor: actors.handler, at, method: 'PHONE', reached: false, summary: '无人接听' }] });

  it.each([
    ['one minute before the review', (reviewedAt: string, _now: string) => addHours(reviewedAt, -1 / 60), '回访时间（at）不能早于评价时间'],
    ['an hour after the recording', (_reviewedAt: string, now: string) => addHours(now, 1), '回访时间（at）不能晚于当前时间'],
  ])('is refused when it is %s (422), the case unchanged', async (_case, statedAt, message) => {
    const { reviewedAt, handle } = await harness.openCase({ suggestedCategory: 'TIME_LIMITED' });
    await env.sleep('2 hours');
    const now = await harness.now();
    await harness.expectRefused(handle, ERR_INVALID_ARGUMENT, () => callback(handle, statedAt(reviewedAt, now)));
    await expect(callback(handle, statedAt(reviewedAt, now))).rejects.toMatchObject({ cause: { message } });
  });

  it('is kept with the time the workflow recorded it, both on the attempt', async () => {
    const { reviewedAt, handle } = await harness.openCase({ suggestedCategory: 'TIME_LIMITED' });
    await env.sleep('3 hours');
    const recordedAt = await harness.now();
    const statedAt = addHours(reviewedAt, 1);
    await callback(handle, statedAt);
    const [attempt] = (await handle.query(rectificationStateQuery)).callbacks;
    expect(attempt.at).toBe(statedAt);
    expect(Date.parse(attempt.recordedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(recordedAt));
    expect(Date.parse(attempt.recordedAt ?? '') - Date.parse(recordedAt)).toBeLessThan(60_000);
  });
});
