import { Injectable } from '@nestjs/common';
import { DEFAULT_OFFICE_HOURS, missingOfficialYears, type Deadline } from '@haochaping/working-time';
import { DomainHttpException } from '../common/api-error';
import { Clock } from '../common/clock';
import { formatShanghaiInstant } from '@haochaping/working-time';
import type { CalendarWarningsResponse } from './dto/calendar-warnings.response';
import type { DeadlineResponse } from './dto/deadline.response';
import { WorkingCalendar } from './working-calendar.service';

/** A clock to compute: N working hours or N working days from an instant, at one hall. */
export interface DeadlineRequest {
  readonly hallCode: string;
  readonly from: Date;
  readonly workingHours?: number;
  readonly workingDays?: number;
}

@Injectable()
export class CalendarService {
  constructor(
    private readonly workingCalendar: WorkingCalendar,
    private readonly clock: Clock,
  ) {}

  /**
   * The due time from the hall's office hours and the calendar years in the database (WorkingCalendar: cached, and
   * an admin's change counts from the next request). Years without a row fall back to the statutory calendar.
   */
  async deadline(request: DeadlineRequest): Promise<DeadlineResponse> {
    const workingTime = await this.workingCalendar.ofHallCode(request.hallCode);
    let deadline: Deadline;
    try {
      deadline =
        request.workingDays !== undefined
          ? workingTime.addWorkingDays(request.from, request.workingDays)
          : workingTime.addWorkingHours(request.from, request.workingHours ?? 0);
    } catch (error) {
      // Only a year with neither a row nor a statutory fallback (before 2025, after 2035) gets here.
      if (!(error instanceof RangeError)) throw error;
      throw new DomainHttpException(422, 'CALENDAR_YEAR_UNAVAILABLE', '该时段所在年份的节假日安排尚未录入，无法计算期限', [
        { field: 'from', message: '起算时间到期限之间有年份既无节假日数据、也无法按法定假日推算（支持 2025—2035 年，其余年份需先录入）' },
      ]);
    }
    return { dueAt: formatShanghaiInstant(deadline.dueAt), provisional: deadline.provisional, provisionalYears: [...deadline.provisionalYears] };
  }

  /** The years whose State Council notice is missing now, and what the admins should do about it. */
  async warnings(): Promise<CalendarWarningsResponse> {
    const years = await this.workingCalendar.years();
    const missing = missingOfficialYears({ officeHours: DEFAULT_OFFICE_HOURS, years }, this.clock.now());
    return {
      missingOfficialYears: missing,
      message:
        missing.length > 0
          ? `请录入${missing.map((year) => `${year}年`).join('、')}的国务院办公厅节假日安排通知；录入前按《全国年节及纪念日放假办法》的法定假日临时计算，期限可能变动`
          : null,
    };
  }
}
