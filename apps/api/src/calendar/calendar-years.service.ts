import { Injectable } from '@nestjs/common';
import type { Actor } from '@haochaping/contracts';
import { appendAudit, toCalendarYearData, toYearCalendar, type Prisma } from '@haochaping/db';
import { isStatutoryFallbackYear, localDateOf, statutoryFallbackYearCalendar, type YearCalendar } from '@haochaping/working-time';
import type { RequestContext } from '../auth/request-context';
import { DomainHttpException } from '../common/api-error';
import { Clock } from '../common/clock';
import { formatShanghaiInstant } from '@haochaping/working-time';
import { defineSimpleRestResource, parseListParams, type ListPage } from '../common/simple-rest/simple-rest-list';
import type { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { PrismaService } from '../prisma/prisma.service';
import type { CalendarDayDto, CalendarYearResponse, ImportNoticeDto, ImportNoticeResponse } from './dto/calendar-year.dto';
import { dayNumberOf, isWeekend, parseHolidayNotice } from './holiday-notice.parser';

export const CALENDAR_YEARS_RESOURCE = defineSimpleRestResource({
  name: 'calendar-years',
  sortFields: ['year'],
  defaultSort: ['year', 'ASC'],
  filters: { id: { type: 'integers', min: 2000, max: 2100 }, provisional: { type: 'boolean' } },
});

export const MIN_CALENDAR_YEAR = 2000;
export const MAX_CALENDAR_YEAR = 2100;

interface StoredYear {
  calendar: YearCalendar;
  stored: boolean;
  updatedAt: Date | null;
}

const yearNotFound = (year: number) =>
  new DomainHttpException(404, 'CALENDAR_YEAR_NOT_FOUND', `${year} 年既未录入节假日，也无法按法定假日推算，请导入该年的通知`);

/**
 * The county's working-time calendar, year by year. Every change is one transaction with its audit line; its
 * commit tells every API process and the worker (master_data_changed), whose next deadline uses it (WorkingCalendar).
 */
@Injectable()
export class CalendarYearsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
  ) {}

  /** Stored years, plus this year and the next when they have no row (shown from the statutory fallback, flagged). */
  async list(query: SimpleRestListQueryDto): Promise<ListPage<CalendarYearResponse>> {
    const { sort, offset, limit, filter } = parseListParams(CALENDAR_YEARS_RESOURCE, query);
    const rows = await this.prisma.client.calendarYear.findMany();
    const years = new Map<number, StoredYear>(rows.map((row) => [row.year, { calendar: toYearCalendar(row), stored: true, updatedAt: row.updatedAt }]));
    const thisYear = Number(localDateOf(this.clock.now()).slice(0, 4));
    for (const year of [thisYear, thisYear + 1, ...(filter.id ?? [])]) {
      if (!years.has(year) && isStatutoryFallbackYear(year)) years.set(year, { calendar: statutoryFallbackYearCalendar(year), stored: false, updatedAt: null });
    }
    const all = [...years.values()]
      .map(toResponse)
      .filter((year) => (filter.id ? filter.id.includes(year.year) : true) && (filter.provisional === undefined || year.provisional === filter.provisional))
      .sort((a, b) => (sort.order === 'asc' ? a.year - b.year : b.year - a.year));
    return { rows: all.slice(offset, offset + limit), offset, total: all.length };
  }

  async get(year: number): Promise<CalendarYearResponse> {
    return toResponse(await this.read(this.prisma.client, year));
  }

  /** Makes a date a day off, or a weekend day a 调休 working day (the year is stored from its fallback first). */
  async addDay(year: number, dto: CalendarDayDto, actor: Actor, context: RequestContext): Promise<CalendarYearResponse> {
    const day = this.checkDate(year, dto.date);
    if (dto.kind === 'MAKE_UP_WORKDAY' && !isWeekend(day)) {
      throw new DomainHttpException(422, 'VALIDATION_FAILED', '调休上班日须为周六或周日', [{ field: 'kind', message: `${dto.date} 不是周六或周日，本就是工作日` }]);
    }
    if (dto.kind === 'HOLIDAY' && isWeekend(day)) {
      throw new DomainHttpException(422, 'VALIDATION_FAILED', '周六、周日本就休息', [
        { field: 'date', message: `${dto.date} 是周末，无需设为节假日（若是调休上班日，请取消调休）` },
      ]);
    }
    return this.change(year, actor, context, 'calendar.add-day', (current) => {
      const target = dto.kind === 'HOLIDAY' ? current.holidays : current.makeUpWorkdays;
      if (target.includes(dto.date)) return undefined;
      return {
        calendar: {
          ...current,
          holidays: dto.kind === 'HOLIDAY' ? [...current.holidays, dto.date].sort() : current.holidays.filter((date) => date !== dto.date),
          makeUpWorkdays: dto.kind === 'MAKE_UP_WORKDAY' ? [...current.makeUpWorkdays, dto.date].sort() : current.makeUpWorkdays.filter((date) => date !== dto.date),
        },
        details: { date: dto.date, kind: dto.kind },
      };
    });
  }

  /** Takes a date off either list: it goes back to what its weekday says. */
  async removeDay(year: number, date: string, actor: Actor, context: RequestContext): Promise<CalendarYearResponse> {
    this.checkDate(year, date);
    return this.change(year, actor, context, 'calendar.remove-day', (current) => {
      const kind = current.holidays.includes(date) ? 'HOLIDAY' : current.makeUpWorkdays.includes(date) ? 'MAKE_UP_WORKDAY' : undefined;
      if (!kind) throw new DomainHttpException(404, 'CALENDAR_DAY_NOT_FOUND', `${date} 既不是节假日也不是调休上班日`);
      return {
        calendar: { ...current, holidays: current.holidays.filter((day) => day !== date), makeUpWorkdays: current.makeUpWorkdays.filter((day) => day !== date) },
        details: { date, kind },
      };
    });
  }

  /** The year's notice replaces its days and makes it OFFICIAL; a line that cannot be taken stops the whole import. */
  async importNotice(year: number, dto: ImportNoticeDto, actor: Actor, context: RequestContext): Promise<ImportNoticeResponse> {
    this.checkYear(year);
    const parsed = parseHolidayNotice(dto.text, year);
    if (parsed.errors.length > 0) {
      throw new DomainHttpException(
        422,
        'NOTICE_INVALID',
        `通知有 ${parsed.errors.length} 行无法导入，未做任何修改`,
        parsed.errors.map((error) => ({ field: `text.line.${error.line}`, message: error.line > 0 ? `第 ${error.line} 行“${error.text}”：${error.message}` : error.message })),
      );
    }
    const calendar: YearCalendar = {
      year,
      holidays: parsed.holidays,
      makeUpWorkdays: parsed.makeUpWorkdays,
      source: 'official',
      notice: dto.notice ?? `国务院办公厅关于${year}年部分节假日安排的通知`,
    };
    const spans = parsed.spans.map((span) => ({ ...span }));
    if (dto.dryRun) return { dryRun: true, calendar: toResponse({ calendar, stored: false, updatedAt: null }), spans, warnings: [...parsed.warnings] };
    const stored = await this.change(year, actor, context, 'calendar.import-notice', (current) => ({
      calendar,
      details: {
        notice: calendar.notice ?? null,
        before: { source: current.source, holidays: current.holidays.length, makeUpWorkdays: current.makeUpWorkdays.length },
        holidays: [...calendar.holidays],
        makeUpWorkdays: [...calendar.makeUpWorkdays],
      },
    }));
    return { dryRun: false, calendar: stored, spans, warnings: [...parsed.warnings] };
  }

  /**
   * Reads the year under a lock (one change per year at a time), applies `edit`, stores the row and its audit line in
   * one transaction. `edit` returns undefined when nothing changes (then nothing is written).
   */
  private async change(
    year: number,
    actor: Actor,
    context: RequestContext,
    action: string,
    edit: (current: YearCalendar) => { calendar: YearCalendar; details: Prisma.InputJsonObject } | undefined,
  ): Promise<CalendarYearResponse> {
    this.checkYear(year);
    return this.prisma.client.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`calendar_year:${year}`}))`;
      const current = await this.read(tx, year, true);
      const result = edit(current.calendar);
      if (!result) return toResponse(current);
      const data = toCalendarYearData({ ...result.calendar, year });
      const row = await tx.calendarYear.upsert({ where: { year }, create: data, update: { holidays: data.holidays, makeUpWorkdays: data.makeUpWorkdays, source: data.source, notice: data.notice ?? null } });
      await appendAudit(tx, {
        actorId: actor.userId,
        actorRole: actor.role,
        action,
        entityType: 'calendar-year',
        entityId: String(year),
        details: { year, ...(current.stored ? {} : { storedFromFallback: true }), ...result.details },
        requestId: context.requestId,
        ip: context.ip,
      });
      return toResponse({ calendar: toYearCalendar(row), stored: true, updatedAt: row.updatedAt });
    });
  }

  private async read(db: Pick<Prisma.TransactionClient, 'calendarYear'>, year: number, forWrite = false): Promise<StoredYear> {
    this.checkYear(year);
    const row = await db.calendarYear.findUnique({ where: { year } });
    if (row) return { calendar: toYearCalendar(row), stored: true, updatedAt: row.updatedAt };
    if (isStatutoryFallbackYear(year)) return { calendar: statutoryFallbackYearCalendar(year), stored: false, updatedAt: null };
    // A year beyond the fallback table starts empty when an admin edits it; reading it is a 404 until then.
    if (forWrite) return { calendar: { year, holidays: [], makeUpWorkdays: [], source: 'provisional', notice: '管理员手工录入' }, stored: false, updatedAt: null };
    throw yearNotFound(year);
  }

  private checkYear(year: number): void {
    if (!Number.isInteger(year) || year < MIN_CALENDAR_YEAR || year > MAX_CALENDAR_YEAR) {
      throw new DomainHttpException(404, 'CALENDAR_YEAR_NOT_FOUND', `年份须在 ${MIN_CALENDAR_YEAR}—${MAX_CALENDAR_YEAR} 之间`);
    }
  }

  /** The date's day number, when it is a real day of `year`. */
  private checkDate(year: number, date: string): number {
    this.checkYear(year);
    const [y = '', m = '', d = ''] = date.split('-');
    const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? dayNumberOf(y, m, d) : undefined;
    if (day === undefined) throw new DomainHttpException(422, 'VALIDATION_FAILED', '日期不存在', [{ field: 'date', message: `${date} 不是有效日期（YYYY-MM-DD）` }]);
    if (Number(y) !== year) throw new DomainHttpException(422, 'VALIDATION_FAILED', '日期不在该年份内', [{ field: 'date', message: `${date} 不在 ${year} 年内` }]);
    return day;
  }
}

function toResponse({ calendar, stored, updatedAt }: StoredYear): CalendarYearResponse {
  return {
    id: calendar.year,
    year: calendar.year,
    source: calendar.source === 'official' ? 'OFFICIAL' : 'PROVISIONAL',
    provisional: calendar.source !== 'official',
    stored,
    holidays: [...calendar.holidays],
    makeUpWorkdays: [...calendar.makeUpWorkdays],
    notice: calendar.notice ?? null,
    updatedAt: updatedAt ? formatShanghaiInstant(updatedAt) : null,
  };
}
