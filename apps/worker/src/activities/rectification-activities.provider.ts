import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createPrismaClient, type PrismaClient } from '@haochaping/db';
import type { RectificationActivities } from '@haochaping/contracts';
import { WorkerConfig } from '../config/worker-config';
import { NotificationDriver } from '../notifications/notification.driver';
import { createRectificationActivities } from './rectification.activities';

/** Builds the activity functions from their dependencies, so Nest owns the lifecycle of what they hold. */
@Injectable()
export class RectificationActivitiesProvider implements OnModuleDestroy {
  private readonly prisma: PrismaClient;
  readonly activities: RectificationActivities;

  constructor(config: WorkerConfig, notifier: NotificationDriver) {
    this.prisma = createPrismaClient({ databaseUrl: config.databaseUrl });
    this.activities = createRectificationActivities({ prisma: this.prisma, notifier });
  }

  async onModuleDestroy(): Promise<void> {
    await this.prisma.$disconnect();
  }
}
