import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res, UseGuards, UseInterceptors } from '@nestjs/common';
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
import { CreateServiceItemDto, UpdateServiceItemDto } from './dto/service-item.dto';
import { ServiceItemResponse } from './dto/service-item.response';
import { SERVICE_ITEMS_RESOURCE, ServiceItemsService } from './service-items.service';
import { MasterDataChangeInterceptor } from './master-data-change.interceptor';

@ApiTags('master-data')
@ApiBearerAuth()
@UseInterceptors(MasterDataChangeInterceptor)
@Controller('service-items')
// Reads: any signed-in user (the citizen pages read /api/public/halls instead). Writes: admins.
@UseGuards(ActorGuard, RolesGuard)
export class ServiceItemsController {
  constructor(private readonly serviceItems: ServiceItemsService) {}

  @Get()
  @ApiOperation({ summary: 'react-admin simple-rest list (filter, sort, range; total in Content-Range)' })
  @ApiOkResponse({ type: [ServiceItemResponse] })
  @ApiUnprocessableEntityResponse({ type: ApiError })
  async list(@Query() query: SimpleRestListQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ServiceItemResponse[]> {
    const page = await this.serviceItems.list(query);
    setContentRange(reply, SERVICE_ITEMS_RESOURCE.name, page);
    return page.rows;
  }

  @Get(':code')
  @ApiOkResponse({ type: ServiceItemResponse })
  @ApiNotFoundResponse({ type: ApiError })
  get(@Param('code') code: string): Promise<ServiceItemResponse> {
    return this.serviceItems.get(code);
  }

  @Post()
  @Roles('ADMIN')
  @ApiOperation({ summary: 'A new service item of a department; audited as service-item.create' })
  @ApiCreatedResponse({ type: ServiceItemResponse })
  @ApiForbiddenResponse({ type: ApiError, description: 'not an ADMIN' })
  @ApiConflictResponse({ type: ApiError, description: 'SERVICE_ITEM_CODE_TAKEN' })
  @ApiUnprocessableEntityResponse({ type: ApiError })
  create(@Body() body: CreateServiceItemDto, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<ServiceItemResponse> {
    return this.serviceItems.create(body, { actor, context: requestContext(request) });
  }

  @Put(':code')
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Name, department, nature, 依申请 (the code stays); audited as service-item.update' })
  @ApiOkResponse({ type: ServiceItemResponse })
  @ApiForbiddenResponse({ type: ApiError, description: 'not an ADMIN' })
  @ApiNotFoundResponse({ type: ApiError })
  @ApiUnprocessableEntityResponse({ type: ApiError })
  update(@Param('code') code: string, @Body() body: UpdateServiceItemDto, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<ServiceItemResponse> {
    return this.serviceItems.update(code, body, { actor, context: requestContext(request) });
  }

  @Post(':code/disable')
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Withdraws the item (停用): kept for history; audited as service-item.disable' })
  @ApiOkResponse({ type: ServiceItemResponse })
  @ApiForbiddenResponse({ type: ApiError, description: 'not an ADMIN' })
  @ApiNotFoundResponse({ type: ApiError })
  disable(@Param('code') code: string, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<ServiceItemResponse> {
    return this.serviceItems.disable(code, { actor, context: requestContext(request) });
  }

  @Post(':code/enable')
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Active again; audited as service-item.enable' })
  @ApiOkResponse({ type: ServiceItemResponse })
  @ApiForbiddenResponse({ type: ApiError, description: 'not an ADMIN' })
  @ApiNotFoundResponse({ type: ApiError })
  enable(@Param('code') code: string, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<ServiceItemResponse> {
    return this.serviceItems.enable(code, { actor, context: requestContext(request) });
  }
}
