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
import { CreateServiceWindowDto, ServiceWindowResponse, UpdateServiceWindowDto } from './dto/window.dto';
import { ServiceWindowsService, WINDOWS_RESOURCE } from './service-windows.service';
import { MasterDataChangeInterceptor } from './master-data-change.interceptor';

/**
 * Windows as master data, id `<hall>-<window>` (the QR codes and posters are apps/api/src/windows, at
 * /api/windows/:hall/:window/…). Reads: any signed-in user; writes: admins.
 */
@ApiTags('master-data')
@ApiBearerAuth()
@UseGuards(ActorGuard, RolesGuard)
@UseInterceptors(MasterDataChangeInterceptor)
@Controller('windows')
export class ServiceWindowsController {
  constructor(private readonly windows: ServiceWindowsService) {}

  @Get()
  @ApiOperation({ summary: 'react-admin simple-rest list (filter id, q, hallCode, active; sort; range)' })
  @ApiOkResponse({ type: [ServiceWindowResponse] })
  @ApiUnprocessableEntityResponse({ type: ApiError })
  async list(@Query() query: SimpleRestListQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ServiceWindowResponse[]> {
    const page = await this.windows.list(query);
    setContentRange(reply, WINDOWS_RESOURCE.name, page);
    return page.rows;
  }

  @Get(':id')
  @ApiOkResponse({ type: ServiceWindowResponse })
  @ApiNotFoundResponse({ type: ApiError })
  get(@Param('id') id: string): Promise<ServiceWindowResponse> {
    return this.windows.get(id);
  }

  @Post()
  @Roles('ADMIN')
  @ApiOperation({ summary: 'A new window of a hall; audited as window.create' })
  @ApiCreatedResponse({ type: ServiceWindowResponse })
  @ApiForbiddenResponse({ type: ApiError, description: 'not an ADMIN' })
  @ApiConflictResponse({ type: ApiError, description: 'WINDOW_CODE_TAKEN' })
  @ApiUnprocessableEntityResponse({ type: ApiError })
  create(@Body() body: CreateServiceWindowDto, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<ServiceWindowResponse> {
    return this.windows.create(body, { actor, context: requestContext(request) });
  }

  @Put(':id')
  @Roles('ADMIN')
  @ApiOperation({ summary: "The window's name (hall and code are in its QR and stay); audited as window.update" })
  @ApiOkResponse({ type: ServiceWindowResponse })
  @ApiForbiddenResponse({ type: ApiError, description: 'not an ADMIN' })
  @ApiNotFoundResponse({ type: ApiError })
  @ApiUnprocessableEntityResponse({ type: ApiError })
  update(@Param('id') id: string, @Body() body: UpdateServiceWindowDto, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<ServiceWindowResponse> {
    return this.windows.update(id, body, { actor, context: requestContext(request) });
  }

  @Post(':id/disable')
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Closes the window (停用): kept for history, no longer on the citizen pages; audited as window.disable' })
  @ApiOkResponse({ type: ServiceWindowResponse })
  @ApiForbiddenResponse({ type: ApiError, description: 'not an ADMIN' })
  @ApiNotFoundResponse({ type: ApiError })
  disable(@Param('id') id: string, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<ServiceWindowResponse> {
    return this.windows.disable(id, { actor, context: requestContext(request) });
  }

  @Post(':id/enable')
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Opens the window again; audited as window.enable' })
  @ApiOkResponse({ type: ServiceWindowResponse })
  @ApiForbiddenResponse({ type: ApiError, description: 'not an ADMIN' })
  @ApiNotFoundResponse({ type: ApiError })
  enable(@Param('id') id: string, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<ServiceWindowResponse> {
    return this.windows.enable(id, { actor, context: requestContext(request) });
  }
}
