import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { protectorFor } from '@haochaping/db';
import { DataProtector } from '@haochaping/privacy/server';
import { AdminModule } from './admin/admin.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { CasesModule } from './cases/cases.module';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { Clock } from './common/clock';
import { AppConfig } from './config/app-config';
import { DashboardModule } from './dashboard/dashboard.module';
import { HealthModule } from './health/health.module';
import { IntegrationAuthModule } from './integration-auth/integration-auth.module';
import { MasterDataModule } from './master-data/master-data.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PrismaModule } from './prisma/prisma.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { RectificationsModule } from './rectifications/rectifications.module';
import { loggingModule } from './logging/logging.module';
import { MetricsModule } from './metrics/metrics.module';
import { ResultsModule } from './results/results.module';
import { PraiseIntegrityModule } from './praise-integrity/praise-integrity.module';
import { ReviewIntakeModule } from './review-intake/review-intake.module';
import { ReviewRecordsModule } from './review-records/review-records.module';
import { ReviewStatusModule } from './review-status/review-status.module';
import { StaffSmsModule } from './staff-sms/staff-sms.module';
import { StatisticsModule } from './statistics/statistics.module';
import { TemporalModule } from './temporal/temporal.module';
import { UsersModule } from './users/users.module';
import { WindowsModule } from './windows/windows.module';
import { ReadModelReconciliationModule } from './read-model-reconciliation/read-model-reconciliation.module';
import { ExchangeAdminModule } from './exchange-admin/exchange-admin.module';
import { MonthlyReportModule } from './monthly-report/monthly-report.module';
import { PublicResultsModule } from './public-results/public-results.module';
import { ImprovementsModule } from './improvements/improvements.module';

@Module({})
export class AppModule {
  /** The configuration is handed in (main.ts reads the environment; tests build their own, and may fix the clock). */
  static forConfig(config: AppConfig, clock: Clock = new Clock(), logs = true): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [loggingModule({ enabled: logs, level: process.env.LOG_LEVEL }), PrismaModule, RateLimitModule, TemporalModule, HealthModule, ReviewIntakeModule, ReviewStatusModule, ReviewRecordsModule, RectificationsModule,
        CalendarModule, MasterDataModule, NotificationsModule, IntegrationAuthModule, AdminModule, CasesModule, WindowsModule, AuthModule, UsersModule,
        StatisticsModule, ResultsModule, MetricsModule, StaffSmsModule, DashboardModule,
        ReadModelReconciliationModule, ExchangeAdminModule, MonthlyReportModule,
        PraiseIntegrityModule, PublicResultsModule, ImprovementsModule],
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: Clock, useValue: clock },
        // Names and phones at rest (AES-256-GCM) and the keyed phone hash; one instance per process. No start when a
        // stored value names a key the ring lacks.
        { provide: DataProtector, useFactory: () => protectorFor(config.databaseUrl, config.dataKey) },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
      exports: [AppConfig, Clock, DataProtector],
    };
  }
}
