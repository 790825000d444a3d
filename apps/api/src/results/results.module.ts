import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { ResultsController } from './results.controller';
import { ResultsService } from './results.service';

@Module({ imports: [CalendarModule], controllers: [ResultsController], providers: [ResultsService] })
export class ResultsModule {}
