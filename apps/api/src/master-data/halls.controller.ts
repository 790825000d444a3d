import { Body, Controller, Get, Param, Post, Put, Query, Req, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '@haochaping/contracts';
import { CurrentActor } from '../actor/current-actor.decorator';
import { ActorGuard, type RequestWithActor } from '../actor/actor.guard';
import { Roles, RolesGuard } from '../actor/roles.guard';
import { requestContext } from '../auth/request-context';
import { ApiError } from '../common/api-error';
import { setContentRange } from '../common/simple-rest/simple-rest-list';
import { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { CreateHallDto, UpdateHallDto } from './dto/hall.dto';
import { HallDetailResponse, HallResponse } from './dto/hall.response';
import { HALLS_RESOURCE, HallsService } from './halls.service';
import { MasterDataChangeInterceptor } from './master-data-change.interceptor';

@ApiTags('master-data')
@ApiBearerAuth()
@UseInterceptors(MasterDataChangeInterceptor)
@Controller('halls')
// Reads: any signed-in user (the citizen pages read /api/public/halls instead). Writes: admins.
@UseGuards(ActorGuard, RolesGuard)
export class HallsController {
  constructor(private readonly halls: HallsService) {}

  @Get()
  @ApiOperation({ summary: 'react-admin simple-rest list (filter, sort, range; total in Content-Range)' })
  @ApiOkResponse({ type: [HallResponse] })
  @ApiUnprocessableEntityResponse({ type: ApiError })
  async list(@Query() query: SimpleRestListQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<HallResponse[]> {
    const page = await this.halls.list(query);
    setContentRange(reply, HALLS_RESOURCE.name, page);
    return page.rows;
  }

  @Get(':code')
  @ApiOperation({ summary: 'One hall by its code, with its windows (react-admin getOne)' })
  @ApiOkResponse({ type: HallDetailResponse })
  @ApiNotFoundResponse({ type: ApiError })
  get(@Param('code') code: string): Promise<HallDetailResponse> {
    return this.halls.get(code);
  }

  @Post()
  @Roles('ADMIN')
  @ApiOperation({ summary: 'A new hall (admins); audited as hall.create' })
  @ApiCreatedResponse({ type: HallDetailResponse })
  @ApiForbiddenResponse({ type: ApiError, description: 'not an ADMIN' })
  @ApiConflictResponse({ type: ApiError, description: 'HALL_CODE_TAKEN' })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'invalid fields or office hours (one error per period)' })
  create(@Body() body: CreateHallDto, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<HallDetailResponse> {
    return this.halls.create(body, { actor, context: requestContext(request) });
  }

  @Put(':code')
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Name, kind and office hours (react-admin update; fields left out stay); audited as hall.update when something changed' })
  @ApiOkResponse({ type: HallDetailResponse })
  @ApiForbiddenResponse({ type: ApiError, description: 'not an ADMIN' })
  @ApiNotFoundResponse({ type: ApiError })
  @ApiUnprocessableEntityResponse({ type: ApiError })
  update(@Param('code') code: string, @Body() body: UpdateHallDto, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<HallDetailResponse> {
    return this.halls.update(code, body, { actor, context: requestContext(request) });
  }
}
