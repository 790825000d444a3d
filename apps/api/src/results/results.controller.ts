import { Body, Controller, Get, Header, Put, Query, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '@haochaping/contracts';
import { ActorGuard, type RequestWithActor } from '../actor/actor.guard';
import { CurrentActor } from '../actor/current-actor.decorator';
import { Roles, RolesGuard } from '../actor/roles.guard';
import { requestContext } from '../auth/request-context';
import { ApiError } from '../common/api-error';
import { RankingsQueryDto, RankingsResponse } from './dto/rankings.dto';
import { ResultsQueryDto } from './dto/results-query.dto';
import { ResultsSettingsDto, ResultsSettingsResponse } from './dto/results-settings.dto';
import { ResultsResponse } from './dto/results.response';
import { TrendQueryDto, TrendResponse } from './dto/trend.dto';
import { contentDisposition, exportFileName, figuresCsv, figuresXlsx } from './results-export';
import { ResultsSettingsService } from './results-settings.service';
import { ResultsService } from './results.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BAD_QUERY = 'an unknown dimension or period, a malformed date, a custom period without both dates or longer than three years';

/**
 * 统计分析: the figures the county is judged by. The county sees every hall, a town's roles their own; a department's
 * guide co-handles single cases and has no hall to measure, so is refused.
 */
@ApiTags('results')
@ApiHeader({ name: 'X-Dev-Actor', required: false, description: 'development only (refused in production): {"userId":"…","role":"COUNTY_SUPERVISOR","hallCodes":[]}' })
@ApiUnauthorizedResponse({ type: ApiError })
@ApiForbiddenResponse({ type: ApiError })
@UseGuards(ActorGuard, RolesGuard)
@Roles('HANDLER', 'TOWN_LEADER', 'COUNTY_SUPERVISOR', 'ADMIN')
@ApiBearerAuth()
@Controller()
export class ResultsController {
  constructor(
    private readonly results: ResultsService,
    private readonly settings: ResultsSettingsService,
  ) {}

  @Get('results/figures')
  @ApiOperation({
    summary: 'Every figure (好评率, 差评率, 参评率, 实名差评回访率, 整改率, 按时办结率, handling time…) per hall, window, staff member, department, item, channel or reason over a day, week, month, quarter, year or custom range',
  })
  @ApiOkResponse({ type: ResultsResponse })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: BAD_QUERY })
  figures(@Query() query: ResultsQueryDto, @CurrentActor() actor: Actor): Promise<ResultsResponse> {
    return this.results.figures(actor, query);
  }

  @Get('results/figures.xlsx')
  @ApiOperation({ summary: 'The figures table as an Excel workbook: sheet 统计指标 (headers = the figures’ labels, rates in 0.0% format, a 合计 row), sheet 指标说明 (each figure’s note)' })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'the workbook', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: BAD_QUERY })
  @Header('Cache-Control', 'no-store')
  async figuresXlsx(@Query() query: ResultsQueryDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const results = await this.results.figures(actor, query);
    reply.header('Content-Type', XLSX).header('Content-Disposition', contentDisposition(exportFileName(results, 'xlsx')));
    return figuresXlsx(results);
  }

  @Get('results/figures.csv')
  @ApiOperation({ summary: 'The figures table as CSV (UTF-8 with BOM, CRLF): the same headers and rows as the workbook, rates as 44.4%, — for no figure' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'the table', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: BAD_QUERY })
  @Header('Cache-Control', 'no-store')
  async figuresCsv(@Query() query: ResultsQueryDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const results = await this.results.figures(actor, query);
    reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', contentDisposition(exportFileName(results, 'csv')));
    return figuresCsv(results);
  }

  @Get('results/trend')
  @ApiOperation({ summary: 'The figures (reviews, levels, 好评率, 差评率, 按时办结率…) per day, week or month over a range, county-wide or for one hall' })
  @ApiOkResponse({ type: TrendResponse })
  @ApiForbiddenResponse({ type: ApiError, description: 'a role without results, or a hall the caller does not see (HALL_OUT_OF_SCOPE)' })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'an unknown bucket, a malformed date or hall code, the end before the start, more than 400 buckets' })
  trend(@Query() query: TrendQueryDto, @CurrentActor() actor: Actor): Promise<TrendResponse> {
    return this.results.trend(actor, query);
  }

  @Get('results/rankings')
  @ApiOperation({ summary: 'Halls, windows, staff, departments or items by one figure over a period; only those with at least the configured number of reviews are ranked' })
  @ApiOkResponse({ type: RankingsResponse })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: `${BAD_QUERY}; a figure that is a count` })
  rankings(@Query() query: RankingsQueryDto, @CurrentActor() actor: Actor): Promise<RankingsResponse> {
    return this.results.rankings(actor, query);
  }

  @Get('results/settings')
  @ApiOperation({ summary: 'The results settings (the minimum number of reviews before anything is ranked)' })
  @ApiOkResponse({ type: ResultsSettingsResponse })
  getSettings(): Promise<ResultsSettingsResponse> {
    return this.settings.get();
  }

  @Put('admin/results-settings')
  @Roles('ADMIN')
  @ApiTags('admin')
  @ApiOperation({ summary: 'Change the results settings (audited as results-settings.update)' })
  @ApiOkResponse({ type: ResultsSettingsResponse })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'not an integer from 1 to 1000' })
  updateSettings(@Body() body: ResultsSettingsDto, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<ResultsSettingsResponse> {
    return this.settings.update(body, actor, requestContext(request));
  }
}
