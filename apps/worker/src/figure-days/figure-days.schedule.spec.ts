import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { testTemporalAddress } from '@haochaping/devstack';
import { ensureFigureDaysSchedule } from './figure-days.schedule';

/** The worker sets the schedule up at every start: created the first time, brought up to date after (the dev server). */
describe('the schedule of the results’ daily aggregates', () => {
  let connection: Connection;
  const scheduleId = `figure-days-${randomUUID()}`;

  beforeAll(async () => {
    connection = await Connection.connect({ address: testTemporalAddress() });
  });

  afterAll(async () => {
    await new Client({ connection }).schedule.getHandle(scheduleId).delete().catch(() => undefined);
    await connection?.close();
  });

  it('is created once, then updated in place (a new task queue), every 30 minutes, starting the daily aggregates’ workflow', async () => {
    expect(await ensureFigureDaysSchedule(connection, 'default', 'queue-a', scheduleId)).toBe('created');
    expect(await ensureFigureDaysSchedule(connection, 'default', 'queue-b', scheduleId)).toBe('updated');
    const described = await new Client({ connection }).schedule.getHandle(scheduleId).describe();
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'figureDaysWorkflow', taskQueue: 'queue-b' });
    expect(described.spec.intervals).toEqual([expect.objectContaining({ every: 1_800_000 })]);
    expect(described.policies.overlap).toBe('SKIP');
  });
});
