import { Body, Controller, Get, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '@haochaping/contracts';
import { CurrentActor } from '../actor/current-actor.decorator';
import { ActorGuard, type RequestWithActor } from '../actor/actor.guard';
import { requestContext } from '../auth/request-context';
import { ApiError, DomainHttpException } from '../common/api-error';
import { Int4KeyPipe } from '../common/integer-key';
import { setContentRange } from '../common/simple-rest/simple-rest-list';
import { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { CreateSlaPolicyVersionDto, SlaPolicyVersionResponse } from './dto/sla-policy-version.dto';
import { Roles, RolesGuard } from '../actor/roles.guard';
import { SLA_POLICIES_RESOURCE, SlaPoliciesService } from './sla-policies.service';

// A version the column cannot hold (2147483648) is a version that does not exist, as is one that is no number.
const versionParam = () => new Int4KeyPipe(() => new DomainHttpException(404, 'SLA_POLICY_NOT_FOUND', '未找到该时限策略版本'));

/** The SLA policy's versions: the county supervisor reads them, admins save new ones; a saved version never changes. */
@ApiTags('admin')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ApiError })
@ApiForbiddenResponse({ type: ApiError })
@UseGuards(ActorGuard, RolesGuard)
@Roles('ADMIN', 'COUNTY_SUPERVISOR')
@Controller('admin/sla-policies')
export class SlaPoliciesController {
  constructor(private readonly policies: SlaPoliciesService) {}

  @Get()
  @ApiOperation({ summary: 'react-admin simple-rest list of every version (filter id, current; sort version, createdAt), with the cases under each' })
  @ApiOkResponse({ type: [SlaPolicyVersionResponse] })
  @ApiUnprocessableEntityResponse({ type: ApiError })
  async list(@Query() query: SimpleRestListQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<SlaPolicyVersionResponse[]> {
    const page = await this.policies.list(query);
    setContentRange(reply, SLA_POLICIES_RESOURCE.name, page);
    return page.rows;
  }

  @Get(':version')
  @ApiOkResponse({ type: SlaPolicyVersionResponse })
  @ApiNotFoundResponse({ type: ApiError })
  get(@Param('version', versionParam()) version: number): Promise<SlaPolicyVersionResponse> {
    return this.policies.get(version);
  }

  @Post()
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Edit = the next version; cases started after it use it, running cases keep the version they started with' })
  @ApiCreatedResponse({ type: SlaPolicyVersionResponse })
  @ApiUnprocessableEntityResponse({ type: ApiError })
  create(@Body() body: CreateSlaPolicyVersionDto, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<SlaPolicyVersionResponse> {
    return this.policies.createVersion(body, actor, requestContext(request));
  }
}
