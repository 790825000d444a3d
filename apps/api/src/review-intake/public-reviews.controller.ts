import { Body, Controller, Post, Req, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiGoneResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../common/api-error';
import { CreateReviewDto } from './dto/create-review.dto';
import { ReviewResponse } from './dto/review.response';
import { PublicReviewsService } from './public-reviews.service';

/** Ratings from the public pages (window QR, invitation link, public form); the status page is review-status/. */
@ApiTags('public')
@ApiTooManyRequestsResponse({ type: ApiError, description: 'per client address, per phone' })
@Controller('public/reviews')
export class PublicReviewsController {
  constructor(private readonly reviews: PublicReviewsService) {}

  @Post()
  @ApiOperation({ summary: 'Rate a case (window QR, invitation) or a hall (public form); a bad review starts its rectification exactly once' })
  @ApiCreatedResponse({ type: ReviewResponse, description: 'recorded' })
  @ApiOkResponse({ type: ReviewResponse, description: 'a retry of an earlier submission (same clientKey): the first review' })
  @ApiConflictResponse({ type: ApiError, description: 'CASE_ALREADY_RATED, or CLIENT_KEY_REUSED (another body under a clientKey already used)' })
  @ApiGoneResponse({ type: ApiError, description: 'INVITATION_EXPIRED, INVITATION_USED' })
  @ApiNotFoundResponse({ type: ApiError, description: 'INVITATION_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'RATING_PERIOD_CLOSED, CASE_NOT_COMPLETED, BAD_REVIEW_NEEDS_REASON, CASE_NOT_FOUND, UNKNOWN_*' })
  @ApiHeader({ name: 'X-Device-Key', required: false, description: 'the rating page’s random device id (kept in its browser), stored with the client address for the 刷好评 rules' })
  async submit(@Body() dto: CreateReviewDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReviewResponse> {
    const review = await this.reviews.submit(dto, { ip: request.ip, device: deviceKeyOf(request.headers['x-device-key']) });
    void reply.status(review.created ? 201 : 200);
    return review;
  }
}

/** The X-Device-Key header when it looks like the page's random id (8–64 letters, digits, dashes); anything else is ignored. */
export function deviceKeyOf(header: string | string[] | undefined): string | null {
  return typeof header === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(header) ? header : null;
}
