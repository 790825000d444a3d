import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module';
import { ReviewsController } from './reviews.controller';
import { ReviewsService } from './reviews.service';

@Module({ imports: [OutboxModule], controllers: [ReviewsController], providers: [ReviewsService] })
export class ReviewsModule {}
