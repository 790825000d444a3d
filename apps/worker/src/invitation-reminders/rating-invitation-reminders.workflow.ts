import { proxyActivities } from '@temporalio/workflow';
import type { RatingInvitationReminderActivities, SendDueRatingInvitationsResult } from './rating-invitation-reminder.activities';

const { sendDueRatingInvitations } = proxyActivities<RatingInvitationReminderActivities>({
  // One run reads the unrated cases of the last month and writes an invitation per due case.
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumAttempts: 5 },
});

/**
 * One run of the SMS invitations to rate, started by the Temporal Schedule (rating-invitation-reminders.schedule.ts):
 * the activity selects the cases due at the run's time and invites each once (a unique row per case).
 */
export async function ratingInvitationRemindersWorkflow(): Promise<SendDueRatingInvitationsResult> {
  return sendDueRatingInvitations({ at: new Date().toISOString() });
}
