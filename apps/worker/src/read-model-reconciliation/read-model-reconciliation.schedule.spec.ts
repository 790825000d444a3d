import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { testTemporalAddress } from '@haochaping/devstack';
import { ensureReadModelReconciliationSchedule } from './read-model-reconciliation.schedule';

/** The worker sets the reconciler's schedule up at every start: created the first time, brought up to date after. */
describe('the schedule of the read model reconciliation', () => {
  let connection: Connection;
  const scheduleId = `read-model-reconciliation-${randomUUID()}`;

  beforeAll(async () => {
    connection = await Connection.connect({ address: testTemporalAddress() });
  });

  afterAll(async () => {
    await new Client({ connection }).schedule.getHandle(scheduleId).delete().catch(() => undefined);
    await connection?.close();
  });

  it('is created once, then updated in place (a new task queue), daily at 02:30 Shanghai time, starting a scheduled run', async () => {
    expect(await ensureReadModelReconciliationSchedule(connection, 'default', 'queue-a', scheduleId)).toBe('created');
    expect(await ensureReadModelReconciliationSchedule(connection, 'default', 'queue-b', scheduleId)).toBe('updated');
    const described = await new Client({ connection }).schedule.getHandle(scheduleId).describe();
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'readModelReconciliationWorkflow', taskQueue: 'queue-b', args: [{ trigger: 'SCHEDULE' }] });
    expect(described.spec.timezone).toBe('Asia/Shanghai');
    expect(described.spec.calendars).toEqual([expect.objectContaining({ hour: [{ start: 2, end: 2, step: 1 }], minute: [{ start: 30, end: 30, step: 1 }] })]);
    expect(described.policies.overlap).toBe('SKIP');
    // The next run: 02:30 in Shanghai, 18:30 UTC.
    expect(described.info.nextActionTimes[0]?.toISOString()).toMatch(/T18:30:00\.000Z$/);
  });
});
