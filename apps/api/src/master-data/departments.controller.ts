import { Body, Controller, Get, Param, Post, Put, Query, Req, Res, UseGuards } from '@nestjs/common';
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
import { CreateDepartmentDto, UpdateDepartmentDto } from './dto/department.dto';
import { DepartmentResponse } from './dto/department.response';
import { DEPARTMENTS_RESOURCE, DepartmentsService } from './departments.service';

@ApiTags('master-data')
@ApiBearerAuth()
@Controller('departments')
// Reads: any signed-in user (the citizen pages read /api/public/halls instead). Writes: admins.
@UseGuards(ActorGuard, RolesGuard)
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  @ApiOperation({ summary: 'react-admin simple-rest list (filter, sort, range; total in Content-Range)' })
  @ApiOkResponse({ type: [DepartmentResponse] })
  @ApiUnprocessableEntityResponse({ type: ApiError })
  async list(@Query() query: SimpleRestListQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<DepartmentResponse[]> {
    const page = await this.departments.list(query);
    setContentRange(reply, DEPARTMENTS_RESOURCE.name, page);
    return page.rows;
  }

  @Get(':code')
  @ApiOkResponse({ type: DepartmentResponse })
  @ApiNotFoundResponse({ type: ApiError })
  get(@Param('code') code: string): Promise<DepartmentResponse> {
    return this.departments.get(code);
  }

  @Post()
  @Roles('ADMIN')
  @ApiOperation({ summary: 'A new county department; audited as department.create' })
  @ApiCreatedResponse({ type: DepartmentResponse })
  @ApiForbiddenResponse({ type: ApiError, description: 'not an ADMIN' })
  @ApiConflictResponse({ type: ApiError, description: 'DEPARTMENT_CODE_TAKEN' })
  @ApiUnprocessableEntityResponse({ type: ApiError })
  create(@Body() body: CreateDepartmentDto, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<DepartmentResponse> {
    return this.departments.create(body, { actor, context: requestContext(request) });
  }

  @Put(':code')
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Renames a department (the code stays: items and user scopes name it); audited as department.update' })
  @ApiOkResponse({ type: DepartmentResponse })
  @ApiForbiddenResponse({ type: ApiError, description: 'not an ADMIN' })
  @ApiNotFoundResponse({ type: ApiError })
  @ApiUnprocessableEntityResponse({ type: ApiError })
  update(@Param('code') code: string, @Body() body: UpdateDepartmentDto, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<DepartmentResponse> {
    return this.departments.update(code, body, { actor, context: requestContext(request) });
  }
}
