import { ScheduleOverlapPolicy, type ConnectionLike, type ScheduleOptions } from '@temporalio/client';
import { ensureSchedule } from '../temporal/ensure-schedule';

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
  return ensureSchedule(connection, namespace, ratingInvitationRemindersSchedule(taskQueue, scheduleId));
}
