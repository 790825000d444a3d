import { Module } from '@nestjs/common';
import { ApiClientsController } from './api-clients.controller';
import { AuditLogController } from './audit-log.controller';
import { AuditLogService } from './audit-log.service';
import { OptionSetsController } from './option-sets.controller';
import { OptionSetsService } from './option-sets.service';
import { SlaPoliciesController } from './sla-policies.controller';
import { SlaPoliciesService } from './sla-policies.service';

/**
 * County administration endpoints: integration keys, option sets, SLA policies (ADMIN writes; the county supervisor
 * reads the rules) and the audit log. IntegrationClientsService comes from the global IntegrationAuthModule.
 */
@Module({
  controllers: [ApiClientsController, OptionSetsController, SlaPoliciesController, AuditLogController],
  providers: [OptionSetsService, SlaPoliciesService, AuditLogService],
})
export class AdminModule {}
