import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CaseImportService } from './case-import.service';

/**
 * The CSV import template, open to anyone: it holds no personal data, and a plain download link cannot send the
 * actor header. A controller of its own so that the OpenAPI document does not give it the staff controller's
 * bearer requirement (an operation cannot drop its controller's security).
 */
@ApiTags('cases')
@Controller('cases')
export class CaseImportTemplateController {
  constructor(private readonly imports: CaseImportService) {}

  @Get('import-template.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', `attachment; filename="cases-import-template.csv"; filename*=UTF-8''${encodeURIComponent('办件导入模板.csv')}`)
  @ApiOperation({ summary: 'The CSV import template: UTF-8 with BOM, Chinese headers, one example line' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'the template' })
  template(): Promise<string> {
    return this.imports.template();
  }
}
