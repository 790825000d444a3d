import { Injectable } from '@nestjs/common';
import { DataProtector } from '@haochaping/privacy/server';
import { RectificationActivitiesProvider } from '../activities/rectification-activities.provider';
import { WorkerConfig } from '../config/worker-config';
import { createRatingInvitationReminderActivities, type RatingInvitationReminderActivities } from './rating-invitation-reminder.activities';

/** The SMS invitations' activities, on the rectification activities' database pool and cached calendars. */
@Injectable()
export class RatingInvitationRemindersProvider {
  readonly activities: RatingInvitationReminderActivities;

  constructor(config: WorkerConfig, protector: DataProtector, rectification: RectificationActivitiesProvider) {
    this.activities = createRatingInvitationReminderActivities({
      prisma: rectification.prisma,
      protector,
      workingTimeOfHall: (hallId) => rectification.workingCalendar.byHallId(hallId),
      publicBaseUrl: config.notifications.publicBaseUrl,
    });
  }
}
