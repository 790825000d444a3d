import { Module } from '@nestjs/common';
import { ReviewRecordsController } from './review-records.controller';
import { ReviewRecordsService } from './review-records.service';

/** 评价记录: the staff's list, detail and CSV export of reviews, in the caller's scope, reviewers masked. */
@Module({ controllers: [ReviewRecordsController], providers: [ReviewRecordsService] })
export class ReviewRecordsModule {}
