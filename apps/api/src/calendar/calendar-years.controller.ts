import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Query, Req, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '@haochaping/contracts';
import { CurrentActor } from '../actor/current-actor.decorator';
import { ActorGuard, type RequestWithActor } from '../actor/actor.guard';
import { Roles, RolesGuard } from '../actor/roles.guard';
import { requestContext } from '../auth/request-context';
import { ApiError, DomainHttpException } from '../common/api-error';
import { setContentRange } from '../common/simple-rest/simple-rest-list';
import { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { MasterDataChangeInterceptor } from '../master-data/master-data-change.interceptor';
import { CALENDAR_YEARS_RESOURCE, CalendarYearsService, MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR } from './calendar-years.service';
import { CalendarDayDto, CalendarYearResponse, ImportNoticeDto, ImportNoticeResponse } from './dto/calendar-year.dto';

/** What a write to a year outside MIN_CALENDAR_YEAR–MAX_CALENDAR_YEAR (or not a whole number) answers. */
const YEAR_OUT_OF_RANGE = `CALENDAR_YEAR_NOT_FOUND: the year is not a whole number from ${MIN_CALENDAR_YEAR} to ${MAX_CALENDAR_YEAR}`;
const yearParam = () => new ParseIntPipe({ exceptionFactory: () => new DomainHttpException(404, 'CALENDAR_YEAR_NOT_FOUND', '未找到该年份') });

/**
 * The working-time calendar by year (`/api/calendar-years`, react-admin's resource `calendar-years`). Every signed-in
 * user reads it (the same data every deadline is computed from); only admins change it.
 */
@ApiTags('calendar')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ApiError })
@ApiForbiddenResponse({ type: ApiError, description: 'a change by someone who is not an ADMIN' })
@UseGuards(ActorGuard, RolesGuard)
@UseInterceptors(MasterDataChangeInterceptor)
@Controller('calendar-years')
export class CalendarYearsController {
  constructor(private readonly years: CalendarYearsService) {}

  @Get()
  @ApiOperation({ summary: 'react-admin simple-rest list: stored years, and this year and the next from the statutory fallback when not stored' })
  @ApiOkResponse({ type: [CalendarYearResponse] })
  async list(@Query() query: SimpleRestListQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<CalendarYearResponse[]> {
    const page = await this.years.list(query);
    setContentRange(reply, CALENDAR_YEARS_RESOURCE.name, page);
    return page.rows;
  }

  @Get(':year')
  @ApiOperation({ summary: "A year's days off and make-up working days; provisional until its notice is imported" })
  @ApiOkResponse({ type: CalendarYearResponse })
  @ApiNotFoundResponse({ type: ApiError })
  get(@Param('year', yearParam()) year: number): Promise<CalendarYearResponse> {
    return this.years.get(year);
  }

  @Post(':year/days')
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Makes a weekday a holiday or a weekend day a 调休 working day; counts for deadlines computed from now on' })
  @ApiOkResponse({ type: CalendarYearResponse })
  @ApiNotFoundResponse({ type: ApiError, description: YEAR_OUT_OF_RANGE })
  @ApiUnprocessableEntityResponse({ type: ApiError })
  addDay(@Param('year', yearParam()) year: number, @Body() body: CalendarDayDto, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<CalendarYearResponse> {
    return this.years.addDay(year, body, actor, requestContext(request));
  }

  @Delete(':year/days/:date')
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Removes a holiday or a make-up working day (the date counts by its weekday again)' })
  @ApiOkResponse({ type: CalendarYearResponse })
  @ApiNotFoundResponse({ type: ApiError, description: 'CALENDAR_DAY_NOT_FOUND' })
  removeDay(@Param('year', yearParam()) year: number, @Param('date') date: string, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<CalendarYearResponse> {
    return this.years.removeDay(year, date, actor, requestContext(request));
  }

  @Post(':year/notice')
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOperation({ summary: "Imports the year's State Council notice (text lines or CSV rows): replaces its days, marks it OFFICIAL; any bad line → 422 with every bad line, nothing stored" })
  @ApiOkResponse({ type: ImportNoticeResponse })
  @ApiNotFoundResponse({ type: ApiError, description: YEAR_OUT_OF_RANGE })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'NOTICE_INVALID: errors[].field is text.line.<n>' })
  importNotice(@Param('year', yearParam()) year: number, @Body() body: ImportNoticeDto, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<ImportNoticeResponse> {
    return this.years.importNotice(year, body, actor, requestContext(request));
  }
}
