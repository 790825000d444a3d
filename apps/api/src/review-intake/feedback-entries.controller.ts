import { Body, Controller, Post, Res, UseGuards } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiBearerAuth, ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '@haochaping/contracts';
import { CurrentActor } from '../actor/current-actor.decorator';
import { ActorGuard } from '../actor/actor.guard';
import { Roles, RolesGuard } from '../actor/roles.guard';
import { ApiError } from '../common/api-error';
import { FeedbackEntryDto } from './dto/feedback-entry.dto';
import { ReviewResponse } from './dto/review.response';
import { FeedbackEntriesService } from './feedback-entries.service';

@ApiTags('feedback-entries')
@ApiHeader({ name: 'X-Dev-Actor', required: false, description: 'development only (refused in production): {"userId":"…","role":"HANDLER","hallCodes":["jintun"]}' })
@ApiUnauthorizedResponse({ type: ApiError })
@ApiForbiddenResponse({ type: ApiError, description: 'not a hall or county role, or another hall' })
@UseGuards(ActorGuard, RolesGuard)
@Roles('HANDLER', 'TOWN_LEADER', 'COUNTY_SUPERVISOR', 'ADMIN')
@ApiBearerAuth()
@Controller('feedback-entries')
export class FeedbackEntriesController {
  constructor(private readonly entries: FeedbackEntriesService) {}

  @Post()
  @ApiOperation({ summary: '随时可评 feedback entered by staff (fault window, mailbox, hotline, supervision platform, email); a linked case is referred to, never rated' })
  @ApiCreatedResponse({ type: ReviewResponse })
  @ApiOkResponse({ type: ReviewResponse, description: 'a retry (same clientKey from the same user): the first entry' })
  @ApiConflictResponse({ type: ApiError, description: 'CLIENT_KEY_REUSED: another body under a clientKey already used' })
  @ApiUnprocessableEntityResponse({ type: ApiError })
  async enter(@CurrentActor() actor: Actor, @Body() dto: FeedbackEntryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReviewResponse> {
    const entry = await this.entries.enter(actor, dto);
    void reply.status(entry.created ? 201 : 200);
    return entry;
  }
}
