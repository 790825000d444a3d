import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { ResultsSettingsService } from './results-settings.service';
import { ResultsController } from './results.controller';
import { ResultsService } from './results.service';

@Module({ imports: [CalendarModule], controllers: [ResultsController], providers: [ResultsService, ResultsSettingsService], exports: [ResultsService, ResultsSettingsService] })
export class ResultsModule {}
