import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseGuards, UseInterceptors } from '@nestjs/common';
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
import { setContentRange } from '../common/simple-rest/simple-rest-list';
import { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { MasterDataChangeInterceptor } from '../master-data/master-data-change.interceptor';
import { CreateOptionSetVersionDto, OptionSetVersionResponse } from './dto/option-set-version.dto';
import { OPTION_SETS_RESOURCE, OptionSetsService } from './option-sets.service';
import { Roles, RolesGuard } from '../actor/roles.guard';

const optionSetId = () => new ParseUUIDPipe({ exceptionFactory: () => new DomainHttpException(404, 'OPTION_SET_NOT_FOUND', '未找到该评价选项版本') });

/**
 * Second-level rating options, versioned: the county supervisor reads them (they shape the statistics), admins save
 * new versions. There is no PUT or DELETE: a version reviews were given never changes.
 */
@ApiTags('admin')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ApiError })
@ApiForbiddenResponse({ type: ApiError })
@UseGuards(ActorGuard, RolesGuard)
@Roles('ADMIN', 'COUNTY_SUPERVISOR')
@UseInterceptors(MasterDataChangeInterceptor)
@Controller('admin/option-sets')
export class OptionSetsController {
  constructor(private readonly optionSets: OptionSetsService) {}

  @Get()
  @ApiOperation({ summary: 'react-admin simple-rest list of every version (filter id, nature, current; sort version, createdAt, nature)' })
  @ApiOkResponse({ type: [OptionSetVersionResponse] })
  @ApiUnprocessableEntityResponse({ type: ApiError })
  async list(@Query() query: SimpleRestListQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<OptionSetVersionResponse[]> {
    const page = await this.optionSets.list(query);
    setContentRange(reply, OPTION_SETS_RESOURCE.name, page);
    return page.rows;
  }

  @Get(':id')
  @ApiOkResponse({ type: OptionSetVersionResponse })
  @ApiNotFoundResponse({ type: ApiError })
  get(@Param('id', optionSetId()) id: string): Promise<OptionSetVersionResponse> {
    return this.optionSets.get(id);
  }

  @Post()
  @Roles('ADMIN')
  @ApiOperation({ summary: "Edit = a new version of the nature's option set (the next number); reviews keep the version they used" })
  @ApiCreatedResponse({ type: OptionSetVersionResponse })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'VALIDATION_FAILED (per option), OPTION_SET_UNCHANGED' })
  create(@Body() body: CreateOptionSetVersionDto, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<OptionSetVersionResponse> {
    return this.optionSets.createVersion(body, actor, requestContext(request));
  }
}
