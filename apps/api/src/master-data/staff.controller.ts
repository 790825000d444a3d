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
import { CreateStaffDto, StaffResponse, UpdateStaffDto } from './dto/staff.dto';
import { STAFF_RESOURCE, StaffService } from './staff.service';
import { MasterDataChangeInterceptor } from './master-data-change.interceptor';

/** Staff of the halls, id = 工号. Reads: any signed-in user; writes: admins. */
@ApiTags('master-data')
@ApiBearerAuth()
@UseGuards(ActorGuard, RolesGuard)
@UseInterceptors(MasterDataChangeInterceptor)
@Controller('staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @ApiOperation({ summary: 'react-admin simple-rest list (filter id, q, hallCode, windowId, active; sort; range)' })
  @ApiOkResponse({ type: [StaffResponse] })
  @ApiUnprocessableEntityResponse({ type: ApiError })
  async list(@Query() query: SimpleRestListQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<StaffResponse[]> {
    const page = await this.staff.list(query);
    setContentRange(reply, STAFF_RESOURCE.name, page);
    return page.rows;
  }

  @Get(':employeeNumber')
  @ApiOkResponse({ type: StaffResponse })
  @ApiNotFoundResponse({ type: ApiError })
  get(@Param('employeeNumber') employeeNumber: string): Promise<StaffResponse> {
    return this.staff.get(employeeNumber);
  }

  @Post()
  @Roles('ADMIN')
  @ApiOperation({ summary: 'A new member of staff at a hall (and optionally a window); audited as staff.create' })
  @ApiCreatedResponse({ type: StaffResponse })
  @ApiForbiddenResponse({ type: ApiError, description: 'not an ADMIN' })
  @ApiConflictResponse({ type: ApiError, description: 'EMPLOYEE_NUMBER_TAKEN' })
  @ApiUnprocessableEntityResponse({ type: ApiError })
  create(@Body() body: CreateStaffDto, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<StaffResponse> {
    return this.staff.create(body, { actor, context: requestContext(request) });
  }

  @Put(':employeeNumber')
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Name, hall, window (null: none); audited as staff.update' })
  @ApiOkResponse({ type: StaffResponse })
  @ApiForbiddenResponse({ type: ApiError, description: 'not an ADMIN' })
  @ApiNotFoundResponse({ type: ApiError })
  @ApiUnprocessableEntityResponse({ type: ApiError })
  update(@Param('employeeNumber') employeeNumber: string, @Body() body: UpdateStaffDto, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<StaffResponse> {
    return this.staff.update(employeeNumber, body, { actor, context: requestContext(request) });
  }

  @Post(':employeeNumber/disable')
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOperation({ summary: 'The member left (停用): kept for history; audited as staff.disable' })
  @ApiOkResponse({ type: StaffResponse })
  @ApiForbiddenResponse({ type: ApiError, description: 'not an ADMIN' })
  @ApiNotFoundResponse({ type: ApiError })
  disable(@Param('employeeNumber') employeeNumber: string, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<StaffResponse> {
    return this.staff.disable(employeeNumber, { actor, context: requestContext(request) });
  }

  @Post(':employeeNumber/enable')
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Active again; audited as staff.enable' })
  @ApiOkResponse({ type: StaffResponse })
  @ApiForbiddenResponse({ type: ApiError, description: 'not an ADMIN' })
  @ApiNotFoundResponse({ type: ApiError })
  enable(@Param('employeeNumber') employeeNumber: string, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<StaffResponse> {
    return this.staff.enable(employeeNumber, { actor, context: requestContext(request) });
  }
}
