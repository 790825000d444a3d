import { applyDecorators, Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
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
import { setContentRange } from '../common/simple-rest/simple-rest-list';
import { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { ImprovementSettingsDto, ImprovementSettingsResponse } from './dto/improvement-settings.dto';
import {
  AcceptProposalDto,
  DismissalResponse,
  DismissProposalDto,
  ImprovementActionDto,
  ImprovementItemDetailResponse,
  ImprovementItemResponse,
  ImprovementProposalsResponse,
} from './dto/improvements.dto';
import { ImprovementSettingsService } from './improvement-settings.service';
import { IMPROVEMENT_ITEMS_RESOURCE, ImprovementsService } from './improvements.service';

const STALE_PROPOSAL = 'PROPOSAL_NOT_FOUND: no such proposal now (below the count, already accepted or dismissed)';
const ALREADY_OPEN = 'IMPROVEMENT_ALREADY_OPEN: an item for this recurrence is open';
const ACTION_CONFLICT = 'IMPROVEMENT_STATE_CONFLICT: the item’s status does not allow it (or it changed meanwhile); IMPROVEMENT_ALREADY_OPEN on reopening while a newer item of the recurrence is open';

/** What a report on an item (progress, done, reopen) answers: the item as it now is, or the refusals of the rules table. */
const ItemReport = (summary: string) =>
  applyDecorators(
    HttpCode(200),
    ApiOperation({ summary }),
    ApiOkResponse({ type: ImprovementItemDetailResponse }),
    ApiNotFoundResponse({ type: ApiError, description: 'IMPROVEMENT_NOT_FOUND (also another owner’s item)' }),
    ApiConflictResponse({ type: ApiError, description: ACTION_CONFLICT }),
    ApiUnprocessableEntityResponse({ type: ApiError, description: 'no note' }),
  );

/**
 * 优化清单 (issue 14): recurring reasons of bad reviews proposed to the county, accepted as improvement items with an
 * owner and a due date, tracked to done. The county (supervisor) decides; the owner reports; admins read and set the
 * recurrence settings. Who sees and does what is improvement-item.rules.ts.
 */
@ApiTags('improvements')
@ApiHeader({ name: 'X-Dev-Actor', required: false, description: 'development only (refused in production): {"userId":"…","role":"COUNTY_SUPERVISOR","hallCodes":[]}' })
@ApiUnauthorizedResponse({ type: ApiError })
@ApiForbiddenResponse({ type: ApiError })
@UseGuards(ActorGuard, RolesGuard)
@ApiBearerAuth()
@Controller()
export class ImprovementsController {
  constructor(
    private readonly improvements: ImprovementsService,
    private readonly settings: ImprovementSettingsService,
  ) {}

  @Get('improvements/proposals')
  @Roles('COUNTY_SUPERVISOR', 'ADMIN')
  @ApiOperation({ summary: 'The proposals now: reasons (option codes, free-text themes) recurring among bad reviews per hall and item at or above the configured count in the period, with the reviews behind them' })
  @ApiOkResponse({ type: ImprovementProposalsResponse })
  proposals(): Promise<ImprovementProposalsResponse> {
    return this.improvements.proposals();
  }

  @Post('improvements/proposals/accept')
  @Roles('COUNTY_SUPERVISOR')
  @ApiOperation({ summary: 'Accept a proposal as an improvement item (待整改) with an owner (hall or department) and a due date; audited as improvement.accept' })
  @ApiCreatedResponse({ type: ImprovementItemDetailResponse })
  @ApiNotFoundResponse({ type: ApiError, description: STALE_PROPOSAL })
  @ApiConflictResponse({ type: ApiError, description: ALREADY_OPEN })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'a malformed or past due date, an unknown owner' })
  accept(@Body() body: AcceptProposalDto, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<ImprovementItemDetailResponse> {
    return this.improvements.accept(body, actor, requestContext(request));
  }

  @Post('improvements/proposals/dismiss')
  @Roles('COUNTY_SUPERVISOR')
  @ApiOperation({ summary: 'Dismiss a proposal with a reason (its reviews are not proposed again); audited as improvement.dismiss' })
  @ApiCreatedResponse({ type: DismissalResponse })
  @ApiNotFoundResponse({ type: ApiError, description: STALE_PROPOSAL })
  @ApiConflictResponse({ type: ApiError, description: ALREADY_OPEN })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'no reason' })
  dismiss(@Body() body: DismissProposalDto, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<DismissalResponse> {
    return this.improvements.dismiss(body, actor, requestContext(request));
  }

  @Get('improvement-items')
  @Roles('HANDLER', 'TOWN_LEADER', 'DEPT_GUIDE', 'COUNTY_SUPERVISOR', 'ADMIN')
  @ApiOperation({ summary: 'react-admin simple-rest list of improvement items (filters id, status, hallCode, ownerCode, overdue; total in Content-Range): the county every item, an owner theirs' })
  @ApiOkResponse({ type: [ImprovementItemResponse] })
  @ApiUnprocessableEntityResponse({ type: ApiError })
  async list(@Query() query: SimpleRestListQueryDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<ImprovementItemResponse[]> {
    const page = await this.improvements.list(actor, query);
    setContentRange(reply, IMPROVEMENT_ITEMS_RESOURCE.name, page);
    return page.rows;
  }

  @Get('improvement-items/:id')
  @Roles('HANDLER', 'TOWN_LEADER', 'DEPT_GUIDE', 'COUNTY_SUPERVISOR', 'ADMIN')
  @ApiOperation({ summary: 'An improvement item with the reviews behind it and its history (from the audit trail)' })
  @ApiOkResponse({ type: ImprovementItemDetailResponse })
  @ApiNotFoundResponse({ type: ApiError, description: 'IMPROVEMENT_NOT_FOUND (also another owner’s item)' })
  detail(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<ImprovementItemDetailResponse> {
    return this.improvements.detail(id, actor);
  }

  @Post('improvement-items/:id/progress')
  @Roles('HANDLER', 'TOWN_LEADER', 'DEPT_GUIDE', 'COUNTY_SUPERVISOR')
  @ItemReport('The owner (or the county) reports progress: 待整改/整改中 → 整改中; audited as improvement.progress')
  progress(@Param('id') id: string, @Body() body: ImprovementActionDto, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<ImprovementItemDetailResponse> {
    return this.improvements.act(id, 'progress', body, actor, requestContext(request));
  }

  @Post('improvement-items/:id/complete')
  @Roles('HANDLER', 'TOWN_LEADER', 'DEPT_GUIDE', 'COUNTY_SUPERVISOR')
  @ItemReport('The owner (or the county) reports it done with a note: 待整改/整改中 → 已完成; audited as improvement.complete')
  complete(@Param('id') id: string, @Body() body: ImprovementActionDto, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<ImprovementItemDetailResponse> {
    return this.improvements.act(id, 'complete', body, actor, requestContext(request));
  }

  @Post('improvement-items/:id/reopen')
  @Roles('COUNTY_SUPERVISOR')
  @ItemReport('The county reopens a done item with a reason: 已完成 → 整改中; audited as improvement.reopen')
  reopen(@Param('id') id: string, @Body() body: ImprovementActionDto, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<ImprovementItemDetailResponse> {
    return this.improvements.act(id, 'reopen', body, actor, requestContext(request));
  }

  @Get('improvements/settings')
  @Roles('COUNTY_SUPERVISOR', 'ADMIN')
  @ApiOperation({ summary: 'The recurrence settings: the count and period that make a proposal, and the free-text themes (keywords)' })
  @ApiOkResponse({ type: ImprovementSettingsResponse })
  getSettings(): Promise<ImprovementSettingsResponse> {
    return this.settings.get();
  }

  @Put('admin/improvement-settings')
  @Roles('ADMIN')
  @ApiTags('admin')
  @ApiOperation({ summary: 'Change the recurrence settings (audited as improvement-settings.update)' })
  @ApiOkResponse({ type: ImprovementSettingsResponse })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'a count below 2, a period outside 1–366 days, a theme without keywords or named twice' })
  updateSettings(@Body() body: ImprovementSettingsDto, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<ImprovementSettingsResponse> {
    return this.settings.update(body, actor, requestContext(request));
  }
}
