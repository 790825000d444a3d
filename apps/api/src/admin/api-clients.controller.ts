import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
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
import { CurrentActor } from '../actor/current-actor.decorator';
import { ActorGuard, type RequestWithActor } from '../actor/actor.guard';
import { requestContext } from '../auth/request-context';
import { ApiError, DomainHttpException } from '../common/api-error';
import { setContentRange } from '../common/simple-rest/simple-rest-list';
import { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { ApiClientResponse, CreatedApiClientResponse } from '../integration-auth/dto/api-client.response';
import { CreateApiClientDto } from '../integration-auth/dto/create-api-client.dto';
import { API_CLIENTS_RESOURCE, IntegrationClientsService } from '../integration-auth/integration-clients.service';
import { Roles, RolesGuard } from '../actor/roles.guard';

const notFound = () => new DomainHttpException(404, 'API_CLIENT_NOT_FOUND', '未找到该接入系统');

/** Keys of the business systems that push cases and ratings (admins only). */
@ApiTags('admin')
@ApiBearerAuth()
@ApiHeader({ name: 'X-Dev-Actor', required: false, description: 'development only: {"userId":"…","role":"ADMIN","hallCodes":[]}' })
@ApiUnauthorizedResponse({ type: ApiError })
@ApiForbiddenResponse({ type: ApiError, description: 'not an ADMIN' })
@UseGuards(ActorGuard, RolesGuard)
@Roles('ADMIN')
@Controller('admin/api-clients')
export class ApiClientsController {
  constructor(private readonly clients: IntegrationClientsService) {}

  @Post()
  @ApiOperation({ summary: 'Creates a client and its key; the key is in this answer only (the server keeps its SHA-256)' })
  @ApiCreatedResponse({ type: CreatedApiClientResponse })
  @ApiUnprocessableEntityResponse({ type: ApiError })
  create(@Body() body: CreateApiClientDto, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<CreatedApiClientResponse> {
    return this.clients.create(body.name, actor, requestContext(request));
  }

  @Get()
  @ApiOperation({ summary: 'react-admin simple-rest list (filter q, disabled; sort; range; total in Content-Range)' })
  @ApiOkResponse({ type: [ApiClientResponse] })
  @ApiUnprocessableEntityResponse({ type: ApiError })
  async list(@Query() query: SimpleRestListQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ApiClientResponse[]> {
    const page = await this.clients.list(query);
    setContentRange(reply, API_CLIENTS_RESOURCE.name, page);
    return page.rows;
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disables the key at once (every later call with it is 401); final' })
  @ApiOkResponse({ type: ApiClientResponse })
  @ApiNotFoundResponse({ type: ApiError })
  disable(@Param('id', new ParseUUIDPipe({ exceptionFactory: notFound })) id: string, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<ApiClientResponse> {
    return this.clients.disable(id, actor, requestContext(request));
  }
}
