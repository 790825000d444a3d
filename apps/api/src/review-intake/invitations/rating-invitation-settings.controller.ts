import { Body, Controller, Get, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Actor } from '@haochaping/contracts';
import { ActorGuard } from '../../actor/actor.guard';
import { CurrentActor } from '../../actor/current-actor.decorator';
import { Roles, RolesGuard } from '../../actor/roles.guard';
import { ApiError } from '../../common/api-error';
import { RatingInvitationSettingsDto, RatingInvitationSettingsResponse } from './dto/sms-opt-out.dto';
import { SmsOptOutService } from './sms-opt-out.service';

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(ActorGuard, RolesGuard)
@Roles('ADMIN')
@Controller('admin/rating-invitation-settings')
export class RatingInvitationSettingsController {
  constructor(private readonly settings: SmsOptOutService) {}

  @Get()
  @ApiOperation({ summary: 'When an unrated case gets its SMS invitation to rate (working days after completion)' })
  @ApiOkResponse({ type: RatingInvitationSettingsResponse })
  @ApiUnauthorizedResponse({ type: ApiError })
  @ApiForbiddenResponse({ type: ApiError })
  get(): Promise<RatingInvitationSettingsResponse> {
    return this.settings.settings();
  }

  @Put()
  @ApiOperation({ summary: 'Sets N: an unrated case gets its SMS invitation N working days after completion (1–4; audited)' })
  @ApiOkResponse({ type: RatingInvitationSettingsResponse })
  @ApiUnauthorizedResponse({ type: ApiError })
  @ApiForbiddenResponse({ type: ApiError })
  @ApiUnprocessableEntityResponse({ type: ApiError })
  put(@Body() dto: RatingInvitationSettingsDto, @CurrentActor() actor: Actor): Promise<RatingInvitationSettingsResponse> {
    return this.settings.updateSettings(dto.reminderAfterWorkingDays, actor);
  }
}
