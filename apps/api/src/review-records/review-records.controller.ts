import { Controller, Get, Header, Param, ParseUUIDPipe, Query, Res, UseGuards } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiBearerAuth, ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '@haochaping/contracts';
import { CurrentActor } from '../actor/current-actor.decorator';
import { ActorGuard } from '../actor/actor.guard';
import { Roles, RolesGuard } from '../actor/roles.guard';
import { ApiError, DomainHttpException } from '../common/api-error';
import { setContentRange } from '../common/simple-rest/simple-rest-list';
import { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { ReviewRecordResponse } from './dto/review-record.response';
import { reviewsCsv } from './review-csv';
import { MAX_EXPORT_ROWS, ReviewRecordsService, REVIEWS_RESOURCE } from './review-records.service';

const reviewNotFound = () => new DomainHttpException(404, 'REVIEW_NOT_FOUND', '未找到该评价');
const FILTERS = 'filter hallCode, channel, level (1–5), createdFrom, createdTo (exclusive), adoption, hasRectification, serviceItemCode, departmentCode, q, id';

/** 评价记录: the console's list, detail and CSV export of reviews, in the caller's scope, reviewers masked. */
@ApiTags('reviews')
@ApiHeader({ name: 'X-Dev-Actor', required: false, description: 'development only (refused in production): {"userId":"…","role":"HANDLER","hallCodes":["jintun"]}' })
@ApiUnauthorizedResponse({ type: ApiError })
@UseGuards(ActorGuard, RolesGuard)
@Roles('HANDLER', 'TOWN_LEADER', 'DEPT_GUIDE', 'COUNTY_SUPERVISOR', 'ADMIN')
@ApiBearerAuth()
@Controller('reviews')
export class ReviewRecordsController {
  constructor(private readonly reviews: ReviewRecordsService) {}

  @Get()
  @ApiOperation({ summary: `react-admin simple-rest list of reviews in the actor’s scope (${FILTERS}; sort createdAt, level; range)` })
  @ApiOkResponse({ type: [ReviewRecordResponse] })
  @ApiUnprocessableEntityResponse({ type: ApiError })
  async list(@Query() query: SimpleRestListQueryDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReviewRecordResponse[]> {
    const page = await this.reviews.list(query, actor);
    setContentRange(reply, REVIEWS_RESOURCE.name, page);
    return page.rows;
  }

  @Get('export.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', `attachment; filename="reviews.csv"; filename*=UTF-8''${encodeURIComponent('评价记录.csv')}`)
  @ApiOperation({ summary: `The reviews the list's filter and sort match, as CSV (UTF-8 with BOM, Chinese headers, reviewer masked; at most ${MAX_EXPORT_ROWS} rows)` })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'the CSV file' })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'VALIDATION_FAILED, or EXPORT_TOO_LARGE' })
  async exportCsv(@Query() query: SimpleRestListQueryDto, @CurrentActor() actor: Actor): Promise<string> {
    return reviewsCsv(await this.reviews.exportRows(query, actor));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One review, reviewer masked, with its rectification case’s state when it is a bad review' })
  @ApiOkResponse({ type: ReviewRecordResponse })
  @ApiForbiddenResponse({ type: ApiError })
  @ApiNotFoundResponse({ type: ApiError })
  get(@Param('id', new ParseUUIDPipe({ exceptionFactory: reviewNotFound })) id: string, @CurrentActor() actor: Actor): Promise<ReviewRecordResponse> {
    return this.reviews.get(id, actor);
  }
}
