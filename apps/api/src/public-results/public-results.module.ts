import { Module } from '@nestjs/common';
import { ResultsModule } from '../results/results.module';
import { PublicResultsRateLimitGuard } from './public-results-rate-limit.guard';
import { PublicResultsController } from './public-results.controller';
import { PublicResultsService } from './public-results.service';

/** 结果公开: the public results pages' and the county website's JSON (no sign-in, no personal data). */
@Module({ imports: [ResultsModule], controllers: [PublicResultsController], providers: [PublicResultsService, PublicResultsRateLimitGuard] })
export class PublicResultsModule {}
