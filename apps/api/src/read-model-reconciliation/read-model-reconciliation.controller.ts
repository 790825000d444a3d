import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Req, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Actor } from '@haochaping/contracts';
import { ActorGuard, type RequestWithActor } from '../actor/actor.guard';
import { CurrentActor } from '../actor/current-actor.decorator';
import { Roles, RolesGuard } from '../actor/roles.guard';
import { requestContext } from '../auth/request-context';
import { ApiError, DomainHttpException } from '../common/api-error';
import {
  ReconciliationRunDetailResponse,
  ReconciliationRunsResponse,
  ReconciliationSettingsDto,
  ReconciliationSettingsResponse,
  ReconciliationStartedResponse,
} from './dto/read-model-reconciliation.dto';
import { ReadModelReconciliationService } from './read-model-reconciliation.service';

const runId = () => new ParseUUIDPipe({ exceptionFactory: () => new DomainHttpException(404, 'RECONCILIATION_NOT_FOUND', '未找到该核对记录') });

/**
 * 数据核对: the read model's reconciler (issue 16). The county supervises every hall and the admins run the system, so
 * both see the reports and may start a run; the town roles and the departments' guides do not.
 */
@ApiTags('read-model-reconciliation')
@ApiHeader({ name: 'X-Dev-Actor', required: false, description: 'development only (refused in production): {"userId":"…","role":"COUNTY_SUPERVISOR","hallCodes":[]}' })
@ApiUnauthorizedResponse({ type: ApiError })
@ApiForbiddenResponse({ type: ApiError })
@UseGuards(ActorGuard, RolesGuard)
@Roles('COUNTY_SUPERVISOR', 'ADMIN')
@ApiBearerAuth()
@Controller()
export class ReadModelReconciliationController {
  constructor(private readonly reconciliation: ReadModelReconciliationService) {}

  @Get('read-model-reconciliations')
  @ApiOperation({ summary: 'The newest runs of the read model’s reconciler (daily, 立即核对, CLI): when, how many cases checked, drifted and repaired; and N (closed cases of the last N days are checked too)' })
  @ApiOkResponse({ type: ReconciliationRunsResponse })
  list(): Promise<ReconciliationRunsResponse> {
    return this.reconciliation.list();
  }

  @Post('read-model-reconciliations')
  @HttpCode(202)
  @ApiOperation({ summary: '立即核对: starts a run now on the worker (audited as read-model-reconciliation.start); its report fills in as it goes' })
  @ApiAcceptedResponse({ type: ReconciliationStartedResponse })
  @ApiServiceUnavailableResponse({ type: ApiError, description: 'Temporal is away: the run is recorded as FAILED' })
  start(@CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<ReconciliationStartedResponse> {
    return this.reconciliation.start(actor, requestContext(request));
  }

  @Get('read-model-reconciliations/:id')
  @ApiOperation({ summary: 'One run’s report: every case found drifted, the fields that differed from the workflow’s state, repaired or why not' })
  @ApiOkResponse({ type: ReconciliationRunDetailResponse })
  @ApiNotFoundResponse({ type: ApiError })
  detail(@Param('id', runId()) id: string): Promise<ReconciliationRunDetailResponse> {
    return this.reconciliation.detail(id);
  }

  @Put('admin/read-model-reconciliation-settings')
  @Roles('ADMIN')
  @ApiTags('admin')
  @ApiOperation({ summary: 'Change N, the days of closed cases every run checks (audited as read-model-reconciliation-settings.update)' })
  @ApiOkResponse({ type: ReconciliationSettingsResponse })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'not an integer from 0 to 90' })
  updateSettings(@Body() body: ReconciliationSettingsDto, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<ReconciliationSettingsResponse> {
    return this.reconciliation.updateSettings(body, actor, requestContext(request));
  }
}
