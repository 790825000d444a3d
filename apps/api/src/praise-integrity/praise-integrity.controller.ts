import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
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
import { DetectionRequestDto, DetectionResponse, FlagDecisionDto, FlagDetailResponse, FlagResponse } from './dto/praise-integrity-flags.dto';
import { PraiseIntegritySettingsDto, PraiseIntegritySettingsResponse } from './dto/praise-integrity-settings.dto';
import { FLAGS_RESOURCE } from './praise-integrity-flags.resource';
import { PraiseIntegritySettingsService } from './praise-integrity-settings.service';
import { flagNotFound, PraiseIntegrityService } from './praise-integrity.service';

/**
 * 刷好评 (coerced praise) detection: the county supervisor runs the rules, reviews the flags and decides them; the
 * admin sets the rules' thresholds. Nobody else: the flags name windows, staff and client addresses.
 */
@ApiTags('praise-integrity')
@ApiHeader({ name: 'X-Dev-Actor', required: false, description: 'development only (refused in production): {"userId":"…","role":"COUNTY_SUPERVISOR","hallCodes":[]}' })
@ApiUnauthorizedResponse({ type: ApiError })
@ApiForbiddenResponse({ type: ApiError, description: 'not the county supervisor (settings: not an admin)' })
@UseGuards(ActorGuard, RolesGuard)
@Roles('COUNTY_SUPERVISOR')
@ApiBearerAuth()
@Controller()
export class PraiseIntegrityController {
  constructor(
    private readonly integrity: PraiseIntegrityService,
    private readonly settings: PraiseIntegritySettingsService,
  ) {}

  @Post('praise-integrity/detections')
  @HttpCode(200)
  @ApiOperation({ summary: 'Runs the four 刷好评 rules over a range of Shanghai days (default the last 7); new findings become flags, known open flags gain reviews, nothing is duplicated (audited as praise-integrity.detect)' })
  @ApiOkResponse({ type: DetectionResponse })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'a malformed date, the end before the start, more than 92 days' })
  detect(@Body() body: DetectionRequestDto, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<DetectionResponse> {
    return this.integrity.detect(body, actor, requestContext(request));
  }

  @Get('praise-integrity/flags')
  @ApiOperation({ summary: 'react-admin simple-rest list of the flags (filter id, status, rule, hallCode; sort detectedAt, day, status, rule; range; total in Content-Range)' })
  @ApiOkResponse({ type: [FlagResponse] })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'an unknown filter, sort or range' })
  async list(@Query() query: SimpleRestListQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<FlagResponse[]> {
    const page = await this.integrity.list(query);
    setContentRange(reply, FLAGS_RESOURCE.name, page);
    return page.rows;
  }

  @Get('praise-integrity/flags/:id')
  @ApiOperation({ summary: 'One flag with its evidence and its reviews (level, channel, times, delay after completion, window, staff, address, device)' })
  @ApiOkResponse({ type: FlagDetailResponse })
  @ApiNotFoundResponse({ type: ApiError, description: 'FLAG_NOT_FOUND' })
  detail(@Param('id', new ParseUUIDPipe({ exceptionFactory: flagNotFound })) id: string): Promise<FlagDetailResponse> {
    return this.integrity.detail(id);
  }

  @Post('praise-integrity/flags/:id/decision')
  @HttpCode(200)
  @ApiOperation({ summary: '已核查（无问题） or 确认刷好评: confirming excludes the flag’s reviews from every figure (counted apart as 确认刷好评排除数), in one transaction with the audit line' })
  @ApiOkResponse({ type: FlagDetailResponse })
  @ApiNotFoundResponse({ type: ApiError, description: 'FLAG_NOT_FOUND' })
  @ApiConflictResponse({ type: ApiError, description: 'FLAG_ALREADY_DECIDED' })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'an unknown decision, a note over 500 characters' })
  decide(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: flagNotFound })) id: string,
    @Body() body: FlagDecisionDto,
    @CurrentActor() actor: Actor,
    @Req() request: RequestWithActor,
  ): Promise<FlagDetailResponse> {
    return this.integrity.decide(id, body, actor, requestContext(request));
  }

  @Get('praise-integrity/settings')
  @Roles('COUNTY_SUPERVISOR', 'ADMIN')
  @ApiOperation({ summary: 'The 刷好评 rules’ thresholds and the halls’ own networks' })
  @ApiOkResponse({ type: PraiseIntegritySettingsResponse })
  getSettings(): Promise<PraiseIntegritySettingsResponse> {
    return this.settings.get();
  }

  @Put('admin/praise-integrity-settings')
  @Roles('ADMIN')
  @ApiTags('admin')
  @ApiOperation({ summary: 'Change the 刷好评 rules’ thresholds and the halls’ own networks (audited as praise-integrity-settings.update)' })
  @ApiOkResponse({ type: PraiseIntegritySettingsResponse })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'a threshold out of range, an unknown hall code, a network that is no CIDR' })
  updateSettings(@Body() body: PraiseIntegritySettingsDto, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<PraiseIntegritySettingsResponse> {
    return this.settings.update(body, actor, requestContext(request));
  }
}
