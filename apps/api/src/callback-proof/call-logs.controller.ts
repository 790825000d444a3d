import { Body, Controller, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Actor } from '@haochaping/contracts';
import { ActorGuard } from '../actor/actor.guard';
import { CurrentActor } from '../actor/current-actor.decorator';
import { Roles, RolesGuard } from '../actor/roles.guard';
import { BodyLimit } from '../cases/http-body.setup';
import { ApiError, DomainHttpException } from '../common/api-error';
import { MAX_CALL_LOG_LINES } from './call-log-csv';
import { CallLogImportService } from './call-log-import.service';
import { CallLogImportQueryDto } from './dto/call-log-import-query.dto';
import { CallLogImportResponse } from './dto/call-log-import.response';

const CALL_LOG_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

@ApiTags('call-logs')
@ApiHeader({ name: 'X-Dev-Actor', required: false, description: 'development only: {"userId":"…","role":"HANDLER","hallCodes":["jintun"]}' })
@ApiBearerAuth()
@UseGuards(ActorGuard, RolesGuard)
@Controller('call-logs')
export class CallLogsController {
  constructor(private readonly imports: CallLogImportService) {}

  @Post('import')
  @HttpCode(200)
  @Roles('HANDLER', 'TOWN_LEADER', 'COUNTY_SUPERVISOR', 'ADMIN')
  @BodyLimit(CALL_LOG_BODY_LIMIT_BYTES)
  @ApiOperation({
    summary: `Imports a hall's phone-system call log (CSV: 通话时间, 通话时长, 被叫号码; ≤ ${MAX_CALL_LOG_LINES} lines) as evidence of callbacks`,
    description:
      'The called number is stored only as its keyed hash. `dryRun=true` checks the file and lists the bad lines with their reasons, writing nothing; ' +
      'without it the readable lines are imported and the bad ones skipped (listed the same way). Importing the same calls again adds nothing.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: '通话时间,通话时长,被叫号码\n2026-03-09 10:15:00,95,13812345678' } })
  @ApiOkResponse({ type: CallLogImportResponse })
  @ApiUnauthorizedResponse({ type: ApiError })
  @ApiForbiddenResponse({ type: ApiError, description: 'not a hall role or the county, or another hall' })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'CSV_INVALID (not UTF-8, unreadable, missing columns), BATCH_TOO_LARGE or UNKNOWN_HALL' })
  @ApiUnsupportedMediaTypeResponse({ type: ApiError })
  @ApiPayloadTooLargeResponse({ type: ApiError })
  importCsv(@Query() query: CallLogImportQueryDto, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<CallLogImportResponse> {
    if (!(body instanceof Uint8Array) && typeof body !== 'string') throw new DomainHttpException(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 text/csv 格式上传（UTF-8 编码的 CSV 文件内容）');
    return this.imports.importCsv(body, query.hallCode, query.dryRun === true, actor);
  }
}
