import { Module, type DynamicModule } from '@nestjs/common';
import { RectificationActivitiesProvider } from './activities/rectification-activities.provider';
import { WorkerConfig } from './config/worker-config';
import { TemporalWorkerService } from './temporal/temporal-worker.service';

@Module({})
export class WorkerModule {
  static forConfig(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      providers: [{ provide: WorkerConfig, useValue: config }, RectificationActivitiesProvider, TemporalWorkerService],
      exports: [TemporalWorkerService],
    };
  }
}
