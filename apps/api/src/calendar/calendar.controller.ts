import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ActorGuard } from '../actor/actor.guard';
import { ApiError } from '../common/api-error';
import { CalendarService } from './calendar.service';
import { CalendarWarningsResponse } from './dto/calendar-warnings.response';
import { DeadlineQueryDto } from './dto/deadline-query.dto';
import { DeadlineResponse } from './dto/deadline.response';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
// Any signed-in user (the citizen pages read /api/public/halls instead).
@UseGuards(ActorGuard)
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('deadline')
  @ApiOperation({ summary: 'When N working hours or N working days from an instant run out at a hall (DOMAIN.md, "How clocks count")' })
  @ApiOkResponse({ type: DeadlineResponse })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'VALIDATION_FAILED, UNKNOWN_HALL or CALENDAR_YEAR_UNAVAILABLE' })
  deadline(@Query() query: DeadlineQueryDto): Promise<DeadlineResponse> {
    return this.calendar.deadline(query);
  }

  @Get('warnings')
  @ApiOperation({ summary: 'Years whose State Council holiday notice the admins must enter (until then they are provisional)' })
  @ApiOkResponse({ type: CalendarWarningsResponse })
  warnings(): Promise<CalendarWarningsResponse> {
    return this.calendar.warnings();
  }
}
