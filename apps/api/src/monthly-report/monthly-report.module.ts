import { Module } from '@nestjs/common';
import { ImprovementsModule } from '../improvements/improvements.module';
import { ResultsModule } from '../results/results.module';
import { MonthlyReportController } from './monthly-report.controller';
import { MonthlyReportService } from './monthly-report.service';

@Module({ imports: [ResultsModule, ImprovementsModule], controllers: [MonthlyReportController], providers: [MonthlyReportService] })
export class MonthlyReportModule {}
