import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  RECTIFICATION_STATES,
  TASK_QUEUES,
  rectificationStateQuery,
  rectificationWorkflowId,
  type RectificationActivities,
  type RectificationCaseState,
} from '@haochaping/contracts';
import { rectificationWorkflow } from '../src/rectification.workflow';
import { createTimeSkippingEnvironment, workflowBundle } from './helpers/test-environment';

describe('rectificationWorkflow (walking skeleton)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  function activities() {
    const projected: RectificationCaseState[] = [];
    const mocks = {
      loadReviewContext: jest.fn<ReturnType<RectificationActivities['loadReviewContext']>, Parameters<RectificationActivities['loadReviewContext']>>(
        (reviewId) => Promise.resolve({ reviewId, hallCode: 'jintun', hallName: '金屯镇' }),
      ),
      projectCase: jest.fn<ReturnType<RectificationActivities['projectCase']>, Parameters<RectificationActivities['projectCase']>>((state) => {
        projected.push(structuredClone(state));
        return Promise.resolve();
      }),
    } satisfies RectificationActivities;
    return { mocks, projected };
  }

  async function worker(mocks: RectificationActivities) {
    return Worker.create({
      connection: env.nativeConnection,
      taskQueue: `${TASK_QUEUES.rectification}-${randomUUID()}`,
      workflowBundle: await workflowBundle(),
      activities: mocks,
    });
  }

  it('opens the case in 待核实 for the hall that handled it and projects it to the read model', async () => {
    const { mocks, projected } = activities();
    const w = await worker(mocks);
    const reviewId = randomUUID();
    await w.runUntil(async () => {
      const handle = await env.client.workflow.start(rectificationWorkflow, {
        taskQueue: w.options.taskQueue,
        workflowId: rectificationWorkflowId(reviewId),
        args: [{ reviewId, hallCode: 'jintun', level: 2, reviewedAt: '2026-11-27T02:00:00.000Z' }],
      });
      // The projection is the last step before the workflow waits for a person.
      await waitFor(() => projected.length === 1);
      const state = await handle.query(rectificationStateQuery);
      expect(state).toMatchObject({ reviewId, hallCode: 'jintun', hallName: '金屯镇', level: 2, state: 'PENDING_VERIFICATION', stateLabel: RECTIFICATION_STATES.PENDING_VERIFICATION });
      expect(state.timeline).toHaveLength(1);
      expect(state.timeline[0]).toMatchObject({ actor: 'system', action: '差评已受理，交由金屯镇核实' });
      expect(mocks.loadReviewContext).toHaveBeenCalledWith(reviewId);
      expect(projected[0]).toEqual(state);
    });
  });

  it('never closes a bad review by itself: thirty days later it still waits for verification', async () => {
    const { mocks } = activities();
    const w = await worker(mocks);
    const reviewId = randomUUID();
    await w.runUntil(async () => {
      const handle = await env.client.workflow.start(rectificationWorkflow, {
        taskQueue: w.options.taskQueue,
        workflowId: rectificationWorkflowId(reviewId),
        args: [{ reviewId, hallCode: 'jintun', level: 1, reviewedAt: '2026-11-27T02:00:00.000Z' }],
      });
      await env.sleep('30 days');
      const state = await handle.query(rectificationStateQuery);
      expect(state.state).toBe('PENDING_VERIFICATION');
      expect((await handle.describe()).status.name).toBe('RUNNING');
    });
  });
});

async function waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}
