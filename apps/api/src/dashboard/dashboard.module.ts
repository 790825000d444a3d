import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { DashboardController } from './dashboard.controller';
import { MyDutiesService } from './my-duties.service';

/** The 工作台's reads (/api/dashboard): my duties today. */
@Module({ imports: [CalendarModule], controllers: [DashboardController], providers: [MyDutiesService] })
export class DashboardModule {}
