import { Module } from '@nestjs/common';
import { CallbackProofModule } from '../callback-proof/callback-proof.module';
import { RectificationsController } from './rectifications.controller';
import { RectificationsService } from './rectifications.service';
import { CaseReviewerService } from './case-reviewer.service';
import { TimelineNamesService } from './timeline-names.service';

@Module({ imports: [CallbackProofModule], controllers: [RectificationsController], providers: [RectificationsService, CaseReviewerService, TimelineNamesService] })
export class RectificationsModule {}
