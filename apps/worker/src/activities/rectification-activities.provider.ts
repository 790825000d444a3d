import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { createPgPool, createPrismaClient, MasterDataVersion, WorkingCalendarCache, type Pool, type PrismaClient } from '@haochaping/db';
import type { RectificationActivities } from '@haochaping/contracts';
import { WorkerConfig } from '../config/worker-config';
import { NotificationDriver } from '../notifications/notification.driver';
import { createRectificationActivities } from './rectification.activities';

/** Builds the activity functions from their dependencies, so Nest owns the lifecycle of what they hold. */
@Injectable()
export class RectificationActivitiesProvider implements OnModuleInit, OnApplicationShutdown {
  private readonly pool: Pool;
  /** Shared with the SMS invitations' activities (one pool per worker). */
  readonly prisma: PrismaClient;
  /**
   * The worker's one LISTEN connection for master_data_changed: a hall's calendar is cached (the deadlines of one
   * step come from one read) until an admin changes office hours or holidays, and the next deadline uses the change.
   */
  readonly masterDataVersion: MasterDataVersion;
  readonly activities: RectificationActivities;
  /** The halls' calendars, cached until master data changes; shared with the SMS invitations' activities. */
  readonly workingCalendar: WorkingCalendarCache;

  constructor(config: WorkerConfig, notifier: NotificationDriver) {
    // One pool for Prisma and the statements that skip it (the read model's write).
    this.pool = createPgPool(config.databaseUrl);
    this.prisma = createPrismaClient({ databaseUrl: config.databaseUrl, pool: this.pool });
    this.masterDataVersion = new MasterDataVersion(this.pool, { databaseUrl: config.databaseUrl, logger: new Logger(MasterDataVersion.name) });
    this.workingCalendar = new WorkingCalendarCache(this.prisma, this.masterDataVersion);
    this.activities = createRectificationActivities({ prisma: this.prisma, pool: this.pool, notifier, workingCalendar: this.workingCalendar });
  }

  /** Listening before the Temporal worker starts (onApplicationBootstrap) takes its first activity. */
  onModuleInit(): Promise<void> {
    return this.masterDataVersion.start();
  }

  /** After the Temporal worker has drained (TemporalWorkerService, onModuleDestroy): no activity uses them any more. */
  async onApplicationShutdown(): Promise<void> {
    await this.masterDataVersion.stop();
    await this.prisma.$disconnect();
    await this.pool.end();
  }
}
