import { Module } from '@nestjs/common';
import { RectificationsController } from './rectifications.controller';
import { RectificationsService } from './rectifications.service';
import { CaseReviewerService } from './case-reviewer.service';
import { TimelineNamesService } from './timeline-names.service';

@Module({ controllers: [RectificationsController], providers: [RectificationsService, CaseReviewerService, TimelineNamesService] })
export class RectificationsModule {}
