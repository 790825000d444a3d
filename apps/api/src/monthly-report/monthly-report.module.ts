import { Module } from '@nestjs/common';
import { ResultsModule } from '../results/results.module';
import { MonthlyReportController } from './monthly-report.controller';
import { MonthlyReportService } from './monthly-report.service';

@Module({ imports: [ResultsModule], controllers: [MonthlyReportController], providers: [MonthlyReportService] })
export class MonthlyReportModule {}
