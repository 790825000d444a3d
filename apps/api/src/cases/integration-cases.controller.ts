import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiTags, ApiUnauthorizedResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ApiError } from '../common/api-error';
import { CurrentIntegrationClient, IntegrationClientAuth, type IntegrationClient } from '../integration-auth/integration-client.guard';
import { CaseIntakeService } from './case-intake.service';
import { CaseIntakeReportResponse } from './dto/case-intake-report.response';
import { IngestCasesDto } from './dto/ingest-cases.dto';
import { BodyLimit } from './http-body.setup';

/** 1,000 cases of a few hundred bytes each, with room to spare. */
const BATCH_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

@ApiTags('integration')
@ApiUnauthorizedResponse({ type: ApiError, description: 'INVALID_API_KEY' })
@IntegrationClientAuth()
@Controller('integration/cases')
export class IntegrationCasesController {
  constructor(private readonly intake: CaseIntakeService) {}

  @Post()
  @HttpCode(200)
  @BodyLimit(BATCH_BODY_LIMIT_BYTES)
  @ApiOperation({
    summary: '数据归集: 1–1000 cases; each row accepted (new), updated (known case number) or rejected with Chinese reasons, on its own',
  })
  @ApiOkResponse({ type: CaseIntakeReportResponse })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'BATCH_TOO_LARGE, or no cases array' })
  @ApiPayloadTooLargeResponse({ type: ApiError })
  ingest(@Body() body: IngestCasesDto, @CurrentIntegrationClient() client: IntegrationClient): Promise<CaseIntakeReportResponse> {
    return this.intake.ingestBatch(body.cases, client.id);
  }
}
