import { Body, Controller, Get, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
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
import { ApiError } from '../common/api-error';
import {
  ExchangeDeadLettersResponse,
  ExchangeHallDayDto,
  ExchangeHallDayResentResponse,
  ExchangeOverviewResponse,
  ExchangeReconciliationResponse,
  ExchangeReconciliationRunResponse,
  ExchangeRequeuedResponse,
} from './dto/exchange-admin.dto';
import { ExchangeAdminService } from './exchange-admin.service';

/**
 * 上报管理 (issue 15): the upward exchange to 济宁市 and 山东省. The county supervises every hall's data and the admins
 * run the system, so both see it and re-send; the town roles and the departments' guides do not.
 */
@ApiTags('exchange-admin')
@ApiHeader({ name: 'X-Dev-Actor', required: false, description: 'development only (refused in production): {"userId":"…","role":"COUNTY_SUPERVISOR","hallCodes":[]}' })
@ApiUnauthorizedResponse({ type: ApiError })
@ApiForbiddenResponse({ type: ApiError })
@UseGuards(ActorGuard, RolesGuard)
@Roles('COUNTY_SUPERVISOR', 'ADMIN')
@ApiBearerAuth()
@Controller('exchange')
export class ExchangeAdminController {
  constructor(private readonly exchange: ExchangeAdminService) {}

  @Get('overview')
  @ApiOperation({ summary: '上报概况: records waiting (queue depth), delivered today, dead letters, the lag (oldest waiting; written → delivered today, p50/p95) and the newest POST' })
  @ApiOkResponse({ type: ExchangeOverviewResponse })
  overview(): Promise<ExchangeOverviewResponse> {
    return this.exchange.overview();
  }

  @Get('dead-letters')
  @ApiOperation({ summary: '上报失败: the dead letters, newest first, with their attempts and last error' })
  @ApiOkResponse({ type: ExchangeDeadLettersResponse })
  deadLetters(): Promise<ExchangeDeadLettersResponse> {
    return this.exchange.deadLetters();
  }

  @Post('dead-letters/resend')
  @HttpCode(200)
  @ApiOperation({ summary: '全部重新上报: every dead letter back to the queue, in one transaction (audited as exchange-dead-letters.resend-all)' })
  @ApiOkResponse({ type: ExchangeRequeuedResponse })
  resendAll(@CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<ExchangeRequeuedResponse> {
    return this.exchange.resendAllDeadLetters(actor, requestContext(request));
  }

  @Post('dead-letters/:id/resend')
  @HttpCode(200)
  @ApiOperation({ summary: '重新上报: one dead letter back to the queue, in one transaction (audited as exchange-dead-letter.resend)' })
  @ApiParam({ name: 'id', description: 'the outbox row’s id (a dead letter’s `id`)', example: '42' })
  @ApiOkResponse({ type: ExchangeRequeuedResponse })
  @ApiNotFoundResponse({ type: ApiError })
  @ApiConflictResponse({ type: ApiError, description: 'the row is not a dead letter (delivered, or already waiting)' })
  resendOne(@Param('id') id: string, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<ExchangeRequeuedResponse> {
    return this.exchange.resendDeadLetter(id, actor, requestContext(request));
  }

  @Get('reconciliation')
  @ApiOperation({ summary: '每日核对: the stored comparisons of our counts per hall, day and type with the upstream’s that differ' })
  @ApiOkResponse({ type: ExchangeReconciliationResponse })
  reconciliation(): Promise<ExchangeReconciliationResponse> {
    return this.exchange.reconciliation();
  }

  @Post('reconciliation/run')
  @HttpCode(200)
  @ApiOperation({ summary: '立即核对: checks today and the six days before now on the worker (audited as exchange-reconciliation.start); answers with the result when it ends within 30 s' })
  @ApiOkResponse({ type: ExchangeReconciliationRunResponse })
  @ApiConflictResponse({ type: ApiError, description: 'EXCHANGE_NOT_CONFIGURED: no upstream is configured (UPSTREAM_URL), so there is nothing to compare with' })
  @ApiServiceUnavailableResponse({ type: ApiError, description: 'Temporal or the upstream is away' })
  run(@CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<ExchangeReconciliationRunResponse> {
    return this.exchange.runReconciliation(actor, requestContext(request));
  }

  @Post('reconciliation/resend')
  @HttpCode(200)
  @ApiOperation({ summary: '重新上报 a hall-day: its records back to the queue (reviews without an outbox row get one), in one transaction (audited as exchange-reconciliation.resend)' })
  @ApiOkResponse({ type: ExchangeHallDayResentResponse })
  @ApiNotFoundResponse({ type: ApiError, description: 'no such hall' })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'not a day, or no hall code' })
  resendHallDay(@Body() body: ExchangeHallDayDto, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<ExchangeHallDayResentResponse> {
    return this.exchange.resendHallDay(body, actor, requestContext(request));
  }
}
