import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { HOUR_MS, useTimeSkippingHarness, type RectificationHarness } from './helpers/rectification-harness';

/*
 * The harness's repair of a time-skipping lock that the Java test server kept after a workflow task that never
 * completed (rectification-harness.ts, ensureTimeSkips): without it, every later env.sleep of the file waits in real
 * time. The stale hold is simulated by one lockTimeSkipping more than the environment's own.
 */
describe('the time-skipping harness', () => {
  let env: TestWorkflowEnvironment;
  let harness: RectificationHarness;
  useTimeSkippingHarness((suite) => ({ env, harness } = suite));

  it('finds time skipping between tests', async () => {
    const before = await env.currentTimeMs();
    await expect(harness.ensureTimeSkips()).resolves.toBe('skipping');
    expect(await env.currentTimeMs()).toBeGreaterThanOrEqual(before + HOUR_MS);
  });

  it('releases a lock left by a workflow task that never completed, and time skips again', async () => {
    await env.connection.testService?.lockTimeSkipping({});
    const before = await env.currentTimeMs();
    await expect(harness.ensureTimeSkips(2_000)).resolves.toBe('released');
    await expect(harness.ensureTimeSkips()).resolves.toBe('skipping');
    expect(await env.currentTimeMs()).toBeGreaterThanOrEqual(before + 2 * HOUR_MS);
  });
});
