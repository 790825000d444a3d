import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createPrismaClient, type PrismaClient } from '@haochaping/db';
import { WorkerConfig } from '../config/worker-config';

/** The database connections of the notification outbox (the driver writing rows, the dispatcher sending them). */
@Injectable()
export class NotificationsPrisma implements OnApplicationShutdown {
  readonly client: PrismaClient;

  constructor(config: WorkerConfig) {
    // One pass of the dispatcher holds one connection at a time; the driver writes one row per activity.
    this.client = createPrismaClient({ databaseUrl: config.databaseUrl, poolSize: 3 });
  }

  /** After the dispatcher's last pass and the Temporal worker's last activity (both stop on module destruction, which comes first). */
  async onApplicationShutdown(): Promise<void> {
    await this.client.$disconnect();
  }
}
