import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy, type ConnectionLike, type ScheduleOptions } from '@temporalio/client';

export const RATING_INVITATION_REMINDERS_SCHEDULE_ID = 'rating-invitation-reminders';

/**
 * The schedule of the SMS invitations to rate: every hour, on the hour; the activity itself sends only in office time
 * and only what is due. A run that would overlap the previous one is skipped (the next hour catches up).
 */
export function ratingInvitationRemindersSchedule(taskQueue: string, scheduleId = RATING_INVITATION_REMINDERS_SCHEDULE_ID): ScheduleOptions {
  return {
    scheduleId,
    spec: { intervals: [{ every: '1 hour' }] },
    action: { type: 'startWorkflow', workflowType: 'ratingInvitationRemindersWorkflow', taskQueue, workflowExecutionTimeout: '30 minutes' },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 hour' },
  };
}

/** Creates the schedule, or brings an existing one up to date (a new task queue, another interval): safe at every start. */
export async function ensureRatingInvitationRemindersSchedule(
  connection: ConnectionLike,
  namespace: string,
  taskQueue: string,
  scheduleId = RATING_INVITATION_REMINDERS_SCHEDULE_ID,
): Promise<'created' | 'updated'> {
  const client = new Client({ connection, namespace });
  const options = ratingInvitationRemindersSchedule(taskQueue, scheduleId);
  try {
    await client.schedule.create(options);
    return 'created';
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await client.schedule.getHandle(options.scheduleId).update((previous) => ({ ...previous, spec: options.spec, action: options.action, policies: { ...previous.policies, ...options.policies } }));
    return 'updated';
  }
}
