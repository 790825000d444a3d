import { Module } from '@nestjs/common';
import { ReadModelReconciliationController } from './read-model-reconciliation.controller';
import { ReadModelReconciliationService } from './read-model-reconciliation.service';

/** 数据核对: the reports of the read model's reconciler, 立即核对 and its setting (the worker runs it). */
@Module({ controllers: [ReadModelReconciliationController], providers: [ReadModelReconciliationService] })
export class ReadModelReconciliationModule {}
