import { Controller, Get, Param, Query, Res, UseGuards } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DevActorGuard } from '../actor/dev-actor.guard';
import { ApiError } from '../common/api-error';
import { setContentRange } from '../common/simple-rest/simple-rest-list';
import { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { HallDetailResponse, HallResponse } from './dto/hall.response';
import { HALLS_RESOURCE, HallsService } from './halls.service';

@ApiTags('master-data')
@Controller('halls')
// Any signed-in user (the citizen pages read /api/public/halls instead).
@UseGuards(DevActorGuard)
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
}
