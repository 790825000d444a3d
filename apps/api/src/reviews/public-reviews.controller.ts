import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiError } from '../common/api-error';
import { CreateReviewDto } from './dto/create-review.dto';
import { ConfirmationResponse, ConfirmResultDto, ReviewStatusQueryDto, ReviewStatusResponse } from './dto/review-status.dto';
import { ReviewResponse } from './dto/review.response';
import { PublicReviewsService } from './public-reviews.service';
import { ReviewConfirmationService } from './review-confirmation.service';
import { ReviewStatusService } from './review-status.service';

@ApiTags('public')
@ApiTooManyRequestsResponse({ type: ApiError, description: 'per client address, per phone' })
@Controller('public/reviews')
export class PublicReviewsController {
  constructor(
    private readonly reviews: PublicReviewsService,
    private readonly statuses: ReviewStatusService,
    private readonly confirmations: ReviewConfirmationService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Rate a case (window QR, invitation) or a hall (public form); a bad review starts its rectification exactly once' })
  @ApiCreatedResponse({ type: ReviewResponse, description: 'recorded' })
  @ApiOkResponse({ type: ReviewResponse, description: 'a retry of an earlier submission (same clientKey): the first review' })
  @ApiConflictResponse({ type: ApiError, description: 'CASE_ALREADY_RATED' })
  @ApiGoneResponse({ type: ApiError, description: 'INVITATION_EXPIRED, INVITATION_USED' })
  @ApiNotFoundResponse({ type: ApiError, description: 'INVITATION_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'RATING_PERIOD_CLOSED, CASE_NOT_COMPLETED, BAD_REVIEW_NEEDS_REASON, CASE_NOT_FOUND, UNKNOWN_*' })
  async submit(@Body() dto: CreateReviewDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReviewResponse> {
    const review = await this.reviews.submit(dto);
    void reply.status(review.created ? 201 : 200);
    return review;
  }

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
