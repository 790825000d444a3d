import { Injectable } from '@nestjs/common';
import { RectificationActivitiesProvider } from '../activities/rectification-activities.provider';
import { createFigureDaysActivities, type FigureDaysActivities } from './figure-days.activities';

/** The daily aggregates' activity, on the rectification activities' database pool and cached calendars. */
@Injectable()
export class FigureDaysProvider {
  readonly activities: FigureDaysActivities;

  constructor(rectification: RectificationActivitiesProvider) {
    this.activities = createFigureDaysActivities({
      prisma: rectification.prisma,
      workingTimeOfHall: async (hallId) => {
        const workingTime = await rectification.workingCalendar.byHallId(hallId);
        if (!workingTime) throw new Error(`hall ${hallId} is not in the master data`);
        return workingTime;
      },
    });
  }
}
