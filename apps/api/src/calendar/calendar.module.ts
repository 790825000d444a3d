import { Module } from '@nestjs/common';
import { CalendarYearsController } from './calendar-years.controller';
import { CalendarYearsService } from './calendar-years.service';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';
import { WorkingCalendar } from './working-calendar.service';

@Module({ controllers: [CalendarController, CalendarYearsController], providers: [CalendarService, CalendarYearsService, WorkingCalendar], exports: [WorkingCalendar] })
export class CalendarModule {}
