import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiError } from '../common/api-error';
import { PublicHallResponse } from './dto/hall.response';
import { HallsService } from './halls.service';

/** The halls and their windows for the citizen pages, without sign-in (the console's /api/halls needs one). */
@ApiTags('public')
@Controller('public/halls')
export class PublicHallsController {
  constructor(private readonly halls: HallsService) {}

  @Get()
  @ApiOperation({ summary: 'Every hall with its windows (streets first, then towns, by code)' })
  @ApiOkResponse({ type: [PublicHallResponse] })
  list(): Promise<PublicHallResponse[]> {
    return this.halls.publicList();
  }

  @Get(':code')
  @ApiOperation({ summary: 'One hall with its windows' })
  @ApiOkResponse({ type: PublicHallResponse })
  @ApiNotFoundResponse({ type: ApiError })
  get(@Param('code') code: string): Promise<PublicHallResponse> {
    return this.halls.publicGet(code);
  }
}
