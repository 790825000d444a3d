import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Actor } from '@haochaping/contracts';
import { CurrentActor } from '../actor/current-actor.decorator';
import { ActorGuard } from '../actor/actor.guard';
import { ApiError } from '../common/api-error';
import { MyDutyResponse } from './my-duty.response';
import { MyDutiesService } from './my-duties.service';

/** The 工作台's own reads. */
@ApiTags('dashboard')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ApiError, description: 'not signed in' })
@Controller('dashboard')
@UseGuards(ActorGuard)
export class DashboardController {
  constructor(private readonly duties: MyDutiesService) {}

  @Get('my-duties')
  @ApiOperation({
    summary: "My duties today: the open obligations the signed-in person owes that fall due before the end of today's office time (the case hall's calendar), and those overdue, by due time",
  })
  @ApiOkResponse({ type: [MyDutyResponse] })
  myDuties(@CurrentActor() actor: Actor): Promise<MyDutyResponse[]> {
    return this.duties.myDuties(actor);
  }
}
