import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiError } from '../common/api-error';
import { CurrentIntegrationClient, IntegrationClientAuth, type IntegrationClient } from '../integration-auth/integration-client.guard';
import { CreateInvitationDto, InvitationCreatedResponse } from './dto/invitation.dto';
import { IntegrationReviewDto } from './dto/integration-review.dto';
import { ReviewResponse } from './dto/review.response';
import { IntegrationReviewsService } from './integration-reviews.service';
import { InvitationsService } from './invitations/invitations.service';

/** Ratings and rating invitations from business systems and the provincial portal bridge (X-Api-Key). */
@ApiTags('integration')
@ApiUnauthorizedResponse({ type: ApiError, description: 'INVALID_API_KEY' })
@IntegrationClientAuth()
@Controller('integration')
export class IntegrationRatingsController {
  constructor(
    private readonly reviews: IntegrationReviewsService,
    private readonly invitations: InvitationsService,
  ) {}

  @Post('reviews')
  @ApiOperation({ summary: '一事一评 from the provincial portal: one rating of one case, channel ONLINE_PORTAL' })
  @ApiCreatedResponse({ type: ReviewResponse })
  @ApiOkResponse({ type: ReviewResponse, description: 'a retry (same clientKey from the same client): the first review' })
  @ApiConflictResponse({ type: ApiError, description: 'CASE_ALREADY_RATED, or CLIENT_KEY_REUSED (another body under a clientKey already used)' })
  @ApiUnprocessableEntityResponse({ type: ApiError })
  async submit(
    @CurrentIntegrationClient() client: IntegrationClient,
    @Body() dto: IntegrationReviewDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReviewResponse> {
    const review = await this.reviews.submit(client, dto);
    void reply.status(review.created ? 201 : 200);
    return review;
  }

  @Post('cases/:caseNumber/rating-invitation')
  @ApiOperation({ summary: 'A single-use, expiring rating link for one case, optionally sent by SMS' })
  @ApiCreatedResponse({ type: InvitationCreatedResponse })
  @ApiNotFoundResponse({ type: ApiError, description: 'CASE_NOT_FOUND' })
  @ApiConflictResponse({ type: ApiError, description: 'CASE_ALREADY_RATED, or CLIENT_KEY_REUSED (another body under a clientKey already used)' })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'CASE_NOT_COMPLETED, RATING_PERIOD_CLOSED' })
  invite(@Param('caseNumber') caseNumber: string, @Body() dto: CreateInvitationDto): Promise<InvitationCreatedResponse> {
    return this.invitations.create(caseNumber, dto);
  }
}
