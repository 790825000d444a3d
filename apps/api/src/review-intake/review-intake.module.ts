import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { OutboxModule } from '../outbox/outbox.module';
import { FeedbackEntriesController } from './feedback-entries.controller';
import { FeedbackEntriesService } from './feedback-entries.service';
import { IntegrationRatingsController } from './integration-ratings.controller';
import { IntegrationReviewsService } from './integration-reviews.service';
import { InvitationsService } from './invitations/invitations.service';
import { RatingInvitationSettingsController } from './invitations/rating-invitation-settings.controller';
import { CaseSmsOptOutController, SmsInboundController } from './invitations/sms-opt-out.controller';
import { SmsOptOutService } from './invitations/sms-opt-out.service';
import { RatingMasterData } from './master-data/rating-master-data.service';
import { PublicRatingInfoController } from './public-rating-info.controller';
import { PublicReviewsController } from './public-reviews.controller';
import { PublicReviewsService } from './public-reviews.service';
import { PublicWindowsController } from './public-windows.controller';
import { IntakeRateLimiter } from './rate-limit/intake-rate-limiter';
import { PublicIntakeHook } from './rate-limit/public-intake.hook';
import { RatingCases } from './rating-cases.service';
import { ReviewRecorder } from './review-recorder.service';
import { WindowLookupService } from './window-lookup.service';

/**
 * Every rating channel (INTAKE-API.md, "Ratings"): window QR, invitations, the provincial portal, the public form and
 * staff entries (随时可评), all recorded by ReviewRecorder; what the rating pages read first (the window, the option
 * sets, an invitation); and the public limits, applied to every POST under /api/public whoever's controller answers
 * it. The status page (review-status/) shares the limiter and the rating master data, so they are exported: one
 * instance of each per process.
 */
@Module({
  imports: [OutboxModule, CalendarModule],
  controllers: [PublicReviewsController, PublicWindowsController, PublicRatingInfoController, IntegrationRatingsController, FeedbackEntriesController,
    SmsInboundController, CaseSmsOptOutController, RatingInvitationSettingsController],
  providers: [
    RatingMasterData,
    RatingCases,
    ReviewRecorder,
    PublicReviewsService,
    IntegrationReviewsService,
    FeedbackEntriesService,
    InvitationsService,
    SmsOptOutService,
    WindowLookupService,
    IntakeRateLimiter,
    PublicIntakeHook,
  ],
  exports: [IntakeRateLimiter, RatingMasterData],
})
export class ReviewIntakeModule {}
