import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { OutboxModule } from '../outbox/outbox.module';
import { FeedbackEntriesController } from './feedback-entries.controller';
import { FeedbackEntriesService } from './feedback-entries.service';
import { IntegrationRatingsController } from './integration-ratings.controller';
import { IntegrationReviewsService } from './integration-reviews.service';
import { InvitationsService } from './invitations/invitations.service';
import { RatingMasterData } from './master-data/rating-master-data.service';
import { PublicRatingInfoController } from './public-rating-info.controller';
import { PublicReviewsController } from './public-reviews.controller';
import { PublicReviewsService } from './public-reviews.service';
import { PublicWindowsController } from './public-windows.controller';
import { IntakeRateLimiter } from './rate-limit/intake-rate-limiter';
import { PublicIntakeHook } from './rate-limit/public-intake.hook';
import { RatingCases } from './rating-cases.service';
import { ReviewRecorder } from './review-recorder.service';
import { ReviewConfirmationService } from './review-confirmation.service';
import { ReviewListService } from './review-list.service';
import { ReviewsController } from './reviews.controller';
import { ReviewStatusService } from './review-status.service';
import { WindowLookupService } from './window-lookup.service';

/**
 * Every rating channel (INTAKE-API.md, "Ratings"): window QR, invitations, the provincial portal, the public form and
 * staff entries, all recorded by ReviewRecorder; the window page, the option sets, the status page; and the public
 * limits, applied to every POST under /api/public whoever's controller answers it. Also 评价记录, the staff's list,
 * detail and CSV export of reviews (ReviewsController).
 */
@Module({
  imports: [OutboxModule, CalendarModule],
  controllers: [PublicReviewsController, PublicWindowsController, PublicRatingInfoController, IntegrationRatingsController, FeedbackEntriesController, ReviewsController],
  providers: [
    RatingMasterData,
    RatingCases,
    ReviewRecorder,
    PublicReviewsService,
    IntegrationReviewsService,
    FeedbackEntriesService,
    InvitationsService,
    WindowLookupService,
    ReviewStatusService,
    ReviewConfirmationService,
    IntakeRateLimiter,
    PublicIntakeHook,
    ReviewListService,
  ],
  exports: [IntakeRateLimiter],
})
export class ReviewsModule {}
