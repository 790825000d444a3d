import { Controller, Get, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '@haochaping/contracts';
import { CurrentActor } from '../actor/current-actor.decorator';
import { ApiError } from '../common/api-error';
import { ActorGuard } from '../actor/actor.guard';
import { setContentRange } from '../common/simple-rest/simple-rest-list';
import { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { MarkAllReadResponse, NotificationResponse, UnreadCountResponse } from './notification.response';
import { NOTIFICATIONS_RESOURCE, NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ApiError, description: 'not signed in' })
@Controller('notifications')
@UseGuards(ActorGuard)
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: "The signed-in user's console notices (reminders, overdue, escalations, …), unread first; filter unread or kind" })
  @ApiOkResponse({ type: [NotificationResponse] })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'VALIDATION_FAILED: an unknown kind, filter, sort or range' })
  async list(@CurrentActor() actor: Actor, @Query() query: SimpleRestListQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<NotificationResponse[]> {
    const page = await this.notifications.list(actor, query);
    setContentRange(reply, NOTIFICATIONS_RESOURCE.name, page);
    return page.rows;
  }

  @Get('unread-count')
  @ApiOperation({ summary: "How many of the signed-in user's notices are unread (the console's bell polls it)" })
  @ApiOkResponse({ type: UnreadCountResponse })
  async unreadCount(@CurrentActor() actor: Actor): Promise<UnreadCountResponse> {
    return { unread: await this.notifications.unreadCount(actor) };
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Marks every unread notice the signed-in user sees read' })
  @ApiOkResponse({ type: MarkAllReadResponse })
  async markAllRead(@CurrentActor() actor: Actor): Promise<MarkAllReadResponse> {
    return { marked: await this.notifications.markAllRead(actor) };
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Marks a notice read' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ApiError, description: 'NOTIFICATION_NOT_FOUND: no such notice among those the user sees' })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'VALIDATION_FAILED: text PostgreSQL cannot store in the id' })
  async markRead(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    await this.notifications.markRead(actor, id);
  }
}
