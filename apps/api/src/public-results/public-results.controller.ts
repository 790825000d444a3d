import { Controller, Get, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../common/api-error';
import { PublicHallResultsResponse, PublicResultsQueryDto, PublicResultsResponse } from './dto/public-results.dto';
import { PUBLIC_RESULTS_MAX_AGE_SECONDS, sendCacheable } from './http-cache';
import { PublicResultsRateLimitGuard } from './public-results-rate-limit.guard';
import { PublicResultsService } from './public-results.service';

const CACHE_HEADERS = {
  'Cache-Control': { description: `public, max-age=${PUBLIC_RESULTS_MAX_AGE_SECONDS}`, schema: { type: 'string' } },
  ETag: { description: 'a strong tag over the body; send it back as If-None-Match to get 304 while nothing changed', schema: { type: 'string' } },
} as const;
const NOT_MODIFIED = { status: 304, description: 'Not Modified: If-None-Match names the current ETag; no body', headers: CACHE_HEADERS } as const;

/**
 * 结果公开 (issue 14, "Public pages"): the results the county publishes, read without sign-in by the public pages,
 * the halls' screens, the county website and WeChat (the JSON feed). No personal data: halls' names and figures only.
 */
@ApiTags('public')
@ApiTooManyRequestsResponse({
  type: ApiError,
  description: 'TOO_MANY_REQUESTS: over the per-address limit (PUBLIC_RATE_LIMIT_PER_MINUTE)',
  headers: { 'Retry-After': { description: 'seconds until the limit allows another request', schema: { type: 'integer' } } },
})
@UseGuards(PublicResultsRateLimitGuard)
@Controller('public/results')
export class PublicResultsController {
  constructor(private readonly results: PublicResultsService) {}

  @Get()
  @ApiOperation({ summary: 'The county’s and every hall’s published figures (好评率, 差评率, 整改率, 按时办结率, 参评率, level distribution) and the county’s twelve-month trend; figures from fewer reviews than the minimum are withheld' })
  @ApiOkResponse({ type: PublicResultsResponse, headers: CACHE_HEADERS })
  @ApiResponse(NOT_MODIFIED)
  async county(@Query() query: PublicResultsQueryDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await sendCacheable(request, reply, await this.results.county(query.period ?? 'month'));
  }

  @Get('halls/:hallCode')
  @ApiOperation({ summary: 'One hall’s published figures, level distribution and twelve-month trend' })
  @ApiOkResponse({ type: PublicHallResultsResponse, headers: CACHE_HEADERS })
  @ApiResponse(NOT_MODIFIED)
  @ApiNotFoundResponse({ type: ApiError, description: 'UNKNOWN_HALL' })
  async hall(@Param('hallCode') hallCode: string, @Query() query: PublicResultsQueryDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await sendCacheable(request, reply, await this.results.hall(hallCode, query.period ?? 'month'));
  }
}
