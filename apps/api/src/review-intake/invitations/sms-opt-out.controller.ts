import { Body, Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
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
import { ActorGuard } from '../../actor/actor.guard';
import { CurrentActor } from '../../actor/current-actor.decorator';
import { Roles, RolesGuard } from '../../actor/roles.guard';
import { ApiError } from '../../common/api-error';
import { IntegrationClientAuth } from '../../integration-auth/integration-client.guard';
import { InboundSmsDto, InboundSmsResponse, SmsOptOutResponse } from './dto/sms-opt-out.dto';
import { SmsOptOutService } from './sms-opt-out.service';

/** The SMS gateway's callback: citizens' replies to our SMS, forwarded with the gateway's API key. */
@ApiTags('integration')
@IntegrationClientAuth()
@Controller('integration/sms')
export class SmsInboundController {
  constructor(private readonly optOuts: SmsOptOutService) {}

  @Post('inbound')
  @HttpCode(200)
  @ApiOperation({
    summary: "The SMS gateway's callback for a citizen's reply: 退订 / TD / T / N opts the number out of SMS invitations to rate",
    description: 'Any other reply is acknowledged and ignored. The number is kept only as its keyed hash. Register the gateway as an API client (X-Api-Key).',
  })
  @ApiOkResponse({ type: InboundSmsResponse })
  @ApiUnauthorizedResponse({ type: ApiError, description: 'INVALID_API_KEY' })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'VALIDATION_FAILED, INVALID_PHONE' })
  inbound(@Body() dto: InboundSmsDto): Promise<InboundSmsResponse> {
    return this.optOuts.inbound(dto.from, dto.text);
  }
}

/** A hall's staff set the flag for a case's applicant: no SMS invitation to rate any more. */
@ApiTags('cases')
@ApiBearerAuth()
@UseGuards(ActorGuard, RolesGuard)
@Controller('cases')
export class CaseSmsOptOutController {
  constructor(private readonly optOuts: SmsOptOutService) {}

  @Post(':caseNumber/sms-opt-out')
  @HttpCode(200)
  @Roles('HANDLER', 'TOWN_LEADER', 'COUNTY_SUPERVISOR', 'ADMIN')
  @ApiOperation({ summary: "Opts the applicant's number of a case out of SMS invitations to rate (the citizen asked the hall)" })
  @ApiOkResponse({ type: SmsOptOutResponse })
  @ApiUnauthorizedResponse({ type: ApiError })
  @ApiForbiddenResponse({ type: ApiError, description: 'another hall' })
  @ApiNotFoundResponse({ type: ApiError, description: 'CASE_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'CASE_HAS_NO_PHONE' })
  optOut(@Param('caseNumber') caseNumber: string, @CurrentActor() actor: Actor): Promise<SmsOptOutResponse> {
    return this.optOuts.optOutCase(caseNumber, actor);
  }
}
