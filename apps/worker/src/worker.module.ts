import { Module, type DynamicModule } from '@nestjs/common';
import { MasterDataVersion, protectorFor } from '@haochaping/db';
import { DataProtector } from '@haochaping/privacy/server';
import { RectificationActivitiesProvider } from './activities/rectification-activities.provider';
import { RatingInvitationRemindersProvider } from './invitation-reminders/rating-invitation-reminders.provider';
import { ReadModelReconciliationProvider } from './read-model-reconciliation/read-model-reconciliation.provider';
import { WorkerConfig } from './config/worker-config';
import { ExchangeActivitiesProvider } from './exchange/exchange-activities.provider';
import { ExchangeReconciliationProvider } from './exchange-reconciliation/exchange-reconciliation.provider';
import { FigureDaysProvider } from './figure-days/figure-days.provider';
import { NotificationDispatcher } from './notifications/notification-dispatcher.service';
import { NotificationDriver } from './notifications/notification.driver';
import { NotificationsPrisma } from './notifications/notifications-prisma.provider';
import { OutboxNotificationDriver } from './notifications/outbox-notification.driver';
import { createSmsDriver } from './notifications/sms/sms-driver.factory';
import { SmsDriver } from './notifications/sms/sms.driver';
import { TemporalWorkerService } from './temporal/temporal-worker.service';

@Module({})
export class WorkerModule {
  static forConfig(config: WorkerConfig): DynamicModule {
    const settings = config.notifications;
    return {
      module: WorkerModule,
      providers: [
        { provide: WorkerConfig, useValue: config },
        // No start when a stored value names a key the ring lacks.
        { provide: DataProtector, useFactory: () => protectorFor(config.databaseUrl, config.dataKey) },
        NotificationsPrisma,
        // The workflow's notifications become rows of the notification outbox (console notices, SMS to reviewers).
        {
          provide: NotificationDriver,
          inject: [NotificationsPrisma],
          useFactory: (db: NotificationsPrisma) => new OutboxNotificationDriver({ prisma: db.client, publicBaseUrl: settings.publicBaseUrl }),
        },
        { provide: SmsDriver, useFactory: () => createSmsDriver(settings) },
        {
          provide: NotificationDispatcher,
          inject: [NotificationsPrisma, DataProtector, SmsDriver],
          useFactory: (db: NotificationsPrisma, protector: DataProtector, sms: SmsDriver) =>
            new NotificationDispatcher(db.client, protector, sms, {
              pollMs: settings.notificationPollMs,
              maxAttempts: settings.smsMaxAttempts,
              retryBaseMs: settings.smsRetryBaseMs,
              // A claimed SMS stays hidden from other passes well beyond one gateway call.
              leaseMs: Math.max(2 * settings.smsTimeoutMs, 60_000),
            }),
        },
        RectificationActivitiesProvider,
        RatingInvitationRemindersProvider,
        // The worker's LISTEN connection for master-data changes, for whoever must wait until the worker heard of one.
        { provide: MasterDataVersion, inject: [RectificationActivitiesProvider], useFactory: (provider: RectificationActivitiesProvider) => provider.masterDataVersion },
        ExchangeActivitiesProvider,
        ExchangeReconciliationProvider,
        FigureDaysProvider,
        ReadModelReconciliationProvider,
        TemporalWorkerService,
      ],
      exports: [TemporalWorkerService, NotificationDispatcher],
    };
  }
}
