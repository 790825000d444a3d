import { randomUUID } from 'node:crypto';
import { exchangeReconciliationDays, type ExchangeDayResult, type ExchangeRoundResult } from '@haochaping/contracts';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { exchangeDeliverNowSignal, exchangeDeliveryWorkflow } from '../src/exchange/exchange-delivery.workflow';
import { exchangeReconciliationWorkflow } from '../src/exchange/exchange-reconciliation.workflow';
import { createTimeSkippingEnvironment, workflowBundle } from './helpers/test-environment';

const HOUR_MS = 3_600_000;

async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The exchange's workflows with their activities mocked (their work is tested over PostgreSQL, the simulator and the
 * dev server in apps/api/test/exchange-admin.e2e.test.ts): 上报管理's signal ends the delivery loop's rest, and the
 * count reconciliation checks the days it is given, or by default the last seven up to the workflow's today.
 */
describe('the exchange workflows', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  const worker = async (taskQueue: string, activities: object) => Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities });

  it('exchangeDeliveryWorkflow: exchangeDeliverNow ends an hour’s rest at once (time does not move meanwhile)', async () => {
    const taskQueue = `exchange-${randomUUID()}`;
    let rounds = 0;
    const idle: ExchangeRoundResult = { claimed: 0, delivered: 0, refused: 0, dead: 0, transportFailed: false };
    const deliverExchangeBatch = () => {
      rounds += 1;
      return Promise.resolve(idle);
    };
    const running = await worker(taskQueue, { deliverExchangeBatch });
    await running.runUntil(async () => {
      const handle = await env.client.workflow.start(exchangeDeliveryWorkflow, {
        taskQueue,
        workflowId: `exchange-delivery-${randomUUID()}`,
        args: [{ settings: { batchSize: 100, intervalMs: HOUR_MS, maxBackoffMs: HOUR_MS, roundsPerRun: 10 } }],
      });
      await until(() => rounds === 1, 'the first round');
      // Resting for an hour of workflow time, which this test never lets pass.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(rounds).toBe(1);
      await handle.signal(exchangeDeliverNowSignal);
      await until(() => rounds === 2, 'the round the signal asked for');
      // The signal is spent: the loop rests again.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(rounds).toBe(2);
      await handle.terminate('test over');
    });
  });

  it('exchangeReconciliationWorkflow: the days given, each once, and the differences summed', async () => {
    const taskQueue = `exchange-reconciliation-${randomUUID()}`;
    const checked: string[] = [];
    const reconcileExchangeDay = (day: string): Promise<ExchangeDayResult> => {
      checked.push(day);
      const differences = day === '2026-12-06' ? [{ day, hallCode: 'jintun', type: 'REVIEW', ours: 3, theirs: 2, difference: 1 }] : [];
      return Promise.resolve({ day, compared: 2, differences });
    };
    const running = await worker(taskQueue, { reconcileExchangeDay });
    const summary = await running.runUntil(
      env.client.workflow.execute(exchangeReconciliationWorkflow, { taskQueue, workflowId: `exchange-reconciliation-${randomUUID()}`, args: [{ days: ['2026-12-05', '2026-12-06'] }] }),
    );
    expect(checked).toEqual(['2026-12-05', '2026-12-06']);
    expect(summary.differences).toBe(1);
    expect(summary.days.map((day) => day.day)).toEqual(['2026-12-05', '2026-12-06']);
  });

  it('exchangeReconciliationWorkflow: by default (the schedule’s run) the last seven days up to the workflow’s today', async () => {
    const taskQueue = `exchange-reconciliation-${randomUUID()}`;
    const checked: string[] = [];
    const reconcileExchangeDay = (day: string): Promise<ExchangeDayResult> => {
      checked.push(day);
      return Promise.resolve({ day, compared: 0, differences: [] });
    };
    const running = await worker(taskQueue, { reconcileExchangeDay });
    // The test server's clock (which an earlier test may have moved on): the seven days up to its today, before or
    // after the run (the run may cross a midnight).
    const before = exchangeReconciliationDays(new Date(await env.currentTimeMs()));
    await running.runUntil(env.client.workflow.execute(exchangeReconciliationWorkflow, { taskQueue, workflowId: `exchange-reconciliation-${randomUUID()}`, args: [{}] }));
    const after = exchangeReconciliationDays(new Date(await env.currentTimeMs()));
    expect([before, after]).toContainEqual(checked);
    expect(checked).toHaveLength(7);
  });
});
