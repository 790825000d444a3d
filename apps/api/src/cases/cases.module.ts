import { Module } from '@nestjs/common';
import { CaseImportService } from './case-import.service';
import { CaseImportTemplateController } from './case-import-template.controller';
import { CaseIntakeService } from './case-intake.service';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { HttpBodySetup } from './http-body.setup';
import { IntegrationCasesController } from './integration-cases.controller';

/** 办件 (数据归集): delivered by business systems or imported from CSV, listed for the console. */
@Module({
  controllers: [IntegrationCasesController, CaseImportTemplateController, CasesController],
  providers: [CaseIntakeService, CaseImportService, CasesService, HttpBodySetup],
  exports: [CaseIntakeService],
})
export class CasesModule {}
