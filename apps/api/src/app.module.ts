import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { AppConfig } from './config/app-config';
import { HealthModule } from './health/health.module';
import { PrismaModule } from './prisma/prisma.module';
import { RectificationsModule } from './rectifications/rectifications.module';
import { ReviewsModule } from './reviews/reviews.module';
import { TemporalModule } from './temporal/temporal.module';

@Module({})
export class AppModule {
  /** The configuration is handed in (main.ts reads the environment; tests build their own). */
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [PrismaModule, TemporalModule, HealthModule, ReviewsModule, RectificationsModule],
      providers: [{ provide: AppConfig, useValue: config }, { provide: APP_FILTER, useClass: ApiExceptionFilter }],
      exports: [AppConfig],
    };
  }
}
