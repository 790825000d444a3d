import { Context } from '@temporalio/activity';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import type { OnlineReviewPageResult, OnlineReviewPullActivities, OnlineReviewPullSettings } from './online-review-pull.contract';
import { timeSkipping } from './time-skipping.fixture';

const MINUTE = 60_000;

/**
 * The pull loop's timing on the time-skipping server (the activity is the e2e test's: apps/api/test/exchange-pull):
 * a full page is followed at once by the next, a short one rests the interval; a page that fails (the upstream away)
 * is asked again from the same position, and nothing is skipped.
 */
describe('onlineReviewPullWorkflow: the polling interval and the retries, in skipped time', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await timeSkipping();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  /** An in-memory feed with a stored position, pulled a page at a time; each call's workflow time is noted. */
  function feed(failFirst = 0) {
    const state = { items: 0, position: 0, calls: [] as Array<{ at: number; from: number; served: number | 'failed' }>, failures: failFirst };
    const activities: OnlineReviewPullActivities = {
      pullOnlineReviews(pageSize: number): Promise<OnlineReviewPageResult> {
        const at = Context.current().info.currentAttemptScheduledTimestampMs;
        if (state.failures > 0) {
          state.failures -= 1;
          state.calls.push({ at, from: state.position, served: 'failed' });
          return Promise.reject(new Error('upstream unreachable: ECONNREFUSED'));
        }
        const served = Math.min(pageSize, state.items - state.position);
        state.calls.push({ at, from: state.position, served });
        const cursor = String(state.position);
        state.position += served;
        return Promise.resolve({ items: served, created: served, alreadyStored: 0, refused: 0, cursor, nextCursor: String(state.position) });
      },
    };
    return { state, activities };
  }

  async function run(activities: OnlineReviewPullActivities, taskQueue: string, during: (started: number) => Promise<void>): Promise<void> {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await bundleWorkflowCode({ workflowsPath: require.resolve('./online-review-pull.workflow'), logger: { log: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined, trace: () => undefined } }),
      activities,
    });
    const settings: OnlineReviewPullSettings = { pageSize: 2, intervalMs: 5 * MINUTE, pagesPerRun: 50 };
    await worker.runUntil(async () => {
      const started = await env.currentTimeMs();
      const handle = await env.client.workflow.start('onlineReviewPullWorkflow', { workflowId: `pull-${taskQueue}`, taskQueue, args: [{ settings }] });
      await during(started);
      await handle.terminate('test over');
    });
  }

  it('reads full pages back to back, rests the interval after a short one, and picks up what arrived meanwhile', async () => {
    const { state, activities } = feed();
    state.items = 5;
    await run(activities, 'pull-timing', async (started) => {
      await env.sleep(12 * MINUTE);
      state.items = 8;
      await env.sleep(6 * MINUTE);
      const offsets = state.calls.map((call) => ({ minute: Math.round((call.at - started) / MINUTE), from: call.from, served: call.served }));
      expect(offsets).toEqual([
        // 2 + 2 + 1: the short page ends the burst.
        { minute: 0, from: 0, served: 2 },
        { minute: 0, from: 2, served: 2 },
        { minute: 0, from: 4, served: 1 },
        // Nothing new: every 5 minutes.
        { minute: 5, from: 5, served: 0 },
        { minute: 10, from: 5, served: 0 },
        // Three arrived at minute 12: read at the next poll, from where the feed was left.
        { minute: 15, from: 5, served: 2 },
        { minute: 15, from: 7, served: 1 },
      ]);
    });
  });

  it('asks again from the same position while the page fails, and skips nothing', async () => {
    const { state, activities } = feed(3);
    state.items = 3;
    await run(activities, 'pull-retry', async () => {
      await env.sleep(2 * MINUTE);
      expect(state.calls.map((call) => [call.from, call.served])).toEqual([
        [0, 'failed'],
        [0, 'failed'],
        [0, 'failed'],
        [0, 2],
        [2, 1],
      ]);
    });
  });
});
