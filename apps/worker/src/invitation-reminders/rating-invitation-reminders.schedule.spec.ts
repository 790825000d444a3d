import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { testTemporalAddress } from '@haochaping/devstack';
import { ensureRatingInvitationRemindersSchedule } from './rating-invitation-reminders.schedule';

/** The worker sets the schedule up at every start: created the first time, brought up to date after (the dev server). */
describe('the schedule of the SMS invitations to rate', () => {
  let connection: Connection;
  const scheduleId = `rating-invitation-reminders-${randomUUID()}`;

  beforeAll(async () => {
    connection = await Connection.connect({ address: testTemporalAddress() });
  });

  afterAll(async () => {
    await new Client({ connection }).schedule.getHandle(scheduleId).delete().catch(() => undefined);
    await connection?.close();
  });

  it('is created once, then updated in place (a new task queue), hourly, starting the reminders workflow', async () => {
    expect(await ensureRatingInvitationRemindersSchedule(connection, 'default', 'queue-a', scheduleId)).toBe('created');
    expect(await ensureRatingInvitationRemindersSchedule(connection, 'default', 'queue-b', scheduleId)).toBe('updated');
    const described = await new Client({ connection }).schedule.getHandle(scheduleId).describe();
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'ratingInvitationRemindersWorkflow', taskQueue: 'queue-b' });
    expect(described.spec.intervals).toEqual([expect.objectContaining({ every: 3_600_000 })]);
    expect(described.policies.overlap).toBe('SKIP');
  });
});
