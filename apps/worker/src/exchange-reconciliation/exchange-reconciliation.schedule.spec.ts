import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { testTemporalAddress } from '@haochaping/devstack';
import { ensureExchangeReconciliationSchedule } from './exchange-reconciliation.schedule';

/** The worker sets the count reconciliation's schedule up at every start (with an upstream): created, then updated. */
describe('the schedule of the exchange count reconciliation', () => {
  let connection: Connection;
  const scheduleId = `exchange-reconciliation-${randomUUID()}`;

  beforeAll(async () => {
    connection = await Connection.connect({ address: testTemporalAddress() });
  });

  afterAll(async () => {
    await new Client({ connection }).schedule.getHandle(scheduleId).delete().catch(() => undefined);
    await connection?.close();
  });

  it('is created once, then updated in place (a new task queue), daily at 03:00 Shanghai time, checking the default days', async () => {
    expect(await ensureExchangeReconciliationSchedule(connection, 'default', 'queue-a', scheduleId)).toBe('created');
    expect(await ensureExchangeReconciliationSchedule(connection, 'default', 'queue-b', scheduleId)).toBe('updated');
    const described = await new Client({ connection }).schedule.getHandle(scheduleId).describe();
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'exchangeReconciliationWorkflow', taskQueue: 'queue-b', args: [{}] });
    expect(described.spec.timezone).toBe('Asia/Shanghai');
    expect(described.spec.calendars).toEqual([expect.objectContaining({ hour: [{ start: 3, end: 3, step: 1 }], minute: [{ start: 0, end: 0, step: 1 }] })]);
    expect(described.policies.overlap).toBe('SKIP');
    // The next run: 03:00 in Shanghai, 19:00 UTC.
    expect(described.info.nextActionTimes[0]?.toISOString()).toMatch(/T19:00:00\.000Z$/);
  });
});
