import { Body, Controller, Get, Param, Put, Req, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Actor } from '@haochaping/contracts';
import { CurrentActor } from '../actor/current-actor.decorator';
import { ActorGuard, type RequestWithActor } from '../actor/actor.guard';
import { Roles, RolesGuard } from '../actor/roles.guard';
import { requestContext } from '../auth/request-context';
import { ApiError } from '../common/api-error';
import { StaffSmsRuleResponse, StaffSmsSettingsResponse, UpdateStaffSmsRuleDto, UpdateStaffSmsSettingsDto } from './dto/staff-sms.dto';
import { StaffSmsService } from './staff-sms.service';

/** Which staff notices also go out by SMS, and the county duty phone (admins only). */
@ApiTags('admin')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ApiError, description: 'not signed in' })
@ApiForbiddenResponse({ type: ApiError, description: 'not an ADMIN' })
@UseGuards(ActorGuard, RolesGuard)
@Roles('ADMIN')
@Controller('admin/staff-sms')
export class StaffSmsController {
  constructor(private readonly staffSms: StaffSmsService) {}

  @Get('rules')
  @ApiOperation({ summary: 'Every staff notice kind × audience role with its SMS rule (pairs nobody set are off)' })
  @ApiOkResponse({ type: [StaffSmsRuleResponse] })
  rules(): Promise<StaffSmsRuleResponse[]> {
    return this.staffSms.rules();
  }

  @Put('rules/:kind/:audienceRole')
  @ApiOperation({ summary: 'Sets one rule; notices written from then on follow it (SMS already written stay as they are)' })
  @ApiOkResponse({ type: StaffSmsRuleResponse })
  @ApiNotFoundResponse({ type: ApiError, description: 'STAFF_SMS_RULE_NOT_FOUND: no such staff notice kind or audience role' })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'VALIDATION_FAILED' })
  updateRule(
    @Param('kind') kind: string,
    @Param('audienceRole') audienceRole: string,
    @Body() body: UpdateStaffSmsRuleDto,
    @CurrentActor() actor: Actor,
    @Req() request: RequestWithActor,
  ): Promise<StaffSmsRuleResponse> {
    return this.staffSms.updateRule(kind, audienceRole, body, actor, requestContext(request));
  }

  @Get('settings')
  @ApiOperation({ summary: 'The county duty phone the county’s urgent notices go to' })
  @ApiOkResponse({ type: StaffSmsSettingsResponse })
  settings(): Promise<StaffSmsSettingsResponse> {
    return this.staffSms.settings();
  }

  @Put('settings')
  @ApiOperation({ summary: 'Sets (or, with null, removes) the county duty phone; a mainland mobile' })
  @ApiOkResponse({ type: StaffSmsSettingsResponse })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'VALIDATION_FAILED: not a mainland mobile' })
  updateSettings(@Body() body: UpdateStaffSmsSettingsDto, @CurrentActor() actor: Actor, @Req() request: RequestWithActor): Promise<StaffSmsSettingsResponse> {
    return this.staffSms.updateSettings(body, actor, requestContext(request));
  }
}
