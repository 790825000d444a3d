import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiForbiddenResponse, ApiHeader, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Actor } from '@haochaping/contracts';
import { CurrentActor } from '../actor/current-actor.decorator';
import { ActorGuard } from '../actor/actor.guard';
import { Roles, RolesGuard } from '../actor/roles.guard';
import { ApiError } from '../common/api-error';
import { StatisticsQueryDto } from './dto/statistics-query.dto';
import { HallStatisticsResponse, SupervisionStatisticsResponse } from './dto/statistics.response';
import { StatisticsService } from './statistics.service';

/**
 * Statistics for supervision. Hall figures are for the county (every hall) and the town roles (their halls); a
 * department's guide co-handles single cases and has no hall to measure, so is refused.
 */
@ApiTags('statistics')
@ApiHeader({ name: 'X-Dev-Actor', required: false, description: 'development only (refused in production): {"userId":"…","role":"COUNTY_SUPERVISOR","hallCodes":[]}' })
@ApiUnauthorizedResponse({ type: ApiError })
@ApiForbiddenResponse({ type: ApiError })
@UseGuards(ActorGuard, RolesGuard)
@Roles('HANDLER', 'TOWN_LEADER', 'COUNTY_SUPERVISOR', 'ADMIN')
@ApiBearerAuth()
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get('halls')
  @ApiOperation({
    summary:
      'Per hall the caller sees: reviews, 差评, 好评率 (不予采纳 excluded), rectification cases opened in [from, to) open/closed, 按时办结率, and open cases overdue / escalated now',
  })
  @ApiOkResponse({ type: HallStatisticsResponse })
  @ApiUnprocessableEntityResponse({ type: ApiError })
  halls(@Query() query: StatisticsQueryDto, @CurrentActor() actor: Actor): Promise<HallStatisticsResponse> {
    return this.statistics.halls(actor, query);
  }

  @Get('supervision')
  @ApiOperation({ summary: 'Open cases overdue or escalated now, by department (of the rated service item) and by escalation level, in the caller’s halls' })
  @ApiOkResponse({ type: SupervisionStatisticsResponse })
  supervision(@CurrentActor() actor: Actor): Promise<SupervisionStatisticsResponse> {
    return this.statistics.supervision(actor);
  }
}
