import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiError } from '../common/api-error';
import { CreateReviewDto } from './dto/create-review.dto';
import { ReviewResponse } from './dto/review.response';
import { ReviewsService } from './reviews.service';

@ApiTags('public')
@Controller('public/reviews')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Post()
  @ApiOperation({ summary: 'Submit a rating; a bad review (level 1 or 2) starts its rectification workflow exactly once' })
  @ApiCreatedResponse({ type: ReviewResponse, description: 'recorded' })
  @ApiOkResponse({ type: ReviewResponse, description: 'a retry of an earlier submission (same clientKey): the first review' })
  @ApiUnprocessableEntityResponse({ type: ApiError })
  async submit(@Body() dto: CreateReviewDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReviewResponse> {
    const review = await this.reviews.submit(dto);
    void reply.status(review.created ? 201 : 200);
    return review;
  }
}
