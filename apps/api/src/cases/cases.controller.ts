import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, UseGuards } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiBearerAuth, ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '@haochaping/contracts';
import { CurrentActor } from '../actor/current-actor.decorator';
import { ActorGuard } from '../actor/actor.guard';
import { Roles, RolesGuard } from '../actor/roles.guard';
import { ApiError, DomainHttpException } from '../common/api-error';
import { setContentRange } from '../common/simple-rest/simple-rest-list';
import { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { MAX_CSV_ROWS } from './case-csv';
import { CaseImportService } from './case-import.service';
import { CASES_RESOURCE, CasesService } from './cases.service';
import { CaseImportQueryDto, isDryRun } from './dto/case-import-query.dto';
import { CaseIntakeReportResponse } from './dto/case-intake-report.response';
import { CaseDetailResponse, CaseResponse } from './dto/case.response';
import { BodyLimit } from './http-body.setup';

/** 5,000 lines of mostly Chinese text (3 bytes a character in UTF-8). */
const CSV_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

const caseNotFound = () => new DomainHttpException(404, 'CASE_NOT_FOUND', '未找到该办件');
const DEV_ACTOR = { name: 'X-Dev-Actor', required: false, description: 'development only: {"userId":"…","role":"ADMIN","hallCodes":[]}' };

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly imports: CaseImportService,
  ) {}

  @Post('import')
  @HttpCode(200)
  @UseGuards(ActorGuard, RolesGuard)
  @Roles('ADMIN', 'COUNTY_SUPERVISOR')
  @BodyLimit(CSV_BODY_LIMIT_BYTES)
  @ApiHeader(DEV_ACTOR)
  @ApiOperation({
    summary: `Imports cases from CSV (UTF-8, BOM allowed, ≤ ${MAX_CSV_ROWS} lines); the same rules and report as the API, with line numbers`,
    description:
      'Idempotent by case number: a known number resent as stored is `unchanged` (not written), with a change `updated`. ' +
      'With `?dryRun=1` the same parse, checks and comparison run and nothing is written: the report (dryRun: true) lists every bad line and what a commit would do.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: '办件编号,事项编码,服务大厅编码,…' } })
  @ApiOkResponse({ type: CaseIntakeReportResponse })
  @ApiUnauthorizedResponse({ type: ApiError })
  @ApiForbiddenResponse({ type: ApiError })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'CSV_INVALID (not UTF-8, unreadable, wrong headers), BATCH_TOO_LARGE, or VALIDATION_FAILED (dryRun not 1/0/true/false)' })
  @ApiUnsupportedMediaTypeResponse({ type: ApiError })
  @ApiPayloadTooLargeResponse({ type: ApiError })
  importCsv(@Body() body: unknown, @Query() query: CaseImportQueryDto, @CurrentActor() actor: Actor): Promise<CaseIntakeReportResponse> {
    // text/csv arrives as bytes (HttpBodySetup), text/plain as a string; anything else was meant for another endpoint.
    if (!(body instanceof Uint8Array) && typeof body !== 'string') throw new DomainHttpException(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 text/csv 格式上传（UTF-8 编码的 CSV 文件内容）');
    return this.imports.importCsv(body, actor.userId, isDryRun(query));
  }

  @Get()
  @UseGuards(ActorGuard, RolesGuard)
  @Roles('HANDLER', 'TOWN_LEADER', 'DEPT_GUIDE', 'COUNTY_SUPERVISOR', 'ADMIN')
  @ApiHeader(DEV_ACTOR)
  @ApiOperation({
    summary:
      'react-admin simple-rest list of cases in the actor’s halls (filter hallCode, windowCode, serviceItemCode, channel, caseNumber, completedFrom, completedTo (exclusive), rated, id; sort; range)',
  })
  @ApiOkResponse({ type: [CaseResponse] })
  @ApiUnprocessableEntityResponse({ type: ApiError })
  async list(@Query() query: SimpleRestListQueryDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<CaseResponse[]> {
    const page = await this.cases.list(query, actor);
    setContentRange(reply, CASES_RESOURCE.name, page);
    return page.rows;
  }

  @Get(':id')
  @UseGuards(ActorGuard, RolesGuard)
  @Roles('HANDLER', 'TOWN_LEADER', 'DEPT_GUIDE', 'COUNTY_SUPERVISOR', 'ADMIN')
  @ApiHeader(DEV_ACTOR)
  @ApiOperation({ summary: 'One case, applicant masked, with its review if rated' })
  @ApiOkResponse({ type: CaseDetailResponse })
  @ApiForbiddenResponse({ type: ApiError })
  @ApiNotFoundResponse({ type: ApiError })
  get(@Param('id', new ParseUUIDPipe({ exceptionFactory: caseNotFound })) id: string, @CurrentActor() actor: Actor): Promise<CaseDetailResponse> {
    return this.cases.get(id, actor);
  }
}
