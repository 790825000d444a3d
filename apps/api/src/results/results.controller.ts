import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Actor } from '@haochaping/contracts';
import { ActorGuard } from '../actor/actor.guard';
import { CurrentActor } from '../actor/current-actor.decorator';
import { Roles, RolesGuard } from '../actor/roles.guard';
import { ApiError } from '../common/api-error';
import { ResultsQueryDto } from './dto/results-query.dto';
import { ResultsResponse } from './dto/results.response';
import { ResultsService } from './results.service';

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
@Controller('results')
export class ResultsController {
  constructor(private readonly results: ResultsService) {}

  @Get('figures')
  @ApiOperation({
    summary: 'Every figure (好评率, 差评率, 参评率, 实名差评回访率, 整改率, 按时办结率, handling time…) per hall, window, staff member, department, item, channel or reason over a day, week, month, quarter, year or custom range',
  })
  @ApiOkResponse({ type: ResultsResponse })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'an unknown dimension or period, a malformed date, a custom period without both dates or longer than three years' })
  figures(@Query() query: ResultsQueryDto, @CurrentActor() actor: Actor): Promise<ResultsResponse> {
    return this.results.figures(actor, query);
  }
}
