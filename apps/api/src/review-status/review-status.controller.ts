import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { ApiError } from '../common/api-error';
import { ConfirmationResponse, ConfirmResultDto, ReviewStatusQueryDto, ReviewStatusResponse } from './dto/review-status.dto';
import { ReviewConfirmationService } from './review-confirmation.service';
import { ReviewStatusService } from './review-status.service';

/** The citizen's status page: a review's progress, and the 满意/不满意 on its rectification result. */
@ApiTags('public')
@ApiTooManyRequestsResponse({ type: ApiError, description: 'per client address, per phone' })
@Controller('public/reviews')
export class ReviewStatusController {
  constructor(
    private readonly statuses: ReviewStatusService,
    private readonly confirmations: ReviewConfirmationService,
  ) {}

  @Post('status')
  @HttpCode(200)
  @ApiOperation({ summary: "A review's progress by tracking code and the phone's last four digits (status page)" })
  @ApiOkResponse({ type: ReviewStatusResponse })
  @ApiNotFoundResponse({ type: ApiError, description: 'REVIEW_NOT_FOUND, the same for a wrong code and wrong digits' })
  status(@Body() query: ReviewStatusQueryDto): Promise<ReviewStatusResponse> {
    return this.statuses.status(query);
  }

  @Post(':trackingCode/confirmation')
  @HttpCode(200)
  @ApiOperation({ summary: "The reviewer's 满意/不满意 on the rectification result (same proof as the status page)" })
  @ApiOkResponse({ type: ConfirmationResponse })
  @ApiNotFoundResponse({ type: ApiError, description: 'REVIEW_NOT_FOUND' })
  @ApiConflictResponse({ type: ApiError, description: 'CONFIRMATION_NOT_OPEN, or the workflow refusing (INVALID_STATE)' })
  @ApiServiceUnavailableResponse({ type: ApiError, description: 'WORKFLOW_UNAVAILABLE' })
  confirm(@Param('trackingCode') trackingCode: string, @Body() dto: ConfirmResultDto): Promise<ConfirmationResponse> {
    return this.confirmations.confirm(trackingCode, dto);
  }
}
