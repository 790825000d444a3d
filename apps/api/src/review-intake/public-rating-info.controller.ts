import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiGoneResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ApiError } from '../common/api-error';
import { InvitationResponse } from './dto/invitation.dto';
import { OptionSetQueryDto, OptionSetResponse } from './dto/option-set.dto';
import { InvitationsService } from './invitations/invitations.service';
import { RatingMasterData } from './master-data/rating-master-data.service';

/** What the rating pages read before a citizen rates: the option set, an invitation's case. */
@ApiTags('public')
@Controller('public')
export class PublicRatingInfoController {
  constructor(
    private readonly masterData: RatingMasterData,
    private readonly invitations: InvitationsService,
  ) {}

  @Get('option-sets/current')
  @ApiOperation({ summary: 'The current second-level options of a service nature' })
  @ApiOkResponse({ type: OptionSetResponse })
  async currentOptionSet(@Query() query: OptionSetQueryDto): Promise<OptionSetResponse> {
    const set = await this.masterData.currentOptionSet(query.nature);
    return { id: set.id, nature: set.nature, version: set.version, options: set.options.map(({ code, label }) => ({ code, label })) };
  }

  @Get('invitations/:token')
  @ApiOperation({ summary: 'The case an invitation link rates' })
  @ApiOkResponse({ type: InvitationResponse })
  @ApiNotFoundResponse({ type: ApiError, description: 'INVITATION_NOT_FOUND' })
  @ApiGoneResponse({ type: ApiError, description: 'INVITATION_EXPIRED, INVITATION_USED' })
  @ApiConflictResponse({ type: ApiError, description: 'CASE_ALREADY_RATED (through another channel)' })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'RATING_PERIOD_CLOSED' })
  invitation(@Param('token') token: string): Promise<InvitationResponse> {
    return this.invitations.describe(token);
  }
}
