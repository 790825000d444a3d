import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
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
import { Roles, RolesGuard } from '../actor/roles.guard';
import { requestContext } from '../auth/request-context';
import { ApiError, DomainHttpException } from '../common/api-error';
import { setContentRange } from '../common/simple-rest/simple-rest-list';
import { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { CreateUserDto, UpdateUserDto, UserResponse, UserWithPasswordResponse } from './dto/user.dto';
import { USERS_RESOURCE, UsersService } from './users.service';

const userId = () => new ParseUUIDPipe({ exceptionFactory: () => new DomainHttpException(404, 'USER_NOT_FOUND', '未找到该用户') });

/** Console accounts (admins only): react-admin simple-rest resource `admin/users`. */
@ApiTags('admin')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ApiError })
@ApiForbiddenResponse({ type: ApiError, description: 'not an ADMIN' })
@UseGuards(ActorGuard, RolesGuard)
@Roles('ADMIN')
@Controller('admin/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'react-admin simple-rest list (filter id, q, role, hallCode, departmentCode, disabled; sort; range)' })
  @ApiOkResponse({ type: [UserResponse] })
  @ApiUnprocessableEntityResponse({ type: ApiError })
  async list(@Query() query: SimpleRestListQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<UserResponse[]> {
    const page = await this.users.list(query);
    setContentRange(reply, USERS_RESOURCE.name, page);
    return page.rows;
  }

  @Get(':id')
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse({ type: ApiError })
  get(@Param('id', userId()) id: string): Promise<UserResponse> {
    return this.users.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Creates an account that must change its password at the first sign-in; a generated password is in this answer only' })
  @ApiCreatedResponse({ type: UserWithPasswordResponse })
  @ApiConflictResponse({ type: ApiError, description: 'USERNAME_TAKEN' })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'scope does not fit the role, unknown hall/department codes, weak password' })
  create(@Body() body: CreateUserDto, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<UserWithPasswordResponse> {
    return this.users.create(body, actor, requestContext(request));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'displayName, role, hallCodes, departmentCodes; a change of role or scope ends the earlier access tokens' })
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse({ type: ApiError })
  @ApiConflictResponse({ type: ApiError, description: "SELF_CHANGE_REFUSED (one's own role)" })
  @ApiUnprocessableEntityResponse({ type: ApiError })
  update(@Param('id', userId()) id: string, @Body() body: UpdateUserDto, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<UserResponse> {
    return this.users.update(id, body, actor, requestContext(request));
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disables the account; its sessions end at once' })
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse({ type: ApiError })
  @ApiConflictResponse({ type: ApiError, description: 'SELF_CHANGE_REFUSED' })
  disable(@Param('id', userId()) id: string, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<UserResponse> {
    return this.users.disable(id, actor, requestContext(request));
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enables a disabled account again' })
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse({ type: ApiError })
  enable(@Param('id', userId()) id: string, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<UserResponse> {
    return this.users.enable(id, actor, requestContext(request));
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @ApiOperation({ summary: 'A new temporary password (in this answer only), to be changed at the next sign-in; every session ends' })
  @ApiOkResponse({ type: UserWithPasswordResponse })
  @ApiNotFoundResponse({ type: ApiError })
  @ApiConflictResponse({ type: ApiError, description: 'SELF_CHANGE_REFUSED (use change-password)' })
  resetPassword(@Param('id', userId()) id: string, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<UserWithPasswordResponse> {
    return this.users.resetPassword(id, actor, requestContext(request));
  }
}
