import { Controller, Get, Header, Query, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Actor } from '@haochaping/contracts';
import { ActorGuard } from '../actor/actor.guard';
import { CurrentActor } from '../actor/current-actor.decorator';
import { Roles, RolesGuard } from '../actor/roles.guard';
import { ApiError } from '../common/api-error';
import { MonthlyReportQueryDto, MonthlyReportResponse } from './monthly-report.dto';
import { MonthlyReportService } from './monthly-report.service';

/** 月度通报: the county's or a hall's month, for the console's printable report. */
@ApiTags('results')
@ApiHeader({ name: 'X-Dev-Actor', required: false, description: 'development only (refused in production): {"userId":"…","role":"COUNTY_SUPERVISOR","hallCodes":[]}' })
@ApiUnauthorizedResponse({ type: ApiError })
@UseGuards(ActorGuard, RolesGuard)
@Roles('HANDLER', 'TOWN_LEADER', 'COUNTY_SUPERVISOR', 'ADMIN')
@ApiBearerAuth()
@Controller()
export class MonthlyReportController {
  constructor(private readonly reports: MonthlyReportService) {}

  @Get('reports/monthly')
  @ApiOperation({
    summary:
      'The monthly 通报 of the county or one hall: headline figures, rankings (with the minimum of reviews), bad-review reasons, the 不予采纳 list, late cases and typical cases (anonymised: no reviewer name, phone or comment)',
  })
  @ApiOkResponse({ type: MonthlyReportResponse })
  @ApiForbiddenResponse({ type: ApiError, description: 'a role without results; the county’s report asked by a town’s role (COUNTY_REPORT_OUT_OF_SCOPE); a hall the caller does not see (HALL_OUT_OF_SCOPE)' })
  @ApiNotFoundResponse({ type: ApiError, description: 'no hall with that code (HALL_NOT_FOUND)' })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'a month not written YYYY-MM, a malformed hall code' })
  @Header('Cache-Control', 'no-store')
  monthly(@Query() query: MonthlyReportQueryDto, @CurrentActor() actor: Actor): Promise<MonthlyReportResponse> {
    return this.reports.report(actor, query);
  }
}
