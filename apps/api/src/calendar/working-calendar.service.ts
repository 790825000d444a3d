import { Injectable, Logger } from '@nestjs/common';
import { MasterDataVersion, WorkingCalendarCache } from '@haochaping/db';
import type { WorkingTime, YearCalendar } from '@haochaping/working-time';
import { DomainHttpException } from '../common/api-error';
import { PrismaService } from '../prisma/prisma.service';

/**
 * A hall's working time for the API (deadlines, rating periods, the calendar warnings): WorkingCalendarCache of
 * @haochaping/db, the reader the worker uses too, cached until an admin changes a hall's office hours or a calendar
 * year (master_data_changed), with its failures in the API's error shape.
 */
@Injectable()
export class WorkingCalendar {
  private readonly logger = new Logger(WorkingCalendar.name);
  private readonly calendars: WorkingCalendarCache;

  constructor(prisma: PrismaService, version: MasterDataVersion) {
    this.calendars = new WorkingCalendarCache(prisma.client, version);
  }

  /** The working time of the hall a caller named: 422 UNKNOWN_HALL when there is none. */
  async ofHallCode(code: string): Promise<WorkingTime> {
    const workingTime = await this.checked(code, this.calendars.byHallCode(code));
    if (!workingTime) throw new DomainHttpException(422, 'UNKNOWN_HALL', '未找到该服务大厅', [{ field: 'hallCode', message: `没有编码为 ${code} 的服务大厅` }]);
    return workingTime;
  }

  /** The working time of the hall a stored row refers to (a missing one is a broken reference, not the caller's). */
  async ofHallId(id: string): Promise<WorkingTime> {
    const workingTime = await this.checked(id, this.calendars.byHallId(id));
    if (!workingTime) throw new Error(`hall ${id} is not in the master data`);
    return workingTime;
  }

  /** The calendar years as stored (years without a row fall back to the statutory calendar). */
  years(): Promise<readonly YearCalendar[]> {
    return this.calendars.years();
  }

  private async checked(hall: string, workingTime: Promise<WorkingTime | undefined>): Promise<WorkingTime | undefined> {
    try {
      return await workingTime;
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      // Bad office hours or calendar rows are the county's data, not the caller's request.
      this.logger.error(`working calendar of hall ${hall} is invalid: ${error.message}`);
      throw new DomainHttpException(500, 'CALENDAR_DATA_INVALID', '服务大厅的办公时间或节假日数据有误，请联系系统管理员');
    }
  }
}
