import { Module, type DynamicModule } from '@nestjs/common';
import { DataProtector } from '@haochaping/privacy';
import { RectificationActivitiesProvider } from './activities/rectification-activities.provider';
import { WorkerConfig } from './config/worker-config';
import { LogNotificationDriver } from './notifications/log-notification.driver';
import { NotificationDriver } from './notifications/notification.driver';
import { TemporalWorkerService } from './temporal/temporal-worker.service';

@Module({})
export class WorkerModule {
  static forConfig(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      providers: [
        { provide: WorkerConfig, useValue: config },
        { provide: DataProtector, useValue: new DataProtector(config.dataKey) },
        // The log driver until the SMS/notification module provides a real one.
        { provide: NotificationDriver, useClass: LogNotificationDriver },
        RectificationActivitiesProvider,
        TemporalWorkerService,
      ],
      exports: [TemporalWorkerService],
    };
  }
}
