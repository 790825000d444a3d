import { Global, Module } from '@nestjs/common';
import { CaseWorkflowClient } from './case-workflow.client';
import { TemporalClientService } from './temporal-client.service';

/** The API's Temporal connection, and CaseWorkflowClient: the one way to a running case, for every feature. */
@Global()
@Module({ providers: [TemporalClientService, CaseWorkflowClient], exports: [TemporalClientService, CaseWorkflowClient] })
export class TemporalModule {}
