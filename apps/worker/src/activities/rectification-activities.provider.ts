import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createPgPool, createPrismaClient, type Pool, type PrismaClient } from '@haochaping/db';
import type { RectificationActivities } from '@haochaping/contracts';
import { WorkerConfig } from '../config/worker-config';
import { NotificationDriver } from '../notifications/notification.driver';
import { createRectificationActivities } from './rectification.activities';

/** Builds the activity functions from their dependencies, so Nest owns the lifecycle of what they hold. */
@Injectable()
export class RectificationActivitiesProvider implements OnModuleDestroy {
  private readonly pool: Pool;
  private readonly prisma: PrismaClient;
  readonly activities: RectificationActivities;

  constructor(config: WorkerConfig, notifier: NotificationDriver) {
    // One pool for Prisma and the statements that skip it (the read model's write).
    this.pool = createPgPool(config.databaseUrl);
    this.prisma = createPrismaClient({ databaseUrl: config.databaseUrl, pool: this.pool });
    // A hall's calendar is reused for 5 s: the deadlines of one step come from one read, and an admin's change to
    // office hours or holidays counts for every deadline computed 5 s later.
    this.activities = createRectificationActivities({ prisma: this.prisma, pool: this.pool, notifier, calendarTtlMs: 5_000 });
  }

  async onModuleDestroy(): Promise<void> {
    await this.prisma.$disconnect();
    await this.pool.end();
  }
}
