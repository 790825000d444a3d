import { Module } from '@nestjs/common';
import { ReviewIntakeModule } from '../review-intake/review-intake.module';
import { ReviewConfirmationService } from './review-confirmation.service';
import { ReviewStatusController } from './review-status.controller';
import { ReviewStatusService } from './review-status.service';

/**
 * The citizen's status page: a review by tracking code and the phone's last four digits, and the 满意/不满意 on its
 * rectification result (through CaseWorkflowClient, like every action on a case). Failed look-ups count against the
 * intake's limits, so the intake's limiter (and its rating master data) are shared, not copied.
 */
@Module({
  imports: [ReviewIntakeModule],
  controllers: [ReviewStatusController],
  providers: [ReviewStatusService, ReviewConfirmationService],
})
export class ReviewStatusModule {}
