import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ApiError } from '../common/api-error';
import { CaseLookupDto, CaseLookupResponse, WindowResponse } from './dto/window.dto';
import { WindowLookupService } from './window-lookup.service';

/** What the window QR page needs: the window, and the citizen's cases there that can still be rated. */
@ApiTags('public')
@ApiNotFoundResponse({ type: ApiError, description: 'UNKNOWN_HALL, UNKNOWN_WINDOW' })
@Controller('public/windows/:hallCode/:windowCode')
export class PublicWindowsController {
  constructor(private readonly windows: WindowLookupService) {}

  @Get()
  @ApiOperation({ summary: 'The hall and window a QR code names' })
  @ApiOkResponse({ type: WindowResponse })
  describe(@Param('hallCode') hallCode: string, @Param('windowCode') windowCode: string): Promise<WindowResponse> {
    return this.windows.describe(hallCode, windowCode);
  }

  @Post('case-lookup')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cases completed at this window for this phone, still inside the rating period and not yet rated' })
  @ApiOkResponse({ type: CaseLookupResponse })
  @ApiTooManyRequestsResponse({ type: ApiError, description: 'per client address, per phone' })
  lookup(@Param('hallCode') hallCode: string, @Param('windowCode') windowCode: string, @Body() dto: CaseLookupDto): Promise<CaseLookupResponse> {
    return this.windows.lookup(hallCode, windowCode, dto.phone);
  }
}
