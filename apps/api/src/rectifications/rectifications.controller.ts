import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RectificationCaseState } from '@haochaping/contracts';
import { ApiError, DomainHttpException } from '../common/api-error';
import { RectificationsService } from './rectifications.service';

const notFound = () => new DomainHttpException(404, 'RECTIFICATION_NOT_FOUND', '未找到该整改工单');

@ApiTags('rectifications')
@Controller('rectifications')
export class RectificationsController {
  constructor(private readonly rectifications: RectificationsService) {}

  @Get(':id')
  @ApiOperation({ summary: "A case's state, read back from its workflow (id = the review's id)" })
  @ApiOkResponse({ description: 'the workflow state' })
  @ApiNotFoundResponse({ type: ApiError })
  get(@Param('id', new ParseUUIDPipe({ exceptionFactory: notFound })) id: string): Promise<RectificationCaseState> {
    return this.rectifications.liveState(id);
  }
}
