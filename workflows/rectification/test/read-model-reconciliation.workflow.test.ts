import { randomUUID } from 'node:crypto';
import type { CaseDrift, ReadModelReconciliationActivities, ReconcileCasePageInput } from '@haochaping/contracts';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { readModelReconciliationWorkflow, RECONCILIATION_PAGE_SIZE } from '../src/read-model/read-model-reconciliation.workflow';
import { createTimeSkippingEnvironment, workflowBundle } from './helpers/test-environment';

const drift = (index: number): CaseDrift => ({ reviewId: `case-${index}`, hallCode: 'jintun', fields: ['missingRow'], repaired: true, reason: null });

/**
 * The reconciler's run (the worker's activities mocked; their work is tested over PostgreSQL and the dev server in
 * apps/api/test/read-model-reconciliation.e2e.test.ts): the report opened, the cases page by page from where the last
 * page ended, the report closed with what the pages checked; a run whose page keeps failing is reported FAILED.
 */
describe('readModelReconciliationWorkflow', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  async function run(activities: ReadModelReconciliationActivities, runId = randomUUID()) {
    const taskQueue = `reconciliation-${randomUUID()}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities });
    return worker.runUntil(
      env.client.workflow
        .execute(readModelReconciliationWorkflow, { taskQueue, workflowId: `read-model-reconciliation-${runId}`, args: [{ trigger: 'CLI', runId, requestedBy: 'operator' }] })
        .then((summary) => ({ summary }), (error: unknown) => ({ error })),
    );
  }

  const activities = () => ({
    beginReconciliation: jest.fn<ReturnType<ReadModelReconciliationActivities['beginReconciliation']>, Parameters<ReadModelReconciliationActivities['beginReconciliation']>>((input) =>
      Promise.resolve({ runId: input.runId ?? 'made-up', closedSince: '2026-12-01T00:00:00.000Z' }),
    ),
    reconcileCasePage: jest.fn<ReturnType<ReadModelReconciliationActivities['reconcileCasePage']>, [ReconcileCasePageInput]>(),
    finishReconciliation: jest.fn<ReturnType<ReadModelReconciliationActivities['finishReconciliation']>, Parameters<ReadModelReconciliationActivities['finishReconciliation']>>(({ checked }) =>
      Promise.resolve({ checked, drifted: 3, repaired: 3 }),
    ),
    failReconciliation: jest.fn<Promise<void>, [{ runId: string; error: string }]>(() => Promise.resolve()),
  });

  it('pages through the cases from where each page ended and closes the report with the pages’ counts', async () => {
    const mocks = activities();
    mocks.reconcileCasePage
      .mockResolvedValueOnce({ checked: RECONCILIATION_PAGE_SIZE, drifts: [drift(1), drift(2)], next: 'id-200' })
      .mockResolvedValueOnce({ checked: RECONCILIATION_PAGE_SIZE, drifts: [], next: 'id-400' })
      .mockResolvedValueOnce({ checked: 7, drifts: [drift(3)], next: null });
    const runId = randomUUID();
    const outcome = await run(mocks, runId);

    expect(outcome).toEqual({ summary: { runId, checked: 2 * RECONCILIATION_PAGE_SIZE + 7, drifted: 3, repaired: 3, drifts: [drift(1), drift(2), drift(3)] } });
    expect(mocks.beginReconciliation).toHaveBeenCalledWith({ runId, trigger: 'CLI', requestedBy: 'operator', closedWithinDays: null, workflowId: `read-model-reconciliation-${runId}` });
    expect(mocks.reconcileCasePage.mock.calls.map(([page]) => page.after)).toEqual([null, 'id-200', 'id-400']);
    expect(mocks.reconcileCasePage.mock.calls.every(([page]) => page.runId === runId && page.closedSince === '2026-12-01T00:00:00.000Z' && page.limit === RECONCILIATION_PAGE_SIZE)).toBe(true);
    expect(mocks.finishReconciliation).toHaveBeenCalledWith({ runId, checked: 2 * RECONCILIATION_PAGE_SIZE + 7 });
    expect(mocks.failReconciliation).not.toHaveBeenCalled();
  });

  it('retries a failing page, and when it keeps failing reports the run FAILED with why, and fails', async () => {
    const mocks = activities();
    mocks.reconcileCasePage.mockRejectedValue(ApplicationFailure.create({ message: 'Temporal 不可用', type: 'Unavailable' }));
    const runId = randomUUID();
    const outcome = await run(mocks, runId);

    expect(outcome).toEqual({ error: expect.objectContaining({ cause: expect.objectContaining({ message: expect.stringContaining('Temporal 不可用') as string }) as unknown }) as unknown });
    expect(mocks.reconcileCasePage).toHaveBeenCalledTimes(5);
    expect(mocks.failReconciliation).toHaveBeenCalledWith({ runId, error: 'Temporal 不可用' });
    expect(mocks.finishReconciliation).not.toHaveBeenCalled();
  });
});
