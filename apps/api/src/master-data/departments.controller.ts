import { Controller, Get, Query, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DevActorGuard } from '../actor/dev-actor.guard';
import { ApiError } from '../common/api-error';
import { setContentRange } from '../common/simple-rest/simple-rest-list';
import { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { DepartmentResponse } from './dto/department.response';
import { DEPARTMENTS_RESOURCE, DepartmentsService } from './departments.service';

@ApiTags('master-data')
@Controller('departments')
// Any signed-in user (the citizen pages read /api/public/halls instead).
@UseGuards(DevActorGuard)
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
}
