import { Controller, Get, Query, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DevActorGuard } from '../actor/dev-actor.guard';
import { ApiError } from '../common/api-error';
import { setContentRange } from '../common/simple-rest/simple-rest-list';
import { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { ServiceItemResponse } from './dto/service-item.response';
import { SERVICE_ITEMS_RESOURCE, ServiceItemsService } from './service-items.service';

@ApiTags('master-data')
@Controller('service-items')
// Any signed-in user (the citizen pages read /api/public/halls instead).
@UseGuards(DevActorGuard)
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
}
